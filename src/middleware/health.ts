import { Router } from "express";
import type { Database } from "../db/database.js";

/** Mounted before sessions and i18n: cheap, and usable by load balancers. */
export function health(db: Database) {
  const router = Router();
  router.get("/ping", (_req, res) => {
    res.type("text/plain").send("pong");
  });
  router.get("/health", async (_req, res) => {
    try {
      await db.pool.query("SELECT 1");
      res.json({ status: "ok", database: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });
  return router;
}
