import type { Response } from "express";

export interface Resource {
  body: unknown;
  /** When the data last changed; null when it cannot be told (the ETag still answers 304). */
  lastModified: Date | null;
}

/**
 * JSON with validators: Express computes the ETag of the body and answers 304
 * when If-None-Match matches it, or, without If-None-Match, when
 * If-Modified-Since is not older than Last-Modified.
 */
export function sendResource(res: Response, { body, lastModified }: Resource) {
  res.setHeader("Cache-Control", "public, max-age=60");
  // Names are localized from Accept-Language or the lang cookie: a shared cache must key on both.
  res.vary("Accept-Language");
  res.vary("Cookie");
  if (lastModified) res.setHeader("Last-Modified", lastModified.toUTCString());
  res.json(body);
}
