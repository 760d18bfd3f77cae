import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { requireRole } from "../../middleware/authorization.js";
import { companyHome } from "./home.js";
import { organizationRoutes } from "./organization.js";
import { measureRoutes } from "./measures.js";
import { applicationRoutes } from "./application.js";
import { revisionRoutes } from "./revision.js";
import { withdrawalRoutes } from "./withdrawal.js";
import { colleagueRoutes } from "./colleagues.js";
import { companyPactRoutes } from "./pact.js";
import { companyNetworkRoutes } from "./networks.js";
import { verificationRoutes } from "./verification.js";
import { companyPlanRoutes } from "./plan.js";

/** The company area: only company representatives, each seeing only their own organization. */
export function companyRoutes(services: Services, limits: RateLimits) {
  const area = Router();
  area.use(requireRole("COMPANY"));
  area.get("/", companyHome(services));
  area.use(organizationRoutes(services));
  area.use(measureRoutes(services));
  area.use(applicationRoutes(services));
  area.use(revisionRoutes(services));
  area.use(withdrawalRoutes(services));
  area.use(colleagueRoutes(services, limits));
  area.use(companyPactRoutes(services));
  area.use(companyNetworkRoutes(services));
  area.use(verificationRoutes(services));
  area.use(companyPlanRoutes(services));
  const router = Router();
  router.use("/impresa", area);
  return router;
}
