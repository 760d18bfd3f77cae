import { parse } from "node-html-parser";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { sectionTexts } from "../../src/domain/monitoringReport.js";
import { viewFormat } from "../../src/middleware/viewFormat.js";
import { buildUser } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { binary, readPdf } from "../helpers/pdfText.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// Data in two years, and at their edges (Rome is UTC+1 in winter: 23:30 UTC on
// 31 December is already the next year there), so that each year's report
// counts only its own.

let ctx: TestContext;
const get = (path: string) => request(ctx.app).get(path);
const getPdf = (path: string) => get(path).buffer(true).parse(binary);
const it_ = viewFormat("it");
const at = (iso: string) => new Date(iso);

const ACCENTS = "Criticità: la novità è già più chiara, perché così si è visto; costo 12 €.";
const ENGLISH_RESULTS = "Two networks of small firms started sharing a family assistant.";

/** A table of the page as rows of cell texts (header cells included). */
function tableRows(html: string, id: string): string[][] {
  const table = parse(html).querySelector(`#tabella-${id}`);
  if (!table) throw new Error(`no table ${id}`);
  return table
    .querySelectorAll("tbody tr, tfoot tr")
    .map((tr) => tr.querySelectorAll("th, td").map((c) => c.text.trim().replace(/\s+/g, " ")));
}
const spaced = (text: string) => text.replace(/\s+/g, " ");
/** An amount as the page and the PDF write it (its no-break space read as a space). */
const euro = (amount: string) => spaced(it_.euro(amount));

