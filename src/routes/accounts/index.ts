import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { registrationRoutes } from "./registration.js";
import { passwordResetRoutes } from "./passwordReset.js";
import { invitationRoutes } from "./invitation.js";
import { accountRoutes } from "./account.js";
import { twoFactorRoutes } from "./twoFactor.js";

/** Accounts besides login: sign-up, verification, password reset, invitations, second factor, own account. */
export function accountsRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.use(registrationRoutes(services, limits));
  router.use(passwordResetRoutes(services, limits));
  router.use(invitationRoutes(services, limits));
  // Before the account's own role check: a login waiting for its set-up reaches this page.
  router.use(twoFactorRoutes(services));
  router.use(accountRoutes(services));
  return router;
}
