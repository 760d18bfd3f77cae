import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { Router } from "express";
import type { RateLimits } from "../../middleware/rateLimits.js";
import type { Services } from "../../services/index.js";
import { DOWNLOADS, OPEN_DATA_LICENCE } from "../../services/monitoring/openDataService.js";
import { publicDatasetNames } from "../../services/monitoring/statisticsDatasets.js";
import { publicDownload } from "./publicFile.js";

/** /open-data: the datasets, their licence, the downloads and the DCAT-AP_IT catalogue. */
export function openDataRoutes(services: Services, limits: RateLimits) {
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
    const catalogue = JSON.stringify(await openData.catalogue(), null, 2);
    publicDownload(res, "catalogo.jsonld");
    res.type("application/ld+json").send(catalogue);
  });

  // Each file is produced once per change of the register (services/openDataFiles.ts)
  // and streamed from disk, gzip-compressed already for clients that accept it.
  router.get("/open-data/:file", limits.openDataDownloads, async (req, res, next) => {
    const name = String(req.params.file);
    if (!openData.isDownload(name)) return next();
    const file = await openData.file(name);
    const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
    const stored = gzip ? file.gzip : file.plain;
    res.setHeader("Content-Type", DOWNLOADS[name].type);
    // Revalidated at every use (a 304 costs nothing): a change is never hidden by a cache.
    // no-transform: the compression middleware leaves the stored bytes alone.
    res.setHeader("Cache-Control", "public, no-cache, no-transform");
    res.setHeader("Vary", "Accept-Encoding");
    publicDownload(res, name);
    res.setHeader("ETag", gzip ? file.etag.replace(/"$/, '-gzip"') : file.etag);
    if (file.lastModified) res.setHeader("Last-Modified", file.lastModified.toUTCString());
    if (req.fresh) return res.status(304).end();
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", String(stored.size));
    if (req.method === "HEAD") return res.end();
    // Streamed with backpressure: a slow client holds one 64 KB buffer, whatever the file's size.
    await pipeline(createReadStream(stored.path), res).catch(() => res.destroy());
  });

  return router;
}
