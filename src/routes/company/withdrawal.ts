import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { withdrawalSchema } from "./measure.schema.js";

/** /impresa/ritiro: leaving the register; the data stays for the record and leaves the public site. */
export function withdrawalRoutes(services: Services) {
  const router = Router();
  const view = "company/withdrawal";

  router.get("/ritiro", async (req, res, next) => {
    const ws = await services.companyDraft.workspace(req.user!);
    if (ws.organization?.registryStatus !== "REGISTERED") return next();
    res.render(view, { organization: ws.organization, values: {}, errors: {} });
  });

  router.post("/ritiro", async (req, res, next) => {
    const ws = await services.companyDraft.workspace(req.user!);
    if (ws.organization?.registryStatus !== "REGISTERED") return next();
    const form = parseForm(withdrawalSchema, req);
    if (!form.ok) return renderInvalid(res, view, form, { organization: ws.organization });
    await services.companyApplication.withdraw(req.user!, form.data.reason);
    res.redirect(303, "/impresa?salvato=ritiro");
  });

  return router;
}
