import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";

/** /admin/statistiche: the public figures plus the review workload, for staff. */
export function staffStatisticsPage(services: Services): RequestHandler {
  return async (_req, res) => {
    const [figures, staff] = await Promise.all([
      services.statistics.publicFigures(),
      services.statistics.staffFigures(),
    ]);
    res.render("admin/statistics", { figures, staff });
  };
}
