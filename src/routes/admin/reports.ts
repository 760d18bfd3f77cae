import { Router } from "express";
import type { Services } from "../../services/index.js";
import { validId } from "./idParam.js";
import { parseForm } from "../../validation/form.js";
import { reportFiltersSchema, reportUpdateSchema } from "./reports.schema.js";

/** The staff inbox of "Segnala un problema". */
export function reportRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const reports = services.problemReport;

  router.get("/segnalazioni", async (req, res) => {
    const { stato, pagina } = reportFiltersSchema.parse(req.query);
    const found = await reports.list(stato, pagina);
    res.render("admin/reports/index", { reports: found.items, paging: found, stato });
  });

  router.get("/segnalazioni/:id", async (req, res) => {
    const report = await reports.find(Number(req.params.id));
    if (!report) return res.status(404).render("errors/404");
    res.render("admin/reports/show", {
      report,
      values: { stato: report.status, note: report.notes },
      errors: {},
      saved: req.query.esito === "salvata",
    });
  });

  router.post("/segnalazioni/:id", async (req, res) => {
    const report = await reports.find(Number(req.params.id));
    if (!report) return res.status(404).render("errors/404");
    const form = parseForm(reportUpdateSchema, req);
    if (!form.ok)
      return res
        .status(422)
        .render("admin/reports/show", { report, values: form.values, errors: form.errors, saved: false });
    await reports.update(report.id, req.user!, { status: form.data.status, notes: form.data.note });
    res.redirect(303, `/admin/segnalazioni/${report.id}?esito=salvata`);
  });

  return router;
}
