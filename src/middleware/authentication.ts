import passport from "passport";
import { Router } from "express";
import type { AuthService } from "../services/authService.js";

/**
 * Passport restores the signed-in user from the session; the login strategy
 * itself is registered by the accounts routes. Only the user id is stored.
 */
export function authentication(auth: AuthService) {
  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((id: number, done) => {
    auth.sessionUser(id).then((user) => done(null, user ?? false), done);
  });
  const router = Router();
  router.use(passport.initialize());
  router.use(passport.session());
  router.use((req, res, next) => {
    res.locals.user = req.user;
    next();
  });
  return router;
}
