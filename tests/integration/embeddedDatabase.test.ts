import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.js";
import { rawQuery } from "../../src/db/rawQuery.js";
import { Prisma } from "../../src/generated/prisma/client.js";

// `npm start` without DATABASE_URL runs on PGlite, whose single session outlives the
// connection. A server idle for a while, or a connection dropped after an error, must
// keep answering: a new connection must not trip over the old one's prepared statements.
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rwb-embedded-"));
  db = await openDatabase({ embeddedDir: join(dir, "data") });
}, 120_000);
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = () => db.prisma.$queryRaw<{ n: number }[]>`SELECT 1 + ${1}::int AS n`;
// The public search's statements go through node-postgres itself (rawQuery.ts).
const askDirectly = () => rawQuery<{ n: number }>(db.pool, Prisma.sql`SELECT 2 + ${1}::int AS n`);

it("answers again after its connection was closed and opened anew", async () => {
  expect(await ask()).toEqual([{ n: 2 }]);
  expect(await askDirectly()).toEqual([{ n: 3 }]);
  // What the pool does to a client that failed (or, before, to one idle for 30 s).
  const client = await db.pool.connect();
  client.release(true);
  // PGlite's socket server takes the next connection once it has seen this one close.
  await new Promise((r) => setTimeout(r, 500));
  expect(await ask()).toEqual([{ n: 2 }]);
  expect(await ask()).toEqual([{ n: 2 }]);
  expect(await askDirectly()).toEqual([{ n: 3 }]);
}, 60_000);

it("keeps its one connection while idle", () => {
  expect(db.pool.options.idleTimeoutMillis).toBe(0);
});
