import { Passport } from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import { Router } from "express";
import type { AuthService, LoginOutcome } from "../services/accounts/authService.js";

export type Authenticator = InstanceType<typeof Passport>;
export type LoginFailure = Exclude<LoginOutcome, { ok: true }>["reason"];

/**
 * The app's own passport (not the module's singleton, so that two apps in one
 * process never share strategies): the "local" strategy checks the e-mail
 * and password through the auth service (same answer for unknown e-mails and
 * wrong passwords, equal timing, progressive delays per address and client);
 * the session stores the user id only.
 */
export function createAuthenticator(auth: AuthService): Authenticator {
  const authenticator = new Passport();
  authenticator.use(
    "local",
    new LocalStrategy(
      { usernameField: "email", passwordField: "password", passReqToCallback: true },
      (req, email, password, done) => {
        auth.authenticate(email, password, req.ip ?? "").then((outcome) => {
          if (outcome.ok) return done(null, outcome.user);
          const retryAfterSeconds = outcome.reason === "throttled" ? outcome.retryAfterSeconds : undefined;
          done(null, false, { message: outcome.reason, retryAfterSeconds } as { message: string });
        }, done);
      },
    ),
  );
  authenticator.serializeUser((user, done) => done(null, user.id));
  authenticator.deserializeUser((id: number, done) => {
    auth.sessionUser(id).then((user) => done(null, user ?? false), done);
  });
  return authenticator;
}

/** Restores the signed-in user from the session for every request. */
export function authentication(authenticator: Authenticator) {
  const router = Router();
  router.use(authenticator.initialize());
  router.use(authenticator.session());
  router.use((req, res, next) => {
    res.locals.user = req.user;
    // A page for a signed-in user (their company, the back office, their name in the header)
    // is never kept by a browser or a proxy: the next person at a shared computer cannot go "back" to it.
    if (req.user) res.setHeader("Cache-Control", "no-store");
    next();
  });
  return router;
}
