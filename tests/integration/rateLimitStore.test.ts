import type { Options } from "express-rate-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresRateLimitStore } from "../../src/data/shared/rateLimitStore.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

/** A store as express-rate-limit sets it up: init with the limiter's options first. */
function store(prefix: string, windowMs = 60_000) {
  const s = createPostgresRateLimitStore(db.prisma, prefix);
  s.init({ windowMs } as Options);
  return s;
}

describe("the PostgreSQL rate-limit store", () => {
  it("counts the hits of one key across instances, apart from other limiters", async () => {
    const [one, other, elsewhere] = [store("login:"), store("login:"), store("public-forms:")];
    expect((await one.increment("10.0.0.1")).totalHits).toBe(1);
    expect((await other.increment("10.0.0.1")).totalHits).toBe(2);
    expect((await elsewhere.increment("10.0.0.1")).totalHits).toBe(1);
    expect((await one.get("10.0.0.1"))?.totalHits).toBe(2);
    expect(one).toMatchObject({ prefix: "login:", localKeys: false });
  });

  it("decrements down to zero, resets a key, and starts a new window when the old one is over", async () => {
    // A long window for counting: a loaded machine must not end it between two steps.
    const s = store("long:");
    await s.increment("k");
    await s.decrement("k");
    await s.decrement("k");
    expect((await s.get("k"))?.totalHits).toBe(0);
    await s.resetKey("k");
    expect(await s.get("k")).toBeUndefined();
    expect(await db.prisma.rateLimitHit.count({ where: { key: "long:k" } })).toBe(0);

    const short = store("short:", 200);
    const first = await short.increment("k");
    expect(first.resetTime!.getTime() - Date.now()).toBeLessThanOrEqual(200);
    await short.increment("k");
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await short.get("k")).toBeUndefined();
    expect((await short.increment("k")).totalHits).toBe(1);
  });
});

describe("the counters' table", () => {
  it("is unlogged: a hit waits for no write-ahead log flush (a crash only restarts the windows)", async () => {
    const [table] = await db.prisma.$queryRaw<{ persistence: string }[]>`
      SELECT relpersistence::text AS persistence FROM pg_class WHERE oid = '"RateLimitHit"'::regclass`;
    expect(table?.persistence).toBe("u");
  });
});
