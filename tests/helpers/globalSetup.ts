// Global setup of the integration and browser projects: chooses the PostgreSQL
// server, migrates a template database once, and hands its coordinates to test
// files, which clone it with createTestDatabase() (tests/helpers/testDatabase.ts).
// Server, in order of preference:
//   1. TEST_DATABASE_URL: an existing server; its role needs CREATEDB.
//   2. A throwaway cluster from this machine's PostgreSQL binaries, removed at the end.
//   3. No PostgreSQL installed (or TEST_EMBEDDED_POSTGRES=1): embedded PGlite.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/db/embeddedPostgres.js";
import {
  findPostgresBinDir,
  makeOwnedTempDir,
  PGLITE_DIR_PREFIX,
  removeAbandonedFolders,
  startThrowawayCluster,
  type Cleanup,
} from "./postgresCluster.js";

// The cluster helpers used to live here: importers of this module keep finding them.
export { findPostgresBinDir, freePort, startThrowawayCluster } from "./postgresCluster.js";
export type { Cleanup } from "./postgresCluster.js";

export type TestDatabaseServer =
  /** Test files clone `template` on the server of `adminUrl` into databases named `prefix_*`. */
  | { kind: "server"; adminUrl: string; template: string; prefix: string }
  /** Test files copy the migrated PGlite folder `templateDir` into `workDir` and open the copy. */
  | { kind: "embedded"; templateDir: string; workDir: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServer: TestDatabaseServer;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Cleanup[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    project.provide("testDatabaseServer", await prepareServer(cleanups));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function prepareServer(cleanups: Cleanup[]): Promise<TestDatabaseServer> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    console.log(`Test databases: server of TEST_DATABASE_URL (${new URL(url).host})`);
    return prepareTemplate(url, cleanups, true);
  }
  const forced = process.env.TEST_EMBEDDED_POSTGRES === "1";
  const binDir = forced ? undefined : findPostgresBinDir();
  removeAbandonedFolders(binDir);
  if (binDir) return prepareTemplate(await startThrowawayCluster(binDir, cleanups), cleanups, false);
  console.warn(
    `\n*** ${forced ? "TEST_EMBEDDED_POSTGRES=1" : "No PostgreSQL installed"}: ` +
      "tests run on embedded PGlite (PostgreSQL in WebAssembly), NOT on a real server.\n" +
      "*** Install PostgreSQL or set TEST_DATABASE_URL to test against a real server.\n",
  );
  return prepareEmbeddedTemplate(cleanups);
}

async function prepareTemplate(adminUrl: string, cleanups: Cleanup[], dropAtEnd: boolean) {
  const prefix = `test_${randomBytes(4).toString("hex")}`;
  const template = `${prefix}_template`;
  if (dropAtEnd) cleanups.push(() => dropDatabases(adminUrl, prefix));
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${template}"`));
  await migrate(databaseUrl(adminUrl, template));
  // CREATE DATABASE ... TEMPLATE fails while anyone else is connected to the template.
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`ALTER DATABASE "${template}" ALLOW_CONNECTIONS false`);
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [template]);
  });
  return { kind: "server" as const, adminUrl, template, prefix };
}

async function prepareEmbeddedTemplate(cleanups: Cleanup[]): Promise<TestDatabaseServer> {
  const workDir = makeOwnedTempDir(PGLITE_DIR_PREFIX);
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const templateDir = join(workDir, "template");
  const embedded = await startEmbeddedPostgres(templateDir);
  try {
    await migrate(embedded.connectionString);
  } finally {
    await embedded.stop();
  }
  return { kind: "embedded", templateDir, workDir };
}

async function migrate(connectionString: string) {
  const started = Date.now();
  // Imported here so that test files importing this module's helpers skip the schema engine.
  const { applyMigrations } = await import("../../src/db/migrate.js");
  const applied = await applyMigrations(connectionString);
  console.log(`Test template: ${applied.length} migrations applied in ${Date.now() - started} ms`);
}

async function dropDatabases(adminUrl: string, prefix: string) {
  await withAdminClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`${prefix}_`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

/** `url` with its database name replaced. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
