import { Router } from "express";
import type { Services } from "../../services/index.js";
import { toCsv } from "../../domain/csv.js";
import { publicDatasetNames } from "../../services/monitoring/statisticsDatasets.js";
import { createRenderOnce } from "./renderOnce.js";

/** /statistiche: public monitoring figures, each also a CSV file. */
export function statisticsRoutes(services: Services) {
  const router = Router();
  const renderOnce = createRenderOnce();

  router.get("/statistiche", async (req, res) => {
    const figures = await services.statistics.publicFigures();
    await renderOnce(req, res, figures, "public/statistics", { figures, datasets: publicDatasetNames });
  });

  router.get("/statistiche/:name.csv", async (req, res, next) => {
    const dataset = await services.statistics.dataset(String(req.params.name));
    if (!dataset) return next();
    res.setHeader("Content-Disposition", `attachment; filename="statistiche-${req.params.name}.csv"`);
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.type("text/csv; charset=utf-8").send(toCsv(dataset.columns, dataset.rows));
  });

  return router;
}
