import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { adviceRoutes } from "./advice.js";
import { adviceWithdrawalRoutes } from "./adviceWithdrawal.js";
import { eventRoutes } from "./events.js";
import { eventRegistrationRoutes } from "./eventRegistration.js";
import { guideRoutes } from "./guide.js";

/** /eventi, /guida, /consulenza: what the register offers citizens beyond the search. */
export function outreachRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.use(eventRoutes(services));
  router.use(eventRegistrationRoutes(services, limits));
  router.use(guideRoutes(services));
  router.use(adviceRoutes(services, limits));
  router.use(adviceWithdrawalRoutes(services, limits));
  return router;
}
