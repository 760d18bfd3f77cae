import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { parseForm } from "../../validation/form.js";
import { renderConfirmation } from "../confirmation.js";
import { validId } from "./idParam.js";
import { partnerSchema, projectTextsSchema } from "./project.schema.js";

const base = "/admin/impostazioni/progetto";
const done = ["salvati", "aggiunto", "salvato", "eliminato"] as const;

/** /admin/impostazioni/progetto: the texts and the partners of /progetto (admins only, as every setting). */
export function projectSettingsRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const project = services.project;

  const renderTexts = async (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render("admin/settings/project", {
      partners: await project.partners(),
      updatedAt: (await project.texts()).updatedAt,
      errors: {},
      done: undefined,
      ...locals,
    });
  const renderPartner = (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render("admin/settings/partner", { errors: {}, ...locals });

  router.get("/", async (req, res) => {
    const { description, aims } = await project.texts();
    const values = { descriptionIt: description.it, descriptionEn: description.en, aimsIt: aims.it, aimsEn: aims.en };
    await renderTexts(res, 200, { values, done: done.find((d) => d === req.query.esito) });
  });

  router.post("/", async (req, res) => {
    const form = parseForm(projectTextsSchema, req);
    if (!form.ok) return renderTexts(res, 422, form);
    await project.saveTexts(req.user!, form.data);
    res.redirect(303, `${base}?esito=salvati`);
  });

  router.get("/partner/nuovo", (_req, res) => renderPartner(res, 200, { partner: null, values: {} }));

  router.post("/partner/nuovo", async (req, res) => {
    const form = parseForm(partnerSchema, req);
    if (!form.ok) return renderPartner(res, 422, { partner: null, ...form });
    await project.createPartner(req.user!, form.data);
    res.redirect(303, `${base}?esito=aggiunto`);
  });

  router.get("/partner/:id", async (req, res) => {
    const partner = await project.findPartner(Number(req.params.id));
    if (!partner) return res.status(404).render("errors/404");
    renderPartner(res, 200, { partner, values: { ...partner, website: partner.website ?? "" } });
  });

  router.post("/partner/:id", async (req, res) => {
    const partner = await project.findPartner(Number(req.params.id));
    if (!partner) return res.status(404).render("errors/404");
    const form = parseForm(partnerSchema, req);
    if (!form.ok) return renderPartner(res, 422, { partner, ...form });
    if (!(await project.updatePartner(partner.id, req.user!, form.data))) return res.status(404).render("errors/404");
    res.redirect(303, `${base}?esito=salvato`);
  });

  router.get("/partner/:id/elimina", async (req, res) => {
    const partner = await project.findPartner(Number(req.params.id));
    if (!partner) return res.status(404).render("errors/404");
    const t = res.locals.t;
    renderConfirmation(res, {
      title: t("project.admin.deleteTitle"),
      question: t("project.admin.deleteQuestion", { name: partner.name }),
      action: `${base}/partner/${partner.id}/elimina`,
      submit: t("project.admin.delete"),
      back: `${base}/partner/${partner.id}`,
    });
  });

  router.post("/partner/:id/elimina", async (req, res) => {
    if (!(await project.deletePartner(Number(req.params.id), req.user!))) return res.status(404).render("errors/404");
    res.redirect(303, `${base}?esito=eliminato`);
  });

  return router;
}
