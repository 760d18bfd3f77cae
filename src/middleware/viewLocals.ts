import { Router } from "express";
import type { Config } from "../config.js";

/** Values every template may use. */
export function viewLocals(config: Config) {
  const router = Router();
  router.use((req, res, next) => {
    res.locals.currentPath = req.path;
    res.locals.currentUrl = req.originalUrl;
    res.locals.publicBaseUrl = config.publicBaseUrl;
    res.locals.mapTileUrl = config.mapTileUrl;
    res.locals.mapTileAttribution = config.mapTileAttribution;
    next();
  });
  return router;
}
