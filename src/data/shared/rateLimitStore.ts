import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import type { Db } from "./db.js";

/**
 * express-rate-limit counters kept in PostgreSQL, so that every instance
 * behind the proxy counts the same hits. One statement per hit: it starts a
 * new window when the old one is over. One store per limiter: `prefix` (its
 * name and a colon) keeps the limiters' counters apart in the one table.
 */
export function createPostgresRateLimitStore(db: Db, prefix: string) {
  let windowMs = 60_000;

  return {
    prefix,
    localKeys: false,

    init(options: Options) {
      windowMs = options.windowMs;
    },

    async increment(key: string): Promise<ClientRateLimitInfo> {
      const rows = await db.$queryRaw<{ hits: number; resetAt: Date }[]>`
        INSERT INTO "RateLimitHit" (key, hits, "resetAt")
        VALUES (${prefix + key}, 1, now() + ${windowMs} * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN "RateLimitHit"."resetAt" <= now() THEN 1 ELSE "RateLimitHit".hits + 1 END,
          "resetAt" = CASE WHEN "RateLimitHit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimitHit"."resetAt" END
        RETURNING hits, "resetAt"`;
      const row = rows[0]!;
      return { totalHits: row.hits, resetTime: row.resetAt };
    },

    async decrement(key: string) {
      await db.$executeRaw`UPDATE "RateLimitHit" SET hits = greatest(hits - 1, 0) WHERE key = ${prefix + key}`;
    },

    async resetKey(key: string) {
      await db.$executeRaw`DELETE FROM "RateLimitHit" WHERE key = ${prefix + key}`;
    },

    async get(key: string): Promise<ClientRateLimitInfo | undefined> {
      const row = await db.rateLimitHit.findUnique({ where: { key: prefix + key } });
      return row && row.resetAt > new Date() ? { totalHits: row.hits, resetTime: row.resetAt } : undefined;
    },
  } satisfies Store;
}

export type PostgresRateLimitStore = ReturnType<typeof createPostgresRateLimitStore>;
