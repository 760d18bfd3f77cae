import type { RequestHandler } from "express";

const RETRY_AFTER_SECONDS = 10;

/**
 * At most `perClient` downloads at once from one client address on this
 * instance; one more is answered 429 with Retry-After (a download manager
 * opening dozens of connections cannot take every socket and disk read). The
 * map holds only the addresses downloading right now.
 */
export function limitConcurrentDownloads(perClient: number): RequestHandler {
  const active = new Map<string, number>();
  return (req, res, next) => {
    const client = req.ip ?? "unknown";
    const running = active.get(client) ?? 0;
    if (running >= perClient) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return res.status(429).render("errors/429");
    }
    active.set(client, running + 1);
    res.once("close", () => {
      const left = (active.get(client) ?? 1) - 1;
      if (left > 0) active.set(client, left);
      else active.delete(client);
    });
    next();
  };
}
