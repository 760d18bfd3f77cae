import type { Services } from "../../services/index.js";
import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { NextFunction, Request, Response } from "express";
import type { Authenticator, LoginFailure } from "../../middleware/authentication.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { loginSchema } from "./login.schema.js";
import { signOut } from "./signOut.js";
import { afterPassword, homeFor } from "./loginSteps.js";
import { secondFactorRoutes } from "./secondFactor.js";

/** passport-local's check of the e-mail and password: the user, or why not. */
function checkPassword(authenticator: Authenticator, req: Request, res: Response, next: NextFunction) {
  type Failure = { failure: LoginFailure; retryAfterSeconds?: number };
  return new Promise<{ user: Express.User } | Failure>((resolve, reject) => {
    authenticator.authenticate(
      "local",
      { session: false },
      (err: unknown, user: Express.User | false, info?: { message?: LoginFailure; retryAfterSeconds?: number }) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        resolve(user ? { user } : { failure: info?.message ?? "invalid", retryAfterSeconds: info?.retryAfterSeconds });
      },
    )(req, res, next);
  });
}

export function loginRoutes(services: Services, limits: RateLimits, authenticator: Authenticator) {
  const router = Router();
  const view = "accounts/login";

  router.get("/accedi", (req, res) => {
    if (req.user) return res.redirect(303, homeFor(req.user));
    res.render(view, { values: { returnTo: req.query.torna }, errors: {} });
  });

  router.post("/accedi", limits.login, async (req, res, next) => {
    const form = parseForm(loginSchema, req);
    if (!form.ok) return renderInvalid(res, view, { ...form, values: { ...form.values, password: "" } });
    const outcome = await checkPassword(authenticator, req, res, next);
    if ("failure" in outcome) {
      // Too many failures with this address: the wait, in whole minutes, and the same 429 for any address.
      const wait = outcome.retryAfterSeconds;
      if (wait !== undefined) res.status(429).setHeader("Retry-After", String(wait));
      else res.status(401);
      return res.render(view, {
        values: { email: form.data.email, returnTo: form.data.returnTo },
        errors: {},
        failure: `accounts.login.failure.${outcome.failure}`,
        failureParams: { count: Math.ceil((wait ?? 0) / 60) },
      });
    }
    res.redirect(303, await afterPassword(req, res, services, outcome.user, form.data.returnTo));
  });

  router.post("/esci", (req, res, next) => signOut(req, res, next, "/"));
  router.use(secondFactorRoutes(services));

  return router;
}
