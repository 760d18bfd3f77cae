import type { Response } from "express";

/**
 * JSON with its validator: Express computes the ETag of the body (a search's
 * answer brings its own: SearchAnswer in registryService.ts) and answers 304
 * when If-None-Match matches it. No Last-Modified is sent: the answers
 * change without any stored date moving (an organization suspended leaves a
 * list, counts come from other tables, "to verify" follows the calendar).
 */
export function sendResource(res: Response, body: unknown) {
  sendSerialized(res, JSON.stringify(body));
}

/** The same for a body already serialized (a cached answer), with its validator when it has one. */
export function sendSerialized(res: Response, json: string | Buffer, etag?: string) {
  if (etag) res.setHeader("ETag", etag);
  res.setHeader("Cache-Control", "public, max-age=60");
  // Names are localized from Accept-Language or the lang cookie: a shared cache must key on both.
  res.vary("Accept-Language");
  res.vary("Cookie");
  res.type("application/json").send(json);
}
