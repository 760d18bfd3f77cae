import { describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrate.js";
import { withAdminClient } from "../helpers/globalSetup.js";
import { migrationScenario } from "../helpers/migrationScenario.js";

// The migration that stops drafts reserving a Partita IVA gives back the
// numbers drafts had already taken, on a database with data from before it.
const MIGRATION = "vat_number_reserved_on_submission";
const scenario = migrationScenario(MIGRATION);

describe(`migration ${MIGRATION}`, () => {
  it.skipIf(!scenario.available)("releases numbers held by drafts, keeps submitted and registered ones", async () => {
    const url = await scenario.beforeMigration();
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
  });
});
