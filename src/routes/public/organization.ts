import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { organizationJsonLd } from "./organizationJsonLd.js";
import { needsVerification } from "../../domain/verification.js";

export function organizationPage(services: Services): RequestHandler {
  return async (req, res, next) => {
    const slug = String(req.params.slug);
    const organization = await services.registry.organizationPage(slug);
    if (!organization) return next();
    res.render("public/organization", {
      organization,
      networks: organization.networks,
      needsVerification: needsVerification(organization.lastVerifiedAt),
      jsonLd: organizationJsonLd(organization, `${res.locals.publicBaseUrl}/registro/${organization.slug}`),
    });
  };
}