beforeAll(async () => {
  ctx = await createTestContext({ publicBaseUrl: "https://welfare.example.org" });
  const p = ctx.db.prisma;
  const staff = await buildUser(p, "REVIEWER", "Rita Revisora");
  const adminUser = await buildUser(p, "ADMIN", "Ada Amministratrice");

  const pilot = (startsOn: string, endsOn: string, pilotOutcome: "CONTINUED" | null) => ({
    title: `Sperimentazione ${startsOn}`,
    pilot: true,
    startsOn: at(startsOn),
    endsOn: at(endsOn),
    pilotOutcome,
  });
  const a = await buildOrganization(p, {
    registeredAt: at("2024-03-10T10:00:00Z"),
    measures: [{}, {}, pilot("2024-03-01", "2025-02-28", "CONTINUED")],
  });
  await buildOrganization(p, { registeredAt: at("2024-12-31T23:30:00Z") }); // 2025 in Rome
  const c = await buildOrganization(p, {
    registeredAt: at("2025-06-01T08:00:00Z"),
    measures: [{}, pilot("2025-09-01", "2026-03-01", null)],
  });
  const d = await buildOrganization(p, { registeredAt: at("2025-07-01T08:00:00Z"), registryStatus: "WITHDRAWN" });

  const measuresOf = async (organizationId: number) =>
    (await p.measure.findMany({ where: { organizationId }, orderBy: { id: "asc" } })).map((m) => m.id);
  const [a1, a2] = await measuresOf(a.id);
  const [c1] = await measuresOf(c.id);
  const [d1] = await measuresOf(d.id);
  const criteria = {
    openToCitizens: true,
    integratesPublicService: false,
    wellbeingImpact: true,
    continuity: true,
    thirdSectorPartnership: false,
    rationale: "Valutata nei test.",
    reviewerId: staff.id,
  };
  const classify = (
    measureId: number | undefined,
    outcome: Prisma.ClassificationCreateManyInput["outcome"],
    iso: string,
  ) => ({
    ...criteria,
    measureId: measureId!,
    outcome,
    createdAt: at(iso),
  });
  await p.classification.createMany({
    data: [
      classify(a1, "TERRITORIAL_WELFARE", "2024-05-01T10:00:00Z"),
      classify(a1, "COMPANY_BENEFIT", "2025-02-01T10:00:00Z"),
      classify(a2, "TO_BE_EXAMINED", "2025-03-01T10:00:00Z"),
      classify(a2, "TERRITORIAL_WELFARE", "2025-04-01T10:00:00Z"),
      classify(d1, "TERRITORIAL_WELFARE", "2025-04-01T10:00:00Z"), // withdrawn: not counted
      classify(c1, "COMPANY_BENEFIT", "2025-12-31T23:30:00Z"), // 2026 in Rome
    ],
  });

  let n = 0;
  const event = (
    type: "SEMINAR" | "MEETING" | "TRAINING",
    iso: string,
    participants: number | null,
    status = "SCHEDULED" as const,
  ) => {
    n += 1;
    return {
      slug: `evento-${n}`,
      title: `Evento ${n}`,
      type,
      startsAt: at(iso),
      place: "Bologna",
      organizer: "CM",
      participants,
      status,
    };
  };
  await p.event.createMany({
    data: [
      event("SEMINAR", "2024-05-10T08:00:00Z", 30),
      event("SEMINAR", "2024-06-10T08:00:00Z", null),
      event("MEETING", "2025-03-01T08:00:00Z", 10),
      event("MEETING", "2025-04-01T08:00:00Z", 21),
      { ...event("TRAINING", "2025-05-01T08:00:00Z", 50), status: "CANCELLED" },
      event("SEMINAR", "2025-12-31T23:30:00Z", 99), // 2026 in Rome
    ],
  });

  const money = (amount: string, grantedOn: string, isPublic = true) => ({
    activity: "Seminari sul welfare territoriale",
    amount,
    resource: "Fondo regionale",
    fundedBy: "Regione Emilia-Romagna",
    grantedOn: at(grantedOn),
    isPublic,
  });
  const inKind = (kind: "PREMISES" | "STAFF_TIME", estimatedValue: string | null) => ({
    activity: "Seminari sul welfare territoriale",
    kind,
    description: "Sala e personale",
    estimatedValue,
    resource: "",
    fundedBy: "Comune di Bologna",
    grantedOn: at("2025-05-05"),
  });
  await p.contribution.createMany({
    data: [
      money("1000.50", "2024-02-01"),
      money("250.25", "2025-02-01"),
      money("100.00", "2025-11-30"),
      money("5000.00", "2025-03-01", false), // not public
      money("77.00", "2026-01-01"),
      inKind("PREMISES", "300.00"),
      inKind("STAFF_TIME", null),
    ],
  });

  await p.improvementGoal.createMany({
    data: [
      {
        organizationId: a.id,
        kind: "OPEN_TO_CITIZENS",
        description: "Aprire il nido",
        dueOn: at("2025-06-30"),
        createdAt: at("2024-04-01T10:00:00Z"),
        status: "MET",
        closedAt: at("2025-01-15T10:00:00Z"),
      },
      {
        organizationId: a.id,
        kind: "JOIN_NETWORK",
        description: "Entrare in rete",
        dueOn: at("2024-10-30"),
        createdAt: at("2024-05-01T10:00:00Z"),
        status: "NOT_MET",
        closedAt: at("2024-11-01T10:00:00Z"),
      },
      {
        organizationId: c.id,
        kind: "START_PILOT",
        description: "Avviare una sperimentazione",
        dueOn: at("2026-06-30"),
        createdAt: at("2025-02-01T10:00:00Z"),
      },
      {
        organizationId: d.id,
        kind: "OTHER",
        description: "Non conta",
        dueOn: at("2026-06-30"),
        createdAt: at("2025-02-01T10:00:00Z"),
      },
    ],
  });

  const reports = ctx.services.monitoringReport;
  const blank = sectionTexts();
  await reports.create(staff, 2024, {
    summaryIt: "Il primo anno del registro.",
    summaryEn: "The register's first year.",
  });
  await reports.saveSection(staff, 2024, "PACT", { ...blank, resultsIt: "Il Patto è stato firmato da trenta enti." });
  await reports.create(staff, 2025, {
    summaryIt: "Un anno di reti e sperimentazioni.",
    summaryEn: "A year of networks and pilots.",
  });
  await reports.saveSection(staff, 2025, "NETWORKS", {
    ...blank,
    difficultiesIt: ACCENTS,
    resultsIt: "Due reti di piccole imprese condividono un'assistente familiare.\n\n- prima rete\n- seconda rete",
    resultsEn: ENGLISH_RESULTS,
  });
  await reports.create(staff, 2026, { summaryIt: "Bozza dell'anno in corso.", summaryEn: "" });
  await reports.saveSection(staff, 2026, "PACT", { ...blank, resultsIt: "In corso." });
  for (const year of [2024, 2025]) expect(await reports.publish(year, adminUser)).toBe("changed");
}, 60_000);
afterAll(() => ctx?.db.close());

