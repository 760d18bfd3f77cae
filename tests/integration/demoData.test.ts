import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed/demoData.js";
import { HIDDEN_NAMES, REVISION_MARK } from "../../src/db/seed/demoRegister.js";
import { isValidVatNumber } from "../../src/domain/vatNumber.js";
import { PROJECT_ACTIVITIES } from "../../src/domain/projectActivities.js";
import { romeParts } from "../../src/domain/romeTime.js";
import { createDemoTestContext, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createDemoTestContext();
}, 60_000);
afterAll(() => ctx?.db.close());

describe("demo data", () => {
  it("fills only an empty register", async () => {
    expect(await seedDemoData(ctx.db.prisma)).toBeNull();
  });

  it("has about 40 public, clearly fictitious organizations with valid Partite IVA", async () => {
    const orgs = await ctx.db.prisma.organization.findMany({ where: { registryStatus: "REGISTERED" } });
    expect(orgs.length).toBeGreaterThanOrEqual(35);
    expect(orgs.every((o) => o.isDemo && o.vatNumber && isValidVatNumber(o.vatNumber))).toBe(true);
    expect(new Set(orgs.map((o) => o.comuneCode)).size).toBeGreaterThan(10);
  });

  it("has public measures in every category, some open to citizens, some classified", async () => {
    const measures = await ctx.db.prisma.measure.findMany({
      where: { organization: { registryStatus: "REGISTERED" } },
    });
    const categories = new Set(measures.map((m) => m.category));
    expect([...categories].sort()).toEqual([
      "ALTRO",
      "ANZIANI",
      "CONCILIAZIONE",
      "EDUCAZIONE",
      "MINORI",
      "MOBILITA",
      "SALUTE",
      "TEMPO_LIBERO",
    ]);
    expect(measures.some((m) => m.openToCitizens)).toBe(true);
    expect(measures.some((m) => !m.openToCitizens)).toBe(true);
    expect(measures.some((m) => m.currentOutcome === "TERRITORIAL_WELFARE")).toBe(true);
    expect(measures.some((m) => m.currentOutcome === "COMPANY_BENEFIT")).toBe(true);
  });

  it("keeps its non-public entries and its pending revision off every public page", async () => {
    expect(HIDDEN_NAMES.length).toBeGreaterThanOrEqual(4);
    const pages = await Promise.all(
      [
        "/",
        "/registro",
        "/registro?q=riservata",
        "/registro?q=revisione",
        "/registro?pagina=2",
        "/mappa/dati.geojson",
      ].map((url) => request(ctx.app).get(url)),
    );
    for (const page of pages) {
      expect(page.status).toBe(200);
      for (const name of [...HIDDEN_NAMES, REVISION_MARK]) expect(page.text).not.toContain(name);
    }
  });

  it("has a published monitoring report of the previous year, in Italian and English, linked from /statistiche", async () => {
    const year = Number(romeParts(new Date()).year) - 1;
    const report = await ctx.db.prisma.monitoringReport.findUniqueOrThrow({
      where: { year },
      include: { sections: true },
    });
    expect(report.status).toBe("PUBLISHED");
    expect(report.summaryEn).not.toBe("");
    expect(report.sections.map((s) => s.activity).sort()).toEqual([...PROJECT_ACTIVITIES].sort());
    expect(report.sections.filter((s) => s.resultsEn !== "").length).toBeGreaterThan(5);
    expect((await request(ctx.app).get("/statistiche")).text).toContain(`href="/statistiche/rapporto/${year}"`);
    const english = await request(ctx.app).get(`/statistiche/rapporto/${year}?lang=en`);
    expect(english.status).toBe(200);
    expect(english.text).toContain("This report is part of the register&#39;s demo data.");
  });
});

describe("demo data search words", () => {
  it("finds every organization with a conciliazione measure from the category's name", async () => {
    const expected = await ctx.db.prisma.organization.count({
      where: { registryStatus: "REGISTERED", measures: { some: { category: "CONCILIAZIONE", networkId: null } } },
    });
    expect(expected).toBeGreaterThan(0);
    const res = await request(ctx.app).get("/api/v1/organizations?q=conciliazione");
    expect((res.body as { total: number }).total).toBeGreaterThanOrEqual(expected);
    const page = await request(ctx.app).get("/registro?q=conciliazione");
    expect(page.text).not.toContain("0 imprese trovate");
  });
});
