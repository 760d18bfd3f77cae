import { csrfSync } from "csrf-sync";
import { Router } from "express";

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) =>
    ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ?? req.get("x-csrf-token"),
});

/**
 * Synchronizer tokens kept in the session. Views ask for a token only when they
 * render a form (res.locals.csrfToken()), so anonymous browsing creates no session.
 */
export function csrfProtection() {
  const router = Router();
  router.use((req, res, next) => {
    res.locals.csrfToken = () => generateToken(req);
    next();
  });
  router.use(csrfSynchronisedProtection);
  return router;
}
