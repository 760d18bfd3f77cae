import { Router } from "express";
import type { Config } from "../config.js";

/** Values every template may use. */
export function viewLocals(config: Config) {
  const router = Router();
  router.use((req, res, next) => {
    res.locals.currentPath = req.path;
    // Set again by authentication; defined here so error pages render even if sessions fail.
    res.locals.user = undefined;
    res.locals.currentUrl = req.originalUrl;
    res.locals.publicBaseUrl = config.publicBaseUrl;
    res.locals.mapTileUrl = config.mapTileUrl;
    res.locals.mapTileAttribution = config.mapTileAttribution;
    next();
  });
  return router;
}
