import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { adviceRoutes } from "./advice.js";
import { adviceWithdrawalRoutes } from "./adviceWithdrawal.js";
import { alertRoutes } from "./alerts.js";
import { alertUnsubscribeRoutes } from "./alertUnsubscribe.js";
import { eventRoutes } from "./events.js";
import { eventRegistrationRoutes } from "./eventRegistration.js";
import { guideRoutes } from "./guide.js";

/** /eventi, /guida, /consulenza, /avvisi: what the register offers citizens beyond the search. */
export function outreachRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.use(eventRoutes(services));
  router.use(eventRegistrationRoutes(services, limits));
  router.use(guideRoutes(services));
  router.use(adviceRoutes(services, limits));
  router.use(adviceWithdrawalRoutes(services, limits));
  router.use(alertRoutes(services, limits));
  router.use(alertUnsubscribeRoutes(services, limits));
  return router;
}
