import { Router } from "express";
import { z } from "zod";
import type { Services } from "../../services/index.js";

/** `?pagina=`: a page number; anything else is the first page. */
const queueQuery = z.object({
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** /admin/classificazioni: the measures waiting for a classification, the longest waiting first. */
export function classificationRoutes(services: Services) {
  const router = Router();
  router.get("/classificazioni", async (req, res) => {
    const { pagina } = queueQuery.parse(req.query);
    const { items, total, page, pages } = await services.registerUpkeep.classificationQueue(pagina);
    res.render("admin/classifications/index", { total, measures: items, page, pages });
  });
  return router;
}
