import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import type { Db } from "./db.js";

/**
 * express-rate-limit counters kept in PostgreSQL, so that every instance
 * behind the proxy counts the same hits. One statement per hit: it starts a
 * new window when the old one is over.
 */
export class PostgresRateLimitStore implements Store {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  init(options: Options) {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const rows = await this.db.$queryRaw<{ hits: number; resetAt: Date }[]>`
      INSERT INTO "RateLimitHit" (key, hits, "resetAt")
      VALUES (${this.prefix + key}, 1, now() + ${this.windowMs} * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN "RateLimitHit"."resetAt" <= now() THEN 1 ELSE "RateLimitHit".hits + 1 END,
        "resetAt" = CASE WHEN "RateLimitHit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimitHit"."resetAt" END
      RETURNING hits, "resetAt"`;
    const row = rows[0]!;
    return { totalHits: row.hits, resetTime: row.resetAt };
  }

  async decrement(key: string) {
    await this.db.$executeRaw`UPDATE "RateLimitHit" SET hits = greatest(hits - 1, 0) WHERE key = ${this.prefix + key}`;
  }

  async resetKey(key: string) {
    await this.db.$executeRaw`DELETE FROM "RateLimitHit" WHERE key = ${this.prefix + key}`;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.db.rateLimitHit.findUnique({ where: { key: this.prefix + key } });
    return row && row.resetAt > new Date() ? { totalHits: row.hits, resetTime: row.resetAt } : undefined;
  }
}
