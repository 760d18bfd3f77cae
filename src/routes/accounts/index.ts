import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { registrationRoutes } from "./registration.js";
import { passwordResetRoutes } from "./passwordReset.js";
import { invitationRoutes } from "./invitation.js";
import { accountRoutes } from "./account.js";

/** Accounts besides login: sign-up, verification, password reset, invitations, own account. */
export function accountsRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.use(registrationRoutes(services, limits));
  router.use(passwordResetRoutes(services, limits));
  router.use(invitationRoutes(services, limits));
  router.use(accountRoutes(services));
  return router;
}
