import { Router } from "express";
import type { Services } from "../../services/index.js";
import { requireRole } from "../../middleware/authorization.js";
import { localHome } from "./home.js";
import { localListRoutes } from "./localLists.js";
import { localFigureRoutes } from "./localFigures.js";
import { localIntegrationRoutes } from "./integrations.js";
import { loadTerritory } from "./territoryScope.js";

/**
 * The local authorities' area: only LOCAL_AUTHORITY accounts, each seeing the
 * register of its own comuni only (a comune of someone else's is a 404).
 */
export function localAuthorityRoutes(services: Services) {
  const area = Router();
  area.use(requireRole("LOCAL_AUTHORITY"));
  area.use(loadTerritory(services));
  area.get("/", localHome(services));
  area.use(localListRoutes(services));
  area.use(localFigureRoutes(services));
  area.use(localIntegrationRoutes(services));
  const router = Router();
  router.use("/ente", area);
  return router;
}
