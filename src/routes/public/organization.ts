import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { organizationJsonLd } from "./organizationJsonLd.js";

const VERIFICATION_MONTHS = 12;

export function organizationPage(services: Services): RequestHandler {
  return async (req, res, next) => {
    const slug = String(req.params.slug);
    const organization = await services.registry.organizationPage(slug);
    if (!organization) return next();
    const verifyBy = new Date();
    verifyBy.setMonth(verifyBy.getMonth() - VERIFICATION_MONTHS);
    res.render("public/organization", {
      organization,
      needsVerification: !organization.lastVerifiedAt || organization.lastVerifiedAt < verifyBy,
      jsonLd: organizationJsonLd(organization, `${res.locals.publicBaseUrl}/registro/${organization.slug}`),
    });
  };
}
