import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { NextFunction, Request, Response } from "express";
import type { Authenticator, LoginFailure } from "../../middleware/authentication.js";
import type { AuthService } from "../../services/accounts/authService.js";
import { safeReturnPath } from "../../middleware/authorization.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { loginSchema } from "./login.schema.js";

const homeFor = (user: Express.User) => (user.role === "COMPANY" ? "/impresa" : "/admin");

/** passport's req.login regenerates the session id, so a planted id is useless after login. */
function logIn(req: Request, user: Express.User) {
  return new Promise<void>((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())));
}

/** passport-local's check of the e-mail and password: the user, or why not. */
function checkPassword(authenticator: Authenticator, req: Request, res: Response, next: NextFunction) {
  return new Promise<{ user: Express.User } | { failure: LoginFailure }>((resolve, reject) => {
    authenticator.authenticate(
      "local",
      { session: false },
      (err: unknown, user: Express.User | false, info?: { message?: LoginFailure }) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        resolve(user ? { user } : { failure: info?.message ?? "invalid" });
      },
    )(req, res, next);
  });
}

export function loginRoutes(limits: RateLimits, authenticator: Authenticator, auth: AuthService) {
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
      return res.status(401).render(view, {
        values: { email: form.data.email, returnTo: form.data.returnTo },
        errors: {},
        failure: `accounts.login.failure.${outcome.failure}`,
      });
    }
    await logIn(req, outcome.user);
    // E-mails the register writes on its own (reminders, alerts) use the language of the last login.
    await auth.rememberLanguage(outcome.user.id, res.locals.lang);
    res.redirect(303, safeReturnPath(form.data.returnTo, homeFor(outcome.user)));
  });

  router.post("/esci", (req, res, next) => {
    req.logout((err) => {
      if (err) return next(err);
      req.session.destroy(() => {
        res.clearCookie("rwb.sid");
        res.redirect(303, "/");
      });
    });
  });

  return router;
}
