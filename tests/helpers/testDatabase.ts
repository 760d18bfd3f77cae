// Each test file gets its own database, cloned from the migrated template that
// tests/helpers/globalSetup.ts prepared, so files never see each other's rows
// and may run in parallel:
//   server:   CREATE DATABASE <prefix>_<random> TEMPLATE <template> (about 0.1 s),
//             dropped again by close();
//   embedded: a copy of the migrated PGlite folder served by its own PGlite in
//             this worker (about 0.5 s), deleted by close(). Single connection.
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { connect, type Database } from "../../src/db/database.js";
import { startEmbeddedPostgres } from "../../src/db/embeddedPostgres.js";
import { databaseUrl, withAdminClient } from "./globalSetup.js";

/** The same shape the app gets from openDatabase: pass it wherever a Database goes. */
export type TestDatabase = Database;

/** Enough for concurrent requests in one test file; the server allows 200 connections. */
const POOL_SIZE = 5;

/**
 * A fresh, migrated, otherwise empty database for the calling test file.
 * Call it in `beforeAll` and `close()` it in `afterAll`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject("testDatabaseServer");
  if (server.kind === "embedded") {
    const dir = mkdtempSync(join(server.workDir, "file-"));
    cpSync(server.templateDir, join(dir, "data"), { recursive: true });
    const embedded = await startEmbeddedPostgres(join(dir, "data"));
    return connect(embedded.connectionString, 1, "embedded", async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    });
  }
  const { adminUrl, template, prefix } = server;
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return connect(databaseUrl(adminUrl, name), POOL_SIZE, "server", async () => {
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
}
