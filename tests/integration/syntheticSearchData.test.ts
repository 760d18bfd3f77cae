import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshSearchData } from "../../src/data/registry/searchIndexRepository.js";
import { seedReferenceData } from "../../src/db/seed/referenceData.js";
import { seedSynthetic } from "../../src/db/seed/syntheticData.js";
import { createVerificationCycleRepository } from "../../src/data/review/verificationCycleRepository.js";
import { reminderThreshold } from "../../src/domain/verification.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

// The synthetic loader writes the search columns itself: they must be what publishing writes.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedReferenceData(db.prisma);
  await seedSynthetic(db.pool, 20, () => {});
});
afterAll(() => db?.close());

const vectors = async () =>
  (
    await db.pool.query<{ slug: string; v: string }>(
      `SELECT slug, "searchVector"::text AS v FROM "Organization" ORDER BY slug`,
    )
  ).rows;

describe("synthetic organizations", () => {
  it("get the same search vector as refreshSearchData gives them, category words included", async () => {
    const loaded = await vectors();
    expect(loaded).toHaveLength(20);
    expect(loaded.filter((r) => r.v.includes("'categoria")).length).toBeGreaterThan(0);
    await refreshSearchData(db.prisma, null);
    expect(await vectors()).toEqual(loaded);
  });
});

describe("a synthetic register", () => {
  it("is one whose re-verification job has run: the entries due were reminded, none is left to mail", async () => {
    const now = new Date();
    const due = await db.prisma.organization.count({ where: { lastVerifiedAt: { lt: reminderThreshold(now) } } });
    expect(due).toBeGreaterThan(0);
    expect(await db.prisma.verificationCycle.count({ where: { remindedAt: { not: null } } })).toBe(due);
    const cycle = createVerificationCycleRepository(db.prisma);
    expect(await cycle.claim("remindedAt", { olderThan: reminderThreshold(now), now, limit: 100 })).toEqual([]);
  });
});
