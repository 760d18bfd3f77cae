import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildUser } from "../factories/applicationFactory.js";
import { buildNetwork } from "../factories/territoryFactory.js";
import { queriesDuring } from "../helpers/queryCounter.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { publicPageQuery } from "../../src/data/registry/organizationRepository.js";

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

  it("reads exactly what Prisma's include of the same relations reads", async () => {
    const prisma = ctx.db.prisma;
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "tante-misure" } });
    const measures = await prisma.measure.findMany({ where: { organizationId: org.id }, orderBy: { id: "asc" } });
    await prisma.measure.update({
      where: { id: measures[0]!.id },
      data: { startsOn: new Date("2026-03-01"), endsOn: new Date("2027-02-28"), beneficiaries: ["CITIZENS"] },
    });
    const proposer = await buildUser(prisma, "REVIEWER", "Paolo Proposte");
    for (const [i, status] of (["ACCEPTED", "DECLINED", "ACCEPTED"] as const).entries())
      await prisma.serviceIntegration.create({
        data: {
          measureId: measures[1]!.id,
          measureTitle: "Misura 1",
          comuneCode: "037006",
          serviceName: `Servizio ${i}`,
          description: "-",
          contact: "sportello@comune.invalid",
          proposerId: proposer.id,
          status,
          decidedAt: new Date(Date.UTC(2026, 5, 10 - i)),
        },
      });
    for (const [kind, status, due] of [
      ["SIGN_PACT", "OPEN", "2027-01-31"],
      ["NEW_MEASURE", "MET", "2026-06-30"],
      ["START_PILOT", "NOT_MET", "2026-05-31"],
    ] as const)
      await prisma.improvementGoal.create({
        data: { organizationId: org.id, kind, description: "Obiettivo.", dueOn: new Date(due), status },
      });
    await prisma.organization.update({ where: { id: org.id }, data: { publishPlan: true } });
    for (const [status, day] of [
      ["REQUESTED", "2026-01-10"],
      ["CONFIRMED", "2026-02-10"],
    ] as const)
      await prisma.pactSignature.create({
        data: { signatoryType: "FIRM", name: org.name, organizationId: org.id, status, signedOn: new Date(day) },
      });
    // A network whose lead left the register, a membership that ended, a measure not approved.
    const gone = await buildOrganization(prisma, { slug: "capofila-sospesa", registryStatus: "SUSPENDED" });
    await buildNetwork(prisma, gone.id, [org.id], "rete-sospesa");
    const ended = await buildNetwork(
      prisma,
      (await buildOrganization(prisma, { slug: "capofila-4" })).id,
      [],
      "rete-4",
    );
    await prisma.networkMembership.create({ data: { networkId: ended.id, organizationId: org.id, status: "LEFT" } });
    const network = await prisma.network.findUniqueOrThrow({ where: { slug: "rete-pagina-0" } });
    await prisma.measure.create({
      data: {
        networkId: network.id,
        title: "Proposta",
        description: "-",
        category: "ALTRO",
        networkReview: "PROPOSED",
      },
    });

    const reference = async (slug: string) => {
      const found = await prisma.organization.findFirst({
        relationLoadStrategy: "join",
        where: { slug, registryStatus: "REGISTERED" },
        ...publicPageQuery,
      });
      return found && { ...found, networks: found.networks.map((m) => m.network) };
    };
    for (const slug of ["tante-misure", "poche-misure", "capofila-sospesa", "nessuna"]) {
      expect(await ctx.services.registry.organizationPage(slug), slug).toEqual(await reference(slug));
    }
    const page = (await ctx.services.registry.organizationPage("tante-misure"))!;
    expect(page.networks.map((n) => n.slug)).toEqual(["rete-pagina-0", "rete-pagina-1", "rete-pagina-2"]);
    expect(page.measures.find((m) => m.id === measures[1]!.id)!.integrations.map((i) => i.serviceName)).toEqual([
      "Servizio 2",
      "Servizio 0",
    ]);
    expect(page.improvementGoals.map((g) => g.status)).toEqual(["OPEN", "MET"]);
    expect(page.pactSignatures).toEqual([{ signedOn: new Date("2026-02-10") }]);
    expect(page.measures.find((m) => m.id === measures[0]!.id)!.startsOn).toEqual(new Date("2026-03-01"));
    expect(page.registeredAt).toEqual(new Date("2026-01-15T10:00:00Z"));

    // What a public page never shows is not even read: a staff note, a classification's reviewer.
    await prisma.measure.update({ where: { id: measures[2]!.id }, data: { reviewNote: "Nota riservata allo staff" } });
    const reread = (await ctx.services.registry.organizationPage("tante-misure"))!;
    const classifications = reread.measures.flatMap((m) => m.classifications);
    expect(classifications.length).toBeGreaterThan(0);
    expect(reread.measures.some((m) => "reviewNote" in m)).toBe(false);
    expect(classifications.some((c) => "reviewerId" in c)).toBe(false);
    expect((await request(ctx.app).get("/registro/tante-misure")).text).not.toContain("Nota riservata allo staff");
  });
});
