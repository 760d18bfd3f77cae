import { Router } from "express";
import type { Services } from "../../services/index.js";
import { DOWNLOADS, OPEN_DATA_LICENCE } from "../../services/openDataService.js";
import { publicDatasetNames } from "../../services/statisticsDatasets.js";
import { streamChunks } from "./streamResponse.js";

/** /open-data: the datasets, their licence, the streamed downloads and the DCAT-AP_IT catalogue. */
export function openDataRoutes(services: Services) {
  const router = Router();
  const { openData } = services;

  router.get("/open-data", async (_req, res) => {
    const modified = await openData.lastModified();
    res.render("public/openData", {
      downloads: DOWNLOADS,
      statistics: publicDatasetNames,
      licence: OPEN_DATA_LICENCE,
      modified,
    });
  });

  router.get("/open-data/catalogo.jsonld", async (_req, res) => {
    res.type("application/ld+json").send(JSON.stringify(await openData.catalogue(), null, 2));
  });

  router.get("/open-data/:file", async (req, res, next) => {
    const name = String(req.params.file);
    if (!openData.isDownload(name)) return next();
    const modified = await openData.lastModified();
    res.setHeader("Content-Type", DOWNLOADS[name].type);
    res.setHeader("Cache-Control", "public, max-age=300");
    res.setHeader("Access-Control-Allow-Origin", "*");
    if (name.endsWith(".csv")) res.setHeader("Content-Disposition", `attachment; filename="${name}"`);
    if (modified) res.setHeader("Last-Modified", modified.toUTCString());
    if (req.fresh) return res.status(304).end();
    // HEAD: the headers only; Node would discard the body, but reading it would still scan the register.
    if (req.method === "HEAD") return res.end();
    await streamChunks(res, openData.chunks(name));
  });

  return router;
}
