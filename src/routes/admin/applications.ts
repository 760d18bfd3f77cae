import { Router } from "express";
import type { Request, Response } from "express";
import type { Services } from "../../services/index.js";
import { validId } from "./idParam.js";
import type { DecisionOutcome } from "../../services/review/reviewService.js";
import { parseForm, type FieldErrors } from "../../validation/form.js";
import { approveSchema, assignSchema, rejectSchema, requestChangesSchema } from "./applications.schema.js";
import { codeNames } from "../codeNames.js";

const detailView = "admin/applications/show";
const outcomes = ["presa-in-carico", "approvata", "respinta", "integrazioni-richieste"] as const;

export function applicationRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const review = services.review;
  const id = (req: Request) => Number(req.params.id);

  async function renderDetail(
    req: Request,
    res: Response,
    status: number,
    locals: { errors?: FieldErrors; values?: Record<string, unknown>; failure?: string } = {},
  ) {
    const application = Number.isSafeInteger(id(req)) ? await review.detail(id(req)) : null;
    if (!application) return res.status(404).render("errors/404");
    const done = outcomes.find((o) => o === req.query.esito);
    const staff = await services.staff.list();
    const codeName = await codeNames(services.referenceData, res.locals.lang as string);
    res.status(status).render(detailView, { application, staff, done, codeName, errors: {}, values: {}, ...locals });
  }

  /** A refused decision keeps everything the reviewer typed, with the reason on top. */
  async function answer(
    req: Request,
    res: Response,
    outcome: DecisionOutcome,
    done: (typeof outcomes)[number],
    values: Record<string, unknown>,
  ) {
    if (outcome.ok) return res.redirect(303, `/admin/domande/${id(req)}?esito=${done}`);
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    const status = outcome.reason === "conflict" || outcome.reason === "taken" ? 409 : 422;
    return renderDetail(req, res, status, { values, failure: `admin.applications.failure.${outcome.reason}` });
  }

  router.get("/domande/:id", (req, res) => renderDetail(req, res, 200));

  router.post("/domande/:id/prendi-in-carico", async (req, res) => {
    const form = parseForm(assignSchema, req);
    if (!form.ok) return res.status(400).render("errors/400");
    await answer(req, res, await review.assign(id(req), form.data.seenAssignee, req.user!), "presa-in-carico", {});
  });

  router.post("/domande/:id/approva", async (req, res) => {
    const form = parseForm(approveSchema, req);
    if (!form.ok) return renderDetail(req, res, 422, { errors: form.errors, values: form.values });
    await answer(
      req,
      res,
      await review.approve({ applicationId: id(req), version: form.data.version, actor: req.user! }),
      "approvata",
      {},
    );
  });

  router.post("/domande/:id/richiedi-integrazioni", async (req, res) => {
    const form = parseForm(requestChangesSchema, req);
    if (!form.ok) return renderDetail(req, res, 422, { errors: form.errors, values: form.values });
    const d = { applicationId: id(req), version: form.data.version, actor: req.user! };
    await answer(req, res, await review.requestChanges(d, form.data.comment), "integrazioni-richieste", form.data);
  });

  router.post("/domande/:id/respingi", async (req, res) => {
    const form = parseForm(rejectSchema, req);
    if (!form.ok) return renderDetail(req, res, 422, { errors: form.errors, values: form.values });
    const d = { applicationId: id(req), version: form.data.version, actor: req.user! };
    await answer(req, res, await review.reject(d, form.data.reason), "respinta", form.data);
  });

  return router;
}
