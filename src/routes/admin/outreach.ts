import { Router } from "express";
import type { Services } from "../../services/index.js";
import { adminAdviceRoutes } from "./advice.js";
import { adminContributionRoutes } from "./contributions.js";
import { adminEventRoutes } from "./events.js";
import { adminEventRegistrationRoutes } from "./eventRegistrations.js";
import { adminNewsRoutes } from "./news.js";

/** /admin/eventi, /admin/contributi, /admin/consulenze, /admin/notizie (behind the admin area's role check). */
export function outreachAdminRoutes(services: Services) {
  const router = Router();
  router.use(adminEventRoutes(services));
  router.use(adminEventRegistrationRoutes(services));
  router.use(adminContributionRoutes(services));
  router.use(adminAdviceRoutes(services));
  router.use(adminNewsRoutes(services));
  return router;
}
