import type { Response } from "express";

// Headers of the public data files: open data, the DCAT catalogue, the statistics,
// the calendars and the map's feed. The ETag (and the 304 answer to If-None-Match)
// comes from Express's res.send, a hash of the body, or for the stored open-data
// files from the register's version (routes/public/openData.ts).

/** Public data, read without credentials: any web page may fetch it (CORS). */
export function readableByAnySite(res: Response) {
  res.setHeader("Access-Control-Allow-Origin", "*");
}

/** A public data file that a browser saves under `filename` (ASCII: our names are slugs). */
export function publicDownload(res: Response, filename: string) {
  readableByAnySite(res);
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
}
