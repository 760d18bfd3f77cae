import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import { applyMigrations, LOCKFILE_NAME, MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { databaseUrl, withAdminClient } from "./globalSetup.js";

/**
 * A database of the test server (not the embedded one) at the state before
 * `migration`, so that a test can write data from before it and then apply
 * it: every other migration is copied to a folder of its own and applied.
 * The database and the folder are removed after the file's tests.
 */
export function migrationScenario(migration: string) {
  const server = inject("testDatabaseServer");
  const name = `${server.kind === "server" ? server.prefix : "x"}_mig_${randomBytes(4).toString("hex")}`;
  const before = mkdtempSync(join(tmpdir(), "migrations-before-"));
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    if (server.kind === "server")
      await withAdminClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
  return {
    available: server.kind === "server",
    /** Creates the database with every migration but `migration`; its URL. */
    async beforeMigration(): Promise<string> {
      if (server.kind !== "server") throw new Error("migration scenarios need the PostgreSQL test server");
      const url = databaseUrl(server.adminUrl, name);
      await withAdminClient(server.adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
      for (const entry of readdirSync(MIGRATIONS_DIR))
        if (!entry.endsWith(migration)) cpSync(join(MIGRATIONS_DIR, entry), join(before, entry), { recursive: true });
      if (!readdirSync(before).includes(LOCKFILE_NAME)) throw new Error(`${LOCKFILE_NAME} was not copied`);
      await applyMigrations(url, before);
      return url;
    },
  };
}
