import { Router } from "express";
import type { Services } from "../../services/index.js";
import { homePage } from "./home.js";
import { registryPage } from "./registry.js";
import { organizationPage } from "./organization.js";
import { mapPage, mapGeoJson } from "./map.js";

export function publicRoutes(services: Services) {
  const router = Router();
  router.get("/", homePage(services));
  router.get("/registro", registryPage(services));
  router.get("/registro/:slug", organizationPage(services));
  router.get("/mappa", mapPage(services));
  router.get("/mappa/dati.geojson", mapGeoJson(services));
  router.get("/accessibilita", (_req, res) => res.render("public/accessibility"));
  router.get("/privacy", (_req, res) => res.render("public/privacy"));
  return router;
}
