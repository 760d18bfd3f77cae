import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { homePage } from "./home.js";
import { outreachRoutes } from "./outreach.js";
import { registryPage } from "./registry.js";
import { organizationPage } from "./organization.js";
import { mapPage, mapGeoJson } from "./map.js";
import { pactPage } from "./pact.js";
import { projectPage } from "./project.js";
import { newsRoutes } from "./news.js";
import { networkRoutes } from "./networks.js";
import { pilotRoutes } from "./pilots.js";
import { statisticsRoutes } from "./statistics.js";
import { monitoringReportRoutes } from "./monitoringReport.js";
import { openDataRoutes } from "./openData.js";
import { readableByAnySite } from "./publicFile.js";
import { rejectMalformedInput } from "../../middleware/malformedInput.js";
import { sendProblem } from "../api/problem.js";

/**
 * The map's GeoJSON feed: read-only data for scripts, like the API, so app.ts
 * mounts it before sessions, sign-in and CSRF, which it has no use for. An
 * unreadable address gets the feed's kind of answer.
 */
export function publicFeedRoutes(services: Services) {
  const router = Router();
  const feed = "/mappa/dati.geojson";
  router.use(
    feed,
    rejectMalformedInput((res, reason) => {
      readableByAnySite(res);
      sendProblem(res, 400, { detail: (res.locals.t as (key: string) => string)(`api.problems.${reason}`) });
    }),
  );
  router.get(feed, mapGeoJson(services));
  return router;
}

export function publicRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.get("/", homePage(services));
  router.get("/registro", registryPage(services));
  router.get("/registro/:slug", organizationPage(services));
  router.get("/mappa", mapPage(services));
  router.get("/patto", pactPage(services));
  router.get("/progetto", projectPage(services));
  router.use(newsRoutes(services));
  router.use(networkRoutes(services));
  router.use(pilotRoutes(services));
  router.use(outreachRoutes(services, limits));
  router.use(statisticsRoutes(services));
  router.use(monitoringReportRoutes(services));
  router.use(openDataRoutes(services, limits));
  router.get("/accessibilita", (_req, res) => res.render("public/accessibility"));
  router.get("/privacy", (_req, res) => res.render("public/privacy"));
  return router;
}
