import { Router } from "express";
import { z } from "zod";
import type { Services } from "../../services/index.js";
import { CLASSIFICATION_QUEUE_PAGE } from "../../services/review/registerUpkeepService.js";

/** `?pagina=`: a page number; anything else is the first page. */
const queueQuery = z.object({
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** /admin/classificazioni: the measures waiting for a classification, the longest waiting first. */
export function classificationRoutes(services: Services) {
  const router = Router();
  router.get("/classificazioni", async (req, res) => {
    const { pagina } = queueQuery.parse(req.query);
    const { total, measures } = await services.registerUpkeep.classificationQueue(pagina);
    const pages = Math.max(1, Math.ceil(total / CLASSIFICATION_QUEUE_PAGE));
    res.render("admin/classifications/index", { total, measures, page: pagina, pages });
  });
  return router;
}
