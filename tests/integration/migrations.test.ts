// The migrations must build exactly what prisma/schema.prisma describes, and
// applying them must be repeatable. Self-contained: one throwaway embedded PGlite,
// no external database (the schema engine runs in WebAssembly).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/embeddedPostgres.js";
import { applyMigrations, diffDatabaseToSchema, readMigrations, SCHEMA_PATH } from "../../src/db/migrate.js";

// PGlite takes seconds to create its cluster, more on a busy 2-core machine.
const SLOW = 120_000;

describe("migrations", () => {
  const dir = mkdtempSync(join(tmpdir(), "migrations-test-"));
  let db: EmbeddedPostgres;
  let firstRun: string[];

  beforeAll(async () => {
    db = await startEmbeddedPostgres(join(dir, "pglite"));
    firstRun = await applyMigrations(db.connectionString);
  }, SLOW);

  afterAll(async () => {
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies every migration once, then nothing", { timeout: SLOW }, async () => {
    expect(firstRun).toEqual(readMigrations().migrationDirectories.map((migration) => migration.path));
    expect(firstRun.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.connectionString)).toEqual([]);

    // A plain client right after the engine: the embedded server must have let go of it.
    const client = new pg.Client({ connectionString: db.connectionString });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
      );
      expect(rows.map((row) => row.migration_name)).toEqual(firstRun);
    } finally {
      await client.end();
    }
  });

  it("match prisma/schema.prisma (else: npm run db:migration:create -- <name>)", { timeout: SLOW }, async () => {
    const drift = await diffDatabaseToSchema(db.connectionString);
    expect(drift, `the migrations do not produce schema.prisma; missing SQL:\n${drift}`).toBeNull();
  });

  it("notice a schema change the migrations lack", { timeout: SLOW }, async () => {
    const changed = join(dir, "schema.prisma");
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    writeFileSync(changed, schema.replace(/model RegistryCounter \{/, "$&\n  note String?"));
    const drift = await diffDatabaseToSchema(db.connectionString, changed);
    expect(drift).toMatch(/ALTER TABLE "RegistryCounter" ADD COLUMN\s+"note" TEXT/);
  });
});
