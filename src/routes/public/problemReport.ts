import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { problemReportSchema } from "./problemReport.schema.js";

const view = "public/problemReport";

/** "Segnala un problema" on a public organization page; reports land in the staff inbox. */
export function problemReportRoutes(services: Services, limits: RateLimits) {
  const router = Router();

  router.get("/registro/:slug/segnala", async (req, res, next) => {
    const organization = await services.registry.organizationPage(String(req.params.slug));
    if (!organization) return next();
    res.render(view, { organization, values: {}, errors: {}, sent: req.query.esito === "inviata" });
  });

  router.post("/registro/:slug/segnala", limits.publicForms, async (req, res, next) => {
    const organization = await services.registry.organizationPage(String(req.params.slug));
    if (!organization) return next();
    const form = parseForm(problemReportSchema, req);
    if (!form.ok) return renderInvalid(res, view, form, { organization, sent: false });
    await services.problemReport.submit(organization.id, form.data.message, form.data.email);
    res.redirect(303, `/registro/${organization.slug}/segnala?esito=inviata`);
  });

  return router;
}