describe("the public page of a year's report", () => {
  it("answers 400 for a malformed year and 404 for a year with no published report", async () => {
    for (const path of ["/statistiche/rapporto/20x5", "/statistiche/rapporto/20255", "/statistiche/rapporto/20x5.pdf"])
      expect((await get(path)).status, path).toBe(400);
    for (const path of ["/statistiche/rapporto/2019", "/statistiche/rapporto/2026", "/statistiche/rapporto/2026.pdf"])
      expect((await get(path)).status, path).toBe(404);
  });

  it("shows each year's figures, counting only that year's data in Rome's time", async () => {
    const [y2024, y2025] = [
      (await get("/statistiche/rapporto/2024")).text,
      (await get("/statistiche/rapporto/2025")).text,
    ];
    const outcome = (key: string) => t("monitoring.figures.register.outcome", "it", { outcome: t(`outcomes.${key}`) });
    expect(tableRows(y2024, "registro")).toEqual([
      [t("monitoring.figures.register.registrations"), "1"],
      [t("monitoring.figures.register.classified"), "1"],
      [outcome("TERRITORIAL_WELFARE"), `1 (${it_.percent(100)})`],
    ]);
    expect(tableRows(y2025, "registro")).toEqual([
      [t("monitoring.figures.register.registrations"), "2"],
      [t("monitoring.figures.register.classified"), "2"],
      [outcome("TERRITORIAL_WELFARE"), `1 (${it_.percent(50)})`],
      [outcome("COMPANY_BENEFIT"), `1 (${it_.percent(50)})`],
    ]);
    const type = (key: string) => t(`statistics.events.types.${key}`);
    expect(tableRows(y2024, "eventi")).toEqual([
      [type("SEMINAR"), "2", it_.number(30, 1), "30"],
      [t("monitoring.figures.total"), "2", "", "30"],
    ]);
    expect(tableRows(y2025, "eventi")).toEqual([
      [type("MEETING"), "2", it_.number(15.5, 1), "31"],
      [t("monitoring.figures.total"), "2", "", "31"],
    ]);
    const none = t("monitoring.figures.none");
    expect(tableRows(y2024, "contributi")).toEqual([
      ["Regione Emilia-Romagna", "Seminari sul welfare territoriale", euro("1000.50"), "0", none],
      [t("monitoring.figures.total"), "", euro("1000.50"), "0", none],
    ]);
    expect(tableRows(y2025, "contributi")).toEqual([
      ["Comune di Bologna", "Seminari sul welfare territoriale", none, "2", euro("300")],
      ["Regione Emilia-Romagna", "Seminari sul welfare territoriale", euro("350.25"), "0", none],
      [t("monitoring.figures.total"), "", euro("350.25"), "2", euro("300")],
    ]);
    expect(tableRows(y2024, "sperimentazioni")).toEqual([
      [t("monitoring.figures.pilots.started"), "1"],
      [t("monitoring.figures.pilots.ended"), "0"],
    ]);
    const continued = t("monitoring.figures.pilots.outcome", "it", { outcome: t("pilotOutcomeCodes.CONTINUED") });
    expect(tableRows(y2025, "sperimentazioni")).toEqual([
      [t("monitoring.figures.pilots.started"), "1"],
      [t("monitoring.figures.pilots.ended"), "1"],
      [continued, "1"],
    ]);
    const goals = (agreed: number, met: number, notMet: number) => [
      [t("monitoring.figures.goals.agreed"), String(agreed)],
      [t("monitoring.figures.goals.met"), String(met)],
      [t("monitoring.figures.goals.notMet"), String(notMet)],
    ];
    expect(tableRows(y2024, "piani")).toEqual(goals(2, 0, 1));
    expect(tableRows(y2025, "piani")).toEqual(goals(1, 1, 0));
  });

  it("counts again after a change: a goal met or a classification given changes the figures at once", async () => {
    const a = await ctx.db.prisma.organization.findFirstOrThrow({
      where: { registeredAt: at("2024-03-10T10:00:00Z") },
    });
    await ctx.db.prisma.improvementGoal.create({
      data: {
        organizationId: a.id,
        kind: "OTHER",
        description: "Altro",
        dueOn: at("2025-12-01"),
        status: "MET",
        closedAt: at("2025-10-01T10:00:00Z"),
      },
    });
    expect(tableRows((await get("/statistiche/rapporto/2025")).text, "piani")[1]).toEqual([
      t("monitoring.figures.goals.met"),
      "2",
    ]);
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId: a.id, pilot: true } });
    const reviewerId = (await ctx.db.prisma.user.findFirstOrThrow({ where: { role: "REVIEWER" } })).id;
    await ctx.db.prisma.classification.create({
      data: {
        measureId: measure.id,
        outcome: "TERRITORIAL_WELFARE",
        openToCitizens: true,
        integratesPublicService: true,
        wellbeingImpact: true,
        continuity: true,
        thirdSectorPartnership: true,
        rationale: "Nuova classificazione.",
        reviewerId,
        createdAt: at("2025-08-01T10:00:00Z"),
      },
    });
    expect(tableRows((await get("/statistiche/rapporto/2025")).text, "registro")[1]).toEqual([
      t("monitoring.figures.register.classified"),
      "3",
    ]);
  });

  it("shows the texts by activity, and on the English page says which are only in Italian", async () => {
    const page = await get("/statistiche/rapporto/2025");
    expect(page.text).toContain(inHtml(t("monitoring.title", "it", { year: 2025 })));
    expect(page.text).toContain(inHtml(ACCENTS));
    expect(page.text).toMatch(/<li>prima rete<\/li>\s*<li>seconda rete<\/li>/);
    expect(page.text).toContain('id="attivita-reti"');
    expect(page.text).not.toContain('id="attivita-patto"');
    expect(page.text).not.toContain('id="solo-italiano"');
    const english = await get("/statistiche/rapporto/2025?lang=en");
    expect(english.text).toContain(inHtml(t("monitoring.title", "en", { year: 2025 })));
    expect(english.text).toContain(ENGLISH_RESULTS);
    expect(english.text).toContain(t("monitoring.italianOnly", "en"));
    expect(english.text).toMatch(
      new RegExp(`<div lang="it">\\s*<p>${inHtml(ACCENTS).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    );
    expect(english.text).toContain('href="/statistiche/rapporto/2025.pdf?lang=en"');
  });

  it("is linked from /statistiche and /progetto, published years only", async () => {
    for (const path of ["/statistiche", "/progetto"]) {
      const html = (await get(path)).text;
      expect(html, path).toContain('href="/statistiche/rapporto/2025"');
      expect(html, path).toContain('href="/statistiche/rapporto/2024"');
      expect(html, path).not.toContain('href="/statistiche/rapporto/2026"');
    }
  });
});

describe("the report as a PDF", () => {
  it("is a tagged PDF in Italian, with the report's words and figures, its title and language, and an ETag", async () => {
    const res = await getPdf("/statistiche/rapporto/2025.pdf");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rapporto-monitoraggio-2025.pdf"');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await readPdf(body);
    expect(pdf.info.Title).toBe(t("monitoring.title", "it", { year: 2025 }));
    expect(pdf.info.Language).toBe("it-IT");
    const text = spaced(pdf.text);
    for (const words of [
      t("monitoring.title", "it", { year: 2025 }),
      "Un anno di reti e sperimentazioni.",
      ACCENTS,
      t("monitoring.topics.difficulties"),
      t("monitoring.activities.NETWORKS"),
      "prima rete",
      euro("350.25"),
      "https://welfare.example.org/statistiche/rapporto/2025",
    ])
      expect(text).toContain(words);
    expect(text).not.toContain(ENGLISH_RESULTS);
    for (const role of ["H1", "H2", "H3", "H4", "P", "L", "LI", "Table", "TR", "TH", "TD"])
      expect(pdf.roles).toContain(role);

    // The same report and figures give the same bytes: the ETag holds, and a revalidation gets 304.
    expect(res.headers.etag).toBeTruthy();
    const again = await getPdf("/statistiche/rapporto/2025.pdf");
    expect(Buffer.compare(again.body as Buffer, body)).toBe(0);
    const revalidated = await get("/statistiche/rapporto/2025.pdf").set("If-None-Match", res.headers.etag!);
    expect(revalidated.status).toBe(304);
  });

  it("is in English on the English page, the Italian passages marked as Italian", async () => {
    const res = await getPdf("/statistiche/rapporto/2025.pdf?lang=en");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="monitoring-report-2025.pdf"');
    const pdf = await readPdf(res.body as Buffer);
    expect(pdf.info.Title).toBe("Monitoring report 2025");
    expect(pdf.info.Language).toBe("en-GB");
    const text = spaced(pdf.text);
    for (const words of [
      "A year of networks and pilots.",
      ENGLISH_RESULTS,
      t("monitoring.topics.results", "en"),
      t("monitoring.italianOnly", "en"),
      ACCENTS,
    ])
      expect(text).toContain(words);
    expect(pdf.langs).toContain("it-IT");
  });

  it("counts only its own year too", async () => {
    const text = spaced((await readPdf((await getPdf("/statistiche/rapporto/2024.pdf")).body as Buffer)).text);
    expect(text).toContain("Il Patto è stato firmato da trenta enti.");
    expect(text).toContain(euro("1000.50"));
    expect(text).not.toContain(euro("350.25"));
  });
});
