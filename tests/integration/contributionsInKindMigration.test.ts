import { describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrate.js";
import { withAdminClient } from "../helpers/globalSetup.js";
import { migrationScenario } from "../helpers/migrationScenario.js";

// The migration that lets a contribution be a resource in kind keeps every
// contribution recorded before it as money, with its amount.
const MIGRATION = "contributions_in_kind";
const scenario = migrationScenario(MIGRATION);

describe(`migration ${MIGRATION}`, () => {
  it.skipIf(!scenario.available)("keeps existing contributions as money; the database refuses a mix", async () => {
    const url = await scenario.beforeMigration();
    await withAdminClient(url, (c) =>
      c.query(
        `INSERT INTO "Contribution" (activity, amount, resource, "fundedBy", "grantedOn", "updatedAt")
         VALUES ('Seminari', 4500.00, 'Fondo regionale', 'Regione Emilia-Romagna', '2025-02-10', now())`,
      ),
    );

    expect(await applyMigrations(url)).toEqual([expect.stringContaining(MIGRATION)]);
    await withAdminClient(url, async (c) => {
      const { rows } = await c.query(`SELECT kind, amount::text, description, "estimatedValue" FROM "Contribution"`);
      expect(rows).toEqual([{ kind: "MONEY", amount: "4500.00", description: "", estimatedValue: null }]);
      const insert = (kind: string, amount: string | null, description: string, estimate: string | null) =>
        c.query(
          `INSERT INTO "Contribution" (activity, kind, amount, description, "estimatedValue", resource, "fundedBy", "grantedOn", "updatedAt")
           VALUES ('Seminari', $1, $2, $3, $4, '', 'Comune', '2027-01-01', now())`,
          [kind, amount, description, estimate],
        );
      await expect(insert("MONEY", null, "", null)).rejects.toThrow(/Contribution_money_or_in_kind/);
      await expect(insert("MONEY", "10.00", "", "5.00")).rejects.toThrow(/Contribution_money_or_in_kind/);
      await expect(insert("PREMISES", "10.00", "Sala", null)).rejects.toThrow(/Contribution_money_or_in_kind/);
      await expect(insert("PREMISES", null, "", null)).rejects.toThrow(/Contribution_money_or_in_kind/);
      await insert("PREMISES", null, "Sala", null);
    });
  });
});
