import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, LOCKFILE_NAME, MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { databaseUrl, withAdminClient } from "../helpers/globalSetup.js";

// The migration that stops drafts reserving a Partita IVA gives back the
// numbers drafts had already taken, on a database with data from before it.
const MIGRATION = "vat_number_reserved_on_submission";
const server = inject("testDatabaseServer");
const name = `${server.kind === "server" ? server.prefix : "x"}_vat_${randomBytes(4).toString("hex")}`;
const before = mkdtempSync(join(tmpdir(), "migrations-before-"));

afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  if (server.kind === "server")
    await withAdminClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

describe(`migration ${MIGRATION}`, () => {
  it.skipIf(server.kind !== "server")(
    "releases numbers held by drafts, keeps submitted and registered ones",
    async () => {
      if (server.kind !== "server") return;
      const url = databaseUrl(server.adminUrl, name);
      await withAdminClient(server.adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
      for (const entry of readdirSync(MIGRATIONS_DIR))
        if (!entry.endsWith(MIGRATION)) cpSync(join(MIGRATIONS_DIR, entry), join(before, entry), { recursive: true });
      expect(readdirSync(before)).toContain(LOCKFILE_NAME);
      await applyMigrations(url, before);

      await withAdminClient(url, async (c) => {
        const org = async (slug: string, vat: string, status: string) =>
          (
            await c.query<{ id: number }>(
              `INSERT INTO "Organization" (slug, "vatNumber", "registryStatus", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`,
              [slug, vat, status],
            )
          ).rows[0]!.id;
        const application = (organizationId: number, status: string, vat: string) =>
          c.query(
            `INSERT INTO "Application" ("organizationId", status, payload, "updatedAt") VALUES ($1, $2, $3, now())`,
            [organizationId, status, { organization: { vatNumber: vat } }],
          );
        await application(await org("bozza", "11111111111", "NOT_REGISTERED"), "DRAFT", "11111111111");
        await application(await org("inviata", "22222222222", "NOT_REGISTERED"), "SUBMITTED", "22222222222");
        await application(await org("iscritta", "33333333333", "REGISTERED"), "DRAFT", "44444444444");
      });

      expect(await applyMigrations(url)).toEqual([expect.stringContaining(MIGRATION)]);
      await withAdminClient(url, async (c) => {
        const { rows: orgs } = await c.query(`SELECT slug, "vatNumber" FROM "Organization" ORDER BY slug`);
        expect(orgs).toEqual([
          { slug: "bozza", vatNumber: null },
          { slug: "inviata", vatNumber: "22222222222" },
          { slug: "iscritta", vatNumber: "33333333333" },
        ]);
        // Every application's number is copied from its payload, those written before included.
        const { rows: apps } = await c.query(`SELECT "vatNumber" FROM "Application" ORDER BY id`);
        expect(apps.map((a: { vatNumber: string }) => a.vatNumber)).toEqual([
          "11111111111",
          "22222222222",
          "44444444444",
        ]);
      });
    },
  );
});
