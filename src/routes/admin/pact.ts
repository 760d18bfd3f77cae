import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { dateColumn, romeDateAndTime } from "../../domain/romeTime.js";
import { validId } from "./idParam.js";
import { parseForm, type FieldErrors } from "../../validation/form.js";
import { pactRejectSchema, signatorySchema } from "./pact.schema.js";

const done = ["confermata", "respinta", "aggiunto"] as const;

/** /admin/patto: requests of firms to sign, confirmed and rejected signatures, signatories outside the register. */
export function pactAdminRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const pact = services.pact;
  const view = "admin/pact/index";

  async function render(
    res: Response,
    status: number,
    locals: {
      errors?: FieldErrors;
      values?: Record<string, unknown>;
      form?: string;
      signatureId?: number;
      failure?: string;
      done?: string;
    } = {},
  ) {
    res.status(status).render(view, { signatures: await pact.forStaff(), errors: {}, values: {}, ...locals });
  }

  router.get("/", (req, res) => render(res, 200, { done: done.find((d) => d === req.query.esito) }));

  router.post("/", async (req, res) => {
    const form = parseForm(signatorySchema, req);
    if (!form.ok) return render(res, 422, { errors: form.errors, values: form.values, form: "aggiungi" });
    if (form.data.signedOn > romeDateAndTime(new Date()).date) {
      return render(res, 422, {
        errors: { signedOn: { key: "pact.admin.futureDate" } },
        values: form.data,
        form: "aggiungi",
      });
    }
    await pact.addExternal(req.user!, { ...form.data, signedOn: dateColumn(form.data.signedOn) });
    res.redirect(303, "/admin/patto?esito=aggiunto");
  });

  router.post("/:id/conferma", async (req, res) => {
    const outcome = await pact.decide(Number(req.params.id), req.user!, "CONFIRMED");
    if (outcome.ok) return res.redirect(303, "/admin/patto?esito=confermata");
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    render(res, 409, { failure: "pact.admin.conflict" });
  });

  router.post("/:id/respingi", async (req, res) => {
    const id = Number(req.params.id);
    const form = parseForm(pactRejectSchema, req);
    if (!form.ok)
      return render(res, 422, { errors: form.errors, values: form.values, form: "respingi", signatureId: id });
    const outcome = await pact.decide(id, req.user!, "REJECTED", form.data.reason);
    if (outcome.ok) return res.redirect(303, "/admin/patto?esito=respinta");
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    render(res, 409, { failure: "pact.admin.conflict" });
  });

  return router;
}
