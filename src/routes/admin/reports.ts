import { Router } from "express";
import type { Services } from "../../services/index.js";
import { validId } from "./idParam.js";
import { parseForm, parseQuery } from "../../validation/form.js";
import { renderInvalidFilters } from "./listFilters.js";
import { reportColumns } from "./listCsvColumns.js";
import { csvDownload } from "./staffCsv.js";
import type { ReportFilters } from "../../data/registry/problemReportRepository.js";
import { reportFiltersSchema, reportUpdateSchema, type ReportFiltersForm } from "./reports.schema.js";

const listView = "admin/reports/index";

/** The list's GET parameters as the report service takes them. */
const reportFilters = (f: ReportFiltersForm): ReportFilters => ({ status: f.stato, organization: f.q });

/** The staff inbox of "Segnala un problema". */
export function reportRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const reports = services.problemReport;

  router.get("/segnalazioni", async (req, res) => {
    const query = parseQuery(reportFiltersSchema, req);
    if (!query.ok) return renderInvalidFilters(res, listView, query, { reports: [] });
    const found = await reports.list(reportFilters(query.data), query.data.pagina);
    res.render(listView, { reports: found.items, paging: found, filters: query.data, errors: {} });
  });

  router.get(
    "/segnalazioni.csv",
    csvDownload(reportFiltersSchema, "segnalazioni", reportColumns, (f) => reports.batches(reportFilters(f))),
  );

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
