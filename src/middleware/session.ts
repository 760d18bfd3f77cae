import { Router } from "express";
import session from "express-session";
import connectPgSimple from "connect-pg-simple";
import type pg from "pg";
import type { Config } from "../config.js";

/** The session cookie's name and attributes (also what sign-out clears). */
export function sessionCookie(config: Config) {
  return {
    // __Host-: the browser keeps it only from this exact host over HTTPS, path /, never set by a subdomain.
    name: config.isProduction ? "__Host-rwb.sid" : "rwb.sid",
    options: { httpOnly: true, sameSite: "lax", secure: config.isProduction, path: "/" } as const,
  };
}

/**
 * Sessions live in PostgreSQL (table "session", created by the migrations) so
 * any number of instances can serve the same user. Anonymous visitors get no
 * session row until something is stored (saveUninitialized: false).
 */
export function sessions(config: Config, pool: pg.Pool) {
  const cookie = sessionCookie(config);
  const PgStore = connectPgSimple(session);
  const router = Router();
  router.use(
    session({
      name: cookie.name,
      store: new PgStore({
        pool,
        tableName: "session",
        createTableIfMissing: false,
        pruneSessionInterval: config.env === "test" ? false : 15 * 60,
      }),
      secret: config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { ...cookie.options, maxAge: 8 * 60 * 60 * 1000 },
    }),
  );
  // The absolute limit beside the idle one (rolling: an active session would otherwise live for
  // ever): a login older than SESSION_MAX_HOURS is dropped, the visitor signs in again.
  router.use((req, _res, next) => {
    const { passport, loginAt } = req.session ?? {};
    if (passport?.user !== undefined && !(loginAt && Date.now() - loginAt <= config.sessionMaxMs)) {
      delete req.session.passport;
      delete req.session.loginAt;
    }
    next();
  });
  return router;
}
