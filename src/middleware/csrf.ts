import { csrfSync } from "csrf-sync";
import { Router, type Request } from "express";

/**
 * Where a POST carries its token: the hidden field `_csrf` of an urlencoded
 * form, or the X-CSRF-Token header. A multipart form (an image upload) carries
 * it in its action's query string instead, because its body is read later, by
 * its own route: checking the token first means that no upload is read or
 * buffered for a forged request. The query is accepted for multipart posts
 * only; the token is the session's own, the Referrer-Policy keeps URLs from
 * leaving the site and the request log writes it as "[token]".
 */
function tokenOf(req: Request): string | undefined {
  const field = (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined;
  const fromQuery = req.is("multipart/form-data") ? req.query._csrf : undefined;
  return field ?? req.get("x-csrf-token") ?? (typeof fromQuery === "string" ? fromQuery : undefined);
}

const { csrfSynchronisedProtection, generateToken } = csrfSync({ getTokenFromRequest: tokenOf });

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
