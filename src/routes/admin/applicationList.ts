import { Router } from "express";
import type { Request, Response } from "express";
import type { ApplicationFilters } from "../../data/review/reviewRepository.js";
import type { Services } from "../../services/index.js";
import { parseQuery } from "../../validation/form.js";
import { applicationFiltersSchema, type ApplicationFiltersForm } from "./applications.schema.js";
import { applicationColumns } from "./listCsvColumns.js";
import { renderInvalidFilters } from "./listFilters.js";
import { bulkAction, type BulkFailure } from "./bulkAction.js";
import { csvDownload } from "./staffCsv.js";

const listView = "admin/applications/index";
const listPath = "/admin/domande";

/** The list's GET parameters as the review service takes them. */
const applicationFilters = (f: ApplicationFiltersForm): ApplicationFilters => ({
  text: f.q,
  status: f.stato,
  kind: f.tipo,
  comuneCode: f.comune,
  category: f.categoria,
  assigneeId: f.assegnatario === "nessuno" ? "none" : f.assegnatario,
  waitingDays: f.attesa,
});

/** /admin/domande: the applications, searched and paged, their CSV, "prendi in carico" of several at once. */
export function applicationListRoutes(services: Services) {
  const router = Router();
  const review = services.review;

  async function renderList(req: Request, res: Response, status: number, bulk: BulkFailure | null = null) {
    const query = parseQuery(applicationFiltersSchema, req);
    const [{ comuni }, staff] = await Promise.all([services.referenceData.load(), services.staff.list()]);
    if (!query.ok) return renderInvalidFilters(res, listView, query, { applications: [], comuni, staff });
    const f = query.data;
    const applications = await review.list(applicationFilters(f), f.pagina);
    res.status(status).render(listView, {
      applications: applications.items,
      paging: applications,
      filters: f,
      comuni,
      staff,
      errors: {},
      bulk,
      done: req.query.esito === "prese-in-carico",
    });
  }

  router.get("/domande", (req, res) => renderList(req, res, 200));

  router.get(
    "/domande.csv",
    csvDownload(applicationFiltersSchema, "domande", applicationColumns, (f) => review.batches(applicationFilters(f))),
  );

  router.post("/domande/prendi-in-carico", bulkAction(listPath, "prese-in-carico", review.assignMany, renderList));

  return router;
}
