// The measurement scripts' database: a throwaway PostgreSQL cluster of this
// machine's binaries (the test helpers'), removed by the cleanups of
// ./measurement.ts, and synthetic data in it.
import type pg from "pg";
import { connect, type Database } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { seedReferenceData } from "../../src/db/seed/referenceData.js";
import { seedSynthetic } from "../../src/db/seed/syntheticData.js";
import { databaseUrl, withAdminClient } from "../../tests/helpers/globalSetup.js";
import { findPostgresBinDir, startThrowawayCluster } from "../../tests/helpers/postgresCluster.js";
import { cleanups } from "./measurement.js";

/**
 * The URL of a new, empty database `name` on a throwaway cluster. `otherwise`
 * ends the error without PostgreSQL binaries: "install PostgreSQL <otherwise>."
 */
export async function createThrowawayDatabase(name: string, otherwise: string): Promise<string> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error(`No PostgreSQL binaries found: install PostgreSQL ${otherwise}.`);
  const adminUrl = await startThrowawayCluster(binDir, cleanups);
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(adminUrl, name);
}

/** `fn` with a pool of `poolSize` connections (and Prisma on it), closed after. */
export async function withDatabase<T>(url: string, poolSize: number, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = connect(url, poolSize, "server", async () => {});
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Migrations, reference data and `organizations` synthetic organizations, then
 * VACUUM ANALYZE. `progress` hears the seeder's messages, `step` how long each
 * step took. Returns the milliseconds of the whole.
 */
export async function loadSyntheticData(
  url: string,
  organizations: number,
  report: { progress: (message: string) => void; step?: (label: string, ms: number) => void },
): Promise<number> {
  console.log(`Loading ${organizations.toLocaleString("en")} synthetic organizations...`);
  return withDatabase(url, 8, async (db) => {
    const started = Date.now();
    const step = async (label: string, fn: () => Promise<unknown>) => {
      const t = Date.now();
      await fn();
      report.step?.(label, Date.now() - t);
    };
    await step("migrations", () => applyMigrations(url));
    await step("reference data", () => seedReferenceData(db.prisma));
    await step("synthetic data", () => seedSynthetic(db.pool, organizations, report.progress));
    // What autovacuum would do soon after a bulk load; planner statistics must be current.
    await step("VACUUM ANALYZE", () => db.pool.query("VACUUM ANALYZE"));
    return Date.now() - started;
  });
}

/** How many organizations (registered ones) and measures, and the PostgreSQL version. */
export async function databaseFacts(client: pg.Client) {
  const { rows } = await client.query<{
    organizations: number;
    registered: number;
    measures: number;
    version: string;
  }>(`
    SELECT (SELECT count(*)::int FROM "Organization") AS organizations,
           (SELECT count(*)::int FROM "Organization" WHERE "registryStatus" = 'REGISTERED') AS registered,
           (SELECT count(*)::int FROM "Measure") AS measures,
           current_setting('server_version') AS version`);
  return rows[0]!;
}
