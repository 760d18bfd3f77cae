import { Router } from "express";
import type { Database } from "../db/database.js";

/** A load balancer must get an answer quickly even when the database hangs. */
const CHECK_TIMEOUT_MS = 3_000;

/**
 * Mounted before sessions and i18n: cheap, and usable by load balancers.
 * `searchIndex`: the in-process search index's state ("off", "building" until
 * the first is built, then the version and size of the last one built).
 */
export function health(db: Database, searchIndex: () => unknown) {
  const router = Router();
  router.get("/ping", (_req, res) => {
    res.type("text/plain").send("pong");
  });
  router.get("/health", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        db.pool.query("SELECT 1"),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error("database check timed out")), CHECK_TIMEOUT_MS);
        }),
      ]);
      res.json({ status: "ok", database: "ok", searchIndex: searchIndex() });
    } catch {
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
