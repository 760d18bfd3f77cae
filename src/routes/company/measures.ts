import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { renderConfirmation } from "../confirmation.js";
import { draftMeasureSchema, versionOnlySchema } from "./measure.schema.js";
import { asFormValues, formVersion, renderRefused } from "./workspaceView.js";

/** Add, edit and remove the measures of the application; keys of other organizations are simply not found. */
export function measureRoutes(services: Services) {
  const router = Router();
  const view = "company/measure";

  router.get("/misure/nuova", async (req, res) => {
    const ws = await services.companyDraft.workspace(req.user!);
    if (!ws.organization) return res.redirect(303, "/impresa/organizzazione");
    if (!ws.editable) return renderRefused(res, { ok: false, reason: "locked" });
    res.render(view, { key: null, values: { version: formVersion(ws), beneficiaries: [] }, errors: {} });
  });

  router.get("/misure/:key", async (req, res, next) => {
    const ws = await services.companyDraft.workspace(req.user!);
    const measure = ws.payload.measures.find((m) => m.key === req.params.key);
    if (!measure) return next();
    if (!ws.editable) return renderRefused(res, { ok: false, reason: "locked" });
    res.render(view, { key: measure.key, values: { ...asFormValues(measure), version: formVersion(ws) }, errors: {} });
  });

  router.post("/misure/:key", async (req, res, next) => {
    const key = req.params.key === "nuova" ? null : req.params.key;
    const ws = await services.companyDraft.workspace(req.user!);
    if (key !== null && !ws.payload.measures.some((m) => m.key === key)) return next();
    const form = parseForm(draftMeasureSchema, req);
    if (!form.ok) return renderInvalid(res, view, form, { key });
    const { version, ...measure } = form.data;
    const outcome = await services.companyDraft.saveMeasure(req.user!, version, key, measure);
    if (outcome.ok) return res.redirect(303, "/impresa?salvato=misura");
    renderRefused(res, outcome);
  });

  router.get("/misure/:key/elimina", async (req, res, next) => {
    const ws = await services.companyDraft.workspace(req.user!);
    const measure = ws.payload.measures.find((m) => m.key === req.params.key);
    if (!measure) return next();
    if (!ws.editable) return renderRefused(res, { ok: false, reason: "locked" });
    const t = res.locals.t as (key: string, params?: object) => string;
    renderConfirmation(res, {
      title: t("company.home.removeMeasureTitle"),
      question: t("company.home.removeMeasureQuestion", { title: measure.title || t("company.measures.untitled") }),
      action: `/impresa/misure/${measure.key}/elimina`,
      submit: t("company.home.removeMeasureConfirm"),
      back: "/impresa",
      fields: [["version", formVersion(ws)]],
    });
  });

  router.post("/misure/:key/elimina", async (req, res, next) => {
    const ws = await services.companyDraft.workspace(req.user!);
    if (!ws.payload.measures.some((m) => m.key === req.params.key)) return next();
    const form = parseForm(versionOnlySchema, req);
    if (!form.ok) return res.status(400).render("errors/400", { status: 400 });
    const outcome = await services.companyDraft.removeMeasure(req.user!, form.data.version, req.params.key);
    if (outcome.ok) return res.redirect(303, "/impresa?salvato=eliminata");
    renderRefused(res, outcome);
  });

  return router;
}
