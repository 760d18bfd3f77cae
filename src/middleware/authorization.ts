import type { RequestHandler } from "express";
import type { Role } from "../generated/prisma/enums.js";
import { pendingLogin } from "./pendingLogin.js";

/** Where a user who typed the password goes for the second factor. */
export const SECOND_STEP_PATH = "/accedi/codice";

/**
 * The role check an area's router applies once for everything under it:
 * anonymous visitors are sent to log in (and back afterwards), signed-in
 * users without the role get 403. A login still waiting for its second factor
 * is not signed in: its pages lead to the second step, its posts get 403.
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    if (!req.user && pendingLogin(req)) {
      return req.method === "GET"
        ? res.redirect(303, SECOND_STEP_PATH)
        : res.status(403).render("errors/403", { status: 403 });
    }
    if (!req.user) {
      const back = req.method === "GET" ? `?torna=${encodeURIComponent(req.originalUrl)}` : "";
      return res.redirect(303, `/accedi${back}`);
    }
    if (!roles.includes(req.user.role)) return res.status(403).render("errors/403", { status: 403 });
    next();
  };
}

/** Only local paths: never send a user to another site after login. */
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : fallback;
}
