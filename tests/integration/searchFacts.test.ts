import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureCode } from "../../src/domain/searchFacts.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// Organization."measureFacts" (migration "search_facts") is what the measure
// filters of a search read: it must follow every write to the measures.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ searchCacheBytes: 0 });
});
afterAll(() => ctx?.db.close());

/** The facts stored on the row, and the codes of the organization's own measures as they are now. */
async function factsOf(organizationId: number) {
  const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const measures = await ctx.db.prisma.measure.findMany({ where: { organizationId, networkId: null } });
  const expected = [...new Set(measures.map(measureCode))].sort((a, b) => a - b);
  return { stored: [...org.measureFacts].sort((a, b) => a - b), expected };
}
const names = async (query: string) =>
  [
    ...(await request(ctx.app).get(`/registro${query}`)).text.matchAll(
      /<h3 class="card-title[^>]*><a href="\/registro\/[^"]+">([^<]+)<\/a>/g,
    ),
  ].map((m) => m[1]);

describe("the measure facts of an organization", () => {
  it("follow measures created, changed, classified, replaced and deleted", async () => {
    const org = await buildOrganization(ctx.db.prisma, {
      name: "Fatti Esatti S.r.l.",
      measures: [
        { title: "Nido", category: "MINORI", openToCitizens: false },
        { title: "Palestra", category: "SALUTE", openToCitizens: true, beneficiaries: ["EMPLOYEES", "CITIZENS"] },
      ],
    });
    const exact = async () => {
      const { stored, expected } = await factsOf(org.id);
      expect(stored).toEqual(expected);
      expect(stored.length).toBeGreaterThan(0);
    };
    await exact();
    // The category and the openness must be those of one and the same measure.
    expect(await names("?categoria=minori&aperte=1")).not.toContain("Fatti Esatti S.r.l.");

    await ctx.db.prisma.measure.updateMany({
      where: { organizationId: org.id, title: "Nido" },
      data: { openToCitizens: true },
    });
    await exact();
    expect(await names("?categoria=minori&aperte=1")).toContain("Fatti Esatti S.r.l.");

    expect(await names("?classificazione=welfare-territoriale")).not.toContain("Fatti Esatti S.r.l.");
    await ctx.db.prisma.measure.updateMany({
      where: { organizationId: org.id, title: "Palestra" },
      data: { currentOutcome: "TERRITORIAL_WELFARE" },
    });
    await exact();
    expect(await names("?classificazione=welfare-territoriale&categoria=salute")).toContain("Fatti Esatti S.r.l.");

    // A revision publishes the measures again: all deleted, the new ones created, in one transaction.
    await ctx.db.prisma.$transaction([
      ctx.db.prisma.measure.deleteMany({ where: { organizationId: org.id } }),
      ctx.db.prisma.measure.createMany({
        data: [
          {
            organizationId: org.id,
            title: "Centro estivo",
            description: "-",
            category: "MINORI",
            status: "PLANNED",
            beneficiaries: ["FAMILIES"],
          },
        ],
      }),
    ]);
    await exact();
    expect(await names("?categoria=salute")).not.toContain("Fatti Esatti S.r.l.");
    expect(await names("?stato=in-progettazione&beneficiari=familiari")).toContain("Fatti Esatti S.r.l.");

    await ctx.db.prisma.measure.deleteMany({ where: { organizationId: org.id } });
    expect((await factsOf(org.id)).stored).toEqual([]);
    expect(await names("?categoria=minori")).not.toContain("Fatti Esatti S.r.l.");
  });

  it("leave organizations without measure filters alone and count only own measures", async () => {
    const org = await buildOrganization(ctx.db.prisma, { name: "Senza Misure S.r.l.", measures: [] });
    expect((await factsOf(org.id)).stored).toEqual([]);
    expect(await names("?q=senza")).toContain("Senza Misure S.r.l.");
  });
});
