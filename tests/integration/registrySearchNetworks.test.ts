import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { refreshSearchData } from "../../src/data/registry/searchIndexRepository.js";

// Networks in the register search: measures of networks count for the lead and
// the active members (only once staff approved them), and `patto=1` keeps the
// confirmed signatories of the Pact.
let ctx: TestContext;
const names = (html: string) =>
  [...html.matchAll(/<h3 class="card-title[^>]*><a href="\/registro\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const search = async (query: string) => {
  const res = await request(ctx.app).get(`/registro${query}`);
  expect(res.status).toBe(200);
  return { names: names(res.text), text: res.text };
};

beforeAll(async () => {
  ctx = await createTestContext();
  const p = ctx.db.prisma;
  const lead = await buildOrganization(p, {
    name: "Capofila Reno S.r.l.",
    measures: [{ title: "Orario flessibile", category: "CONCILIAZIONE" }],
  });
  const member = await buildOrganization(p, {
    name: "Socia Savena S.n.c.",
    measures: [{ title: "Banca delle ore", category: "CONCILIAZIONE" }],
  });
  const applicant = await buildOrganization(p, {
    name: "Richiedente Idice S.r.l.",
    measures: [{ title: "Lavoro agile", category: "CONCILIAZIONE" }],
  });
  await buildOrganization(p, { name: "Estranea Setta S.r.l.", measures: [{ title: "Navetta", category: "MOBILITA" }] });
  const network = await p.network.create({
    data: {
      slug: "rete-reno-savena",
      name: "Rete Reno Savena",
      description: "Welfare condiviso.",
      leadOrganizationId: lead.id,
      members: {
        create: [
          { organizationId: member.id, status: "ACTIVE" },
          { organizationId: applicant.id, status: "REQUESTED" },
        ],
      },
    },
  });
  await p.measure.createMany({
    data: [
      {
        networkId: network.id,
        title: "Baby sitter on demand formate",
        description: "Baby sitter per le famiglie.",
        category: "MINORI",
        beneficiaries: ["FAMILIES", "CITIZENS"],
        openToCitizens: true,
        networkReview: "APPROVED",
      },
      {
        networkId: network.id,
        title: "Assistente familiare condivisa",
        description: "Proposta in esame.",
        category: "ANZIANI",
        beneficiaries: ["FAMILIES"],
        networkReview: "PROPOSED",
      },
    ],
  });
  await refreshSearchData(p, [lead.id, member.id, applicant.id]);
  await p.pactSignature.create({
    data: {
      signatoryType: "FIRM",
      name: "Socia Savena S.n.c.",
      organizationId: member.id,
      status: "CONFIRMED",
      signedOn: new Date("2026-05-01"),
    },
  });
  await p.pactSignature.create({
    data: {
      signatoryType: "FIRM",
      name: "Richiedente Idice S.r.l.",
      organizationId: applicant.id,
      status: "REQUESTED",
    },
  });
});
afterAll(() => ctx?.db.close());

describe("network measures in the register search", () => {
  it("count for the lead and the active members, not for a member still asking to join", async () => {
    expect((await search("?categoria=minori")).names).toEqual(["Capofila Reno S.r.l.", "Socia Savena S.n.c."]);
    expect((await search("?categoria=minori&aperte=1")).names).toEqual(["Capofila Reno S.r.l.", "Socia Savena S.n.c."]);
    expect((await search("?q=baby+sitter")).names).toEqual(["Capofila Reno S.r.l.", "Socia Savena S.n.c."]);
  });

  it("are listed with the network's name on each result", async () => {
    const { text } = await search("?categoria=minori");
    expect(text).toContain("Baby sitter on demand formate");
    expect(text).toContain("(misura della rete «Rete Reno Savena»)");
  });

  it("stay out of the search until staff approve them", async () => {
    expect((await search("?categoria=anziani")).names).toEqual([]);
    expect((await search("?q=assistente+familiare")).names).toEqual([]);
    expect((await search("")).text).not.toContain("Assistente familiare condivisa");
  });

  it("disappear when the lead is no longer registered", async () => {
    await ctx.db.prisma.organization.updateMany({
      where: { name: "Capofila Reno S.r.l." },
      data: { registryStatus: "SUSPENDED" },
    });
    expect((await search("?categoria=minori")).names).toEqual([]);
    await ctx.db.prisma.organization.updateMany({
      where: { name: "Capofila Reno S.r.l." },
      data: { registryStatus: "REGISTERED" },
    });
    expect((await search("?categoria=minori")).names).toEqual(["Capofila Reno S.r.l.", "Socia Savena S.n.c."]);
  });

  it("leave the members' text search when staff suspend the lead, and come back on reinstatement", async () => {
    const lead = await ctx.db.prisma.organization.findFirstOrThrow({ where: { name: "Capofila Reno S.r.l." } });
    const staff = await ctx.db.prisma.user.create({
      data: { email: "staff-reti@example.it", name: "Staff Reti", role: "REVIEWER", passwordHash: "-" },
    });
    const upkeep = ctx.services.registerUpkeep;
    expect(await upkeep.suspend(lead.id, staff, "Dati non verificati.")).toEqual({ ok: true });
    expect((await search("?q=baby+sitter")).names).toEqual([]);
    expect(await upkeep.reinstate(lead.id, staff, "Dati verificati.")).toEqual({ ok: true });
    expect((await search("?q=baby+sitter")).names).toEqual(["Capofila Reno S.r.l.", "Socia Savena S.n.c."]);
  });
});

describe("patto=1", () => {
  it("keeps only organizations whose signature staff confirmed", async () => {
    expect((await search("?patto=1")).names).toEqual(["Socia Savena S.n.c."]);
    expect((await search("?patto=1&categoria=minori")).names).toEqual(["Socia Savena S.n.c."]);
  });

  it("refuses other values with a message", async () => {
    const res = await request(ctx.app).get("/registro?patto=si");
    expect(res.status).toBe(400);
    expect(res.text).toContain("Il filtro «firmatarie del Patto» accetta solo il valore 1.");
  });
});
