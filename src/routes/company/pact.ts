import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, type FieldErrors } from "../../validation/form.js";
import { pactRequestSchema } from "./pact.schema.js";

/** /impresa/patto: a registered firm asks to sign the Metropolitan Pact; staff confirm it. */
export function companyPactRoutes(services: Services) {
  const router = Router();
  const view = "company/pact";

  async function render(
    req: Request,
    res: Response,
    status: number,
    locals: { errors?: FieldErrors; values?: Record<string, unknown>; refused?: string } = {},
  ) {
    const { organization, signature } = await services.pact.companyView(req.user!.organizationId);
    res.status(status).render(view, {
      organization,
      signature,
      canAsk:
        organization?.registryStatus === "REGISTERED" &&
        signature?.status !== "REQUESTED" &&
        signature?.status !== "CONFIRMED",
      sent: req.query.inviata === "1",
      errors: {},
      values: {},
      ...locals,
    });
  }

  router.get("/patto", (req, res) => render(req, res, 200));

  router.post("/patto", async (req, res) => {
    const form = parseForm(pactRequestSchema, req);
    if (!form.ok) return render(req, res, 422, { errors: form.errors, values: form.values });
    const outcome = await services.pact.requestSignature(req.user!, form.data.commitments);
    if (outcome.ok) return res.redirect(303, "/impresa/patto?inviata=1");
    render(req, res, 409, { refused: outcome.reason, values: form.data });
  });

  return router;
}
