import { Router } from "express";
import type { Services } from "../../services/index.js";
import { ITALIAN_SPREADSHEET, RFC_4180, toCsv } from "../../domain/csv.js";
import { publicDatasetNames } from "../../services/monitoring/statisticsDatasets.js";
import { createRenderOnce } from "./renderOnce.js";
import { publicDownload } from "./publicFile.js";

/** /statistiche: public monitoring figures, each also a CSV file. */
export function statisticsRoutes(services: Services) {
  const router = Router();
  const renderOnce = createRenderOnce();

  router.get("/statistiche", async (req, res) => {
    const figures = await services.statistics.publicFigures();
    await renderOnce(req, res, figures, "public/statistics", { figures, datasets: publicDatasetNames });
  });

  // <name>.csv for programs, <name>-excel.csv for Italian spreadsheets (domain/csv.ts).
  router.get("/statistiche/:name.csv", async (req, res, next) => {
    const [, name = "", excel] = /^(.*?)(-excel)?$/.exec(String(req.params.name)) ?? [];
    const dataset = await services.statistics.dataset(name);
    if (!dataset) return next();
    publicDownload(res, `statistiche-${req.params.name}.csv`);
    const dialect = excel ? ITALIAN_SPREADSHEET : RFC_4180;
    res.type("text/csv; charset=utf-8").send(toCsv(dataset.columns, dataset.rows, dialect));
  });

  return router;
}
