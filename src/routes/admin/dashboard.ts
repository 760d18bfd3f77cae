import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";

/** /admin: what is waiting for staff. */
export function dashboardPage(services: Services): RequestHandler {
  return async (_req, res) => {
    const [queues, reports, stale] = await Promise.all([
      services.admin.review.queues(),
      services.admin.problemReports.countOpen(),
      services.admin.upkeep.staleCount(),
    ]);
    res.render("admin/dashboard", { queues, reports, stale });
  };
}
