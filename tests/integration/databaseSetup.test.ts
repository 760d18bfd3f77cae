import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

// Proves what every other integration test relies on: a database of its own,
// migrated, with the Italian text search and the distance functions working.
describe("test database setup", () => {
  let db: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    [db, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });

  afterAll(async () => {
    await Promise.all([db?.close(), other?.close()]);
  });

  it("gives each caller its own migrated database", async () => {
    expect(db.connectionString).not.toBe(other.connectionString);
    const migrations = await db.pool.query("SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(migrations.rows[0].n).toBeGreaterThan(0);

    await db.pool.query("CREATE TABLE setup_probe (note text)");
    await db.pool.query("INSERT INTO setup_probe VALUES ('only here')");

    const seen = await db.pool.query("SELECT note FROM setup_probe");
    expect(seen.rows).toEqual([{ note: "only here" }]);
    const elsewhere = await other.pool.query("SELECT to_regclass('setup_probe') AS probe");
    expect(elsewhere.rows[0].probe).toBeNull();
  });

  it("starts with no organizations", async () => {
    expect(await db.prisma.organization.count()).toBe(0);
  });

  it("matches Italian words regardless of accents", async () => {
    const { rows } = await db.pool.query(
      "SELECT to_tsvector('italian', unaccent($1)) @@ plainto_tsquery('italian', unaccent($2)) AS hit",
      ["Città metropolitana di Bologna", "citta"],
    );
    expect(rows[0].hit).toBe(true);
  });

  it("computes distances on the earth", async () => {
    // Piazza Maggiore (Bologna) to Piazza Grande (Modena): about 37 km.
    const { rows } = await db.pool.query(
      "SELECT earth_distance(ll_to_earth(44.4938, 11.3426), ll_to_earth(44.6462, 10.9255)) AS metres",
    );
    expect(rows[0].metres).toBeGreaterThan(35_000);
    expect(rows[0].metres).toBeLessThan(40_000);
  });
});
