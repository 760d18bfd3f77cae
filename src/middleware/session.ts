import session from "express-session";
import connectPgSimple from "connect-pg-simple";
import type pg from "pg";
import type { Config } from "../config.js";

/**
 * Sessions live in PostgreSQL (table "session", created by the migrations) so
 * any number of instances can serve the same user. Anonymous visitors get no
 * session row until something is stored (saveUninitialized: false).
 */
export function sessions(config: Config, pool: pg.Pool) {
  const PgStore = connectPgSimple(session);
  return session({
    name: "rwb.sid",
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
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: config.isProduction,
      maxAge: 8 * 60 * 60 * 1000,
    },
  });
}
