import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolSettled } from "../../src/db/database.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

// Shutdown waits for handlers still querying after their client went away
// (src/server.ts): the pool must be quiet before it is closed.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe("poolSettled", () => {
  it("waits while a connection is in use, and for a quiet moment after", async () => {
    const client = await db.pool.connect();
    const started = Date.now();
    setTimeout(() => client.release(), 300);
    expect(await poolSettled(db.pool, { quietMs: 100, timeoutMs: 5_000 })).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("keeps waiting through the short gap between two queries of one handler", async () => {
    const firstQueryStarted = new Promise((resolve) => db.pool.once("acquire", resolve));
    const handler = (async () => {
      await db.pool.query("SELECT pg_sleep(0.2)");
      await new Promise((resolve) => setTimeout(resolve, 50));
      await db.pool.query("SELECT pg_sleep(0.2)");
      return Date.now();
    })();
    await firstQueryStarted;
    expect(await poolSettled(db.pool, { quietMs: 150, timeoutMs: 5_000 })).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(await handler);
  });

  it("gives up after its timeout, saying so", async () => {
    const client = await db.pool.connect();
    try {
      expect(await poolSettled(db.pool, { quietMs: 50, timeoutMs: 300 })).toBe(false);
    } finally {
      client.release();
    }
  });
});
