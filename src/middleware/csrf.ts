import { createHmac } from "node:crypto";
import cookieParser from "cookie-parser";
import { doubleCsrf } from "csrf-csrf";
import { Router, type Request } from "express";
import type { Config } from "../config.js";

/** The CSRF cookie's name: `__Host-` in production, like the session cookie (middleware/session.ts). */
export function csrfCookieName(config: Config) {
  return config.isProduction ? "__Host-rwb.csrf" : "rwb.csrf";
}

const sessionIdentifier = (req: Request) => (req.user ? req.sessionID : "");

/**
 * Where a POST carries its token: the hidden field `_csrf` of an urlencoded
 * form, or the X-CSRF-Token header. A multipart form (an image upload) carries
 * it in its action's query string instead, because its body is read later, by
 * its own route: checking the token first means that no upload is read or
 * buffered for a forged request. The query is accepted for multipart posts
 * only; the Referrer-Policy keeps URLs from leaving the site and the request
 * log writes the token as "[token]".
 */
function tokenOf(req: Request): string | undefined {
  const field = (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined;
  const fromQuery = req.is("multipart/form-data") ? req.query._csrf : undefined;
  return field ?? req.get("x-csrf-token") ?? (typeof fromQuery === "string" ? fromQuery : undefined);
}

/**
 * Signed double-submit tokens (csrf-csrf): the token lives in an HttpOnly cookie and in the form,
 * signed with a key derived from SESSION_SECRET, so checking it needs no server state. A visitor
 * who opens a form page therefore gets no session row (ASVS 7.2: sessions only when a form is
 * posted or someone signs in). Once signed in, the signature also covers the session's id, so a
 * token planted by someone else, or one from before the login, is refused.
 */
export function csrfProtection(config: Config) {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => createHmac("sha256", config.sessionSecret).update("csrf token").digest("hex"),
    getSessionIdentifier: sessionIdentifier,
    cookieName: csrfCookieName(config),
    cookieOptions: { httpOnly: true, sameSite: "lax", secure: config.isProduction, path: "/" },
    getCsrfTokenFromRequest: tokenOf,
  });
  const router = Router();
  router.use(cookieParser());
  router.use((req, res, next) => {
    // Asked for only when a view renders a form, so pages without one set no cookie; and at
    // login (routes/accounts/loginSteps.ts), whose new session needs a token bound to it.
    let token: string | undefined;
    let boundTo: string | undefined;
    res.locals.csrfToken = () => {
      if (token === undefined || boundTo !== sessionIdentifier(req)) {
        token = generateCsrfToken(req, res);
        boundTo = sessionIdentifier(req);
      }
      return token;
    };
    next();
  });
  router.use(doubleCsrfProtection);
  return router;
}
