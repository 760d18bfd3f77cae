import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildUser } from "../factories/applicationFactory.js";
import { buildNetwork } from "../factories/territoryFactory.js";
import { queriesDuring } from "../helpers/queryCounter.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// An organization page is one statement, whatever the number of
// its measures, classifications and networks (no query per measure).
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

describe("an organization page", () => {
  it("costs as many queries with many measures, classifications and networks as with one", async () => {
    await buildOrganization(ctx.db.prisma, { slug: "poche-misure" });
    const big = await buildOrganization(ctx.db.prisma, {
      slug: "tante-misure",
      measures: Array.from({ length: 15 }, (_, i) => ({ title: `Misura ${i}`, category: i % 2 ? "SALUTE" : "MINORI" })),
    });
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Classi");
    for (const m of await ctx.db.prisma.measure.findMany({ where: { organizationId: big.id } })) {
      for (const outcome of ["TO_BE_EXAMINED", "TERRITORIAL_WELFARE"] as const) {
        await ctx.db.prisma.classification.create({
          data: {
            measureId: m.id,
            outcome,
            openToCitizens: true,
            integratesPublicService: false,
            wellbeingImpact: true,
            continuity: true,
            thirdSectorPartnership: false,
            rationale: "Prova.",
            reviewerId: reviewer.id,
          },
        });
      }
    }
    for (let i = 0; i < 3; i++) {
      const lead = await buildOrganization(ctx.db.prisma, { slug: `capofila-${i}` });
      const network = await buildNetwork(ctx.db.prisma, lead.id, [big.id], `rete-pagina-${i}`);
      await ctx.db.prisma.measure.create({
        data: {
          networkId: network.id,
          title: `Misura di rete ${i}`,
          description: "-",
          category: "ANZIANI",
          networkReview: "APPROVED",
        },
      });
    }
    const cost = async (slug: string) => {
      await request(ctx.app).get(`/registro/${slug}`).expect(200);
      return (await queriesDuring(() => request(ctx.app).get(`/registro/${slug}`).expect(200))).length;
    };
    const few = await cost("poche-misure");
    const many = await cost("tante-misure");
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(1);
    expect((await request(ctx.app).get("/registro/tante-misure")).text).toContain("Misura di rete 2");
  });
});
