import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";

/** /admin: what is waiting for staff. */
export function dashboardPage(services: Services): RequestHandler {
  return async (_req, res) => {
    const [queues, reports, stale, verifications, integrations] = await Promise.all([
      services.review.queues(),
      services.problemReport.countOpen(),
      services.registerUpkeep.staleCount(),
      services.verificationCycle.queueTotal(),
      services.serviceIntegration.countProposed(),
    ]);
    res.render("admin/dashboard", { queues, reports, stale, verifications, integrations });
  };
}
