import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildSubmittedApplication,
  buildUser,
  completePayload,
  TEST_PASSWORD,
} from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { approveSubmitted, requestChanges } from "../helpers/approve.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// Every figure of /statistiche and /admin/statistiche against fixtures whose
// expected numbers are worked out by hand below.
let ctx: TestContext;
const day = 86_400_000;
let reviewerId = 0;
let reviewerAgent: request.Agent;
let companyAgent: request.Agent;

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: roomyRateLimits,
  });
  const p = ctx.db.prisma;
  // Registered: A (Bologna, small, C, 2025-03) and B (Imola, micro, G, 2026-01).
  await buildOrganization(p, {
    sizeClass: "SMALL",
    atecoSectionCode: "C",
    registeredAt: new Date("2025-03-10T10:00:00Z"),
    measures: [
      { category: "MINORI", openToCitizens: true, currentOutcome: "TERRITORIAL_WELFARE" },
      { category: "SALUTE", openToCitizens: false, currentOutcome: "COMPANY_BENEFIT" },
    ],
  });
  await buildOrganization(p, {
    sizeClass: "MICRO",
    atecoSectionCode: "G",
    comuneCode: "037032",
    registeredAt: new Date("2026-01-15T10:00:00Z"),
    lastVerifiedAt: new Date(Date.now() - 400 * day),
    measures: [{ category: "MINORI", openToCitizens: true }],
  });
  // Never counted: a suspended, a withdrawn and a never-approved organization with measures.
  await buildOrganization(p, {
    registryStatus: "SUSPENDED",
    sizeClass: "LARGE",
    measures: [{ category: "ANZIANI", openToCitizens: true }],
  });
  await buildOrganization(p, {
    registryStatus: "WITHDRAWN",
    comuneCode: "037032",
    measures: [{ category: "ANZIANI" }],
  });
  await buildOrganization(p, {
    registryStatus: "NOT_REGISTERED",
    registeredAt: null,
    measures: [{ category: "SALUTE", openToCitizens: true }],
  });

  // Applications: C approved through the back office helper (3 days after submission),
  // one with changes requested, one still submitted.
  const c = await buildSubmittedApplication(
    p,
    completePayload({
      organization: { comuneCode: "037006" },
      measures: [{ category: "MINORI", openToCitizens: true }],
    }),
  );
  await approveSubmitted(ctx, c.org.id);
  const changes = await buildSubmittedApplication(p);
  await requestChanges(ctx, changes.org.id, "Manca l'indirizzo.");
  const waiting = await buildSubmittedApplication(p);

  // Decided applications with known durations: 1, 2, 4, 10 days (plus C's 3 days).
  const reviewer = await buildUser(p, "REVIEWER", "Anna Istruttrice");
  reviewerId = reviewer.id;
  await buildUser(p, "ADMIN", "Bruno Amministratore");
  const decided = [
    [1, "APPROVED"],
    [2, "REJECTED"],
    [4, "APPROVED"],
    [10, "REJECTED"],
  ] as const;
  for (const [days, status] of decided) {
    const { application } = await buildSubmittedApplication(p);
    const submittedAt = new Date("2026-02-01T09:00:00Z");
    await p.application.update({
      where: { id: application.id },
      data: { status, submittedAt, decidedAt: new Date(submittedAt.getTime() + days * day), assigneeId: reviewer.id },
    });
    await p.applicationEvent.create({ data: { applicationId: application.id, type: status, actorId: reviewer.id } });
  }
  await p.application.update({ where: { id: waiting.application.id }, data: { assigneeId: reviewer.id } });
  await p.applicationEvent.create({
    data: { applicationId: changes.application.id, type: "CHANGES_REQUESTED", actorId: reviewer.id },
  });

  // Events: two seminars in 2025 (10 and 20 participants), a meeting without a count.
  for (const [slug, type, startsAt, participants] of [
    ["s1", "SEMINAR", "2025-05-10T15:00:00Z", 10],
    ["s2", "SEMINAR", "2025-10-10T15:00:00Z", 20],
    ["m1", "MEETING", "2025-11-10T15:00:00Z", null],
  ] as const) {
    await p.event.create({
      data: {
        slug,
        title: slug,
        type,
        startsAt: new Date(startsAt),
        place: "Sala",
        organizer: "CM Bologna",
        participants,
      },
    });
  }
  // Funding: 1000.50 + 499.50 public, 300 not public.
  for (const [amount, isPublic] of [
    ["1000.50", true],
    ["499.50", true],
    ["300.00", false],
  ] as const) {
    await p.contribution.create({
      data: {
        activity: "Seminari",
        amount,
        resource: "Bilancio",
        fundedBy: "Regione Emilia-Romagna",
        grantedOn: new Date("2025-06-01"),
        isPublic,
      },
    });
  }
  // Advice: two about MINORI (one new, one answered), one about ANZIANI (new).
  for (const [ref, topic, status] of [
    ["A1", "MINORI", "NEW"],
    ["A2", "MINORI", "ANSWERED"],
    ["A3", "ANZIANI", "NEW"],
  ] as const) {
    await p.adviceRequest.create({
      data: {
        referenceCode: ref,
        name: "Cittadina",
        email: `${ref}@example.org`,
        topic,
        message: "Domanda",
        consentAt: new Date(),
        status,
      },
    });
  }
  reviewerAgent = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
  companyAgent = await loggedInAgent(ctx.app, c.user.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

const statistics = () => ctx.services.statistics;
const csvRows = (text: string) =>
  text
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));

describe("public figures", () => {
  it("counts only registered organizations and their published measures", async () => {
    const f = await statistics().publicFigures();
    // A + B + C registered; 2 + 1 + 1 measures; open: A's MINORI, B's, C's = 3; territorial: 1.
    expect(f.totals).toEqual({
      organizations: 3,
      measures: 4,
      openMeasures: 3,
      territorial: 1,
      territorialShare: 25,
      openShare: 75,
    });
    expect(f.comuni).toHaveLength(55);
    expect(f.comuni.find((c) => c.istatCode === "037006")?.organizations).toBe(2);
    expect(f.comuni.find((c) => c.istatCode === "037032")?.organizations).toBe(1);
    expect(f.comuni.reduce((s, c) => s + c.organizations, 0)).toBe(3);
    expect(f.categories).toEqual([
      { category: "MINORI", measures: 3, openToCitizens: 3, organizations: 3 },
      { category: "SALUTE", measures: 1, openToCitizens: 0, organizations: 1 },
    ]);
    // C's 40 employees make it a small firm when its payload is published.
    expect(f.sizes).toEqual([
      { sizeClass: "MICRO", organizations: 1 },
      { sizeClass: "SMALL", organizations: 2 },
    ]);
    expect(f.ateco.map((a) => [a.code, a.organizations])).toEqual([
      ["C", 2],
      ["G", 1],
    ]);
    expect(f.outcomes).toEqual([
      { outcome: "TERRITORIAL_WELFARE", measures: 1, share: 25 },
      { outcome: "COMPANY_BENEFIT", measures: 1, share: 25 },
      { outcome: null, measures: 2, share: 50 },
    ]);
    const now = new Date();
    const thisYear = Number(now.toLocaleString("en", { year: "numeric", timeZone: "Europe/Rome" }));
    const thisMonth = Number(now.toLocaleString("en", { month: "numeric", timeZone: "Europe/Rome" }));
    expect(f.registrations).toEqual(
      [
        { year: 2025, month: 3, organizations: 1 },
        { year: 2026, month: 1, organizations: 1 },
        { year: thisYear, month: thisMonth, organizations: 1 },
      ].sort((a, b) => a.year - b.year || a.month - b.month),
    );
    expect(f.events).toEqual([
      { year: 2025, type: "SEMINAR", events: 2, averageParticipants: 15, participants: 30 },
      { year: 2025, type: "MEETING", events: 1, averageParticipants: null, participants: null },
    ]);
    expect(f.funding).toEqual([
      {
        fundedBy: "Regione Emilia-Romagna",
        activity: "Seminari",
        year: 2025,
        money: "1500.00",
        moneyCount: 2,
        inKindCount: 0,
        inKindUnestimated: 0,
        inKindEstimate: null,
      },
    ]);
  });

  it("shows the figures on /statistiche with accessible charts and tables", async () => {
    const res = await request(ctx.app).get("/statistiche").expect(200);
    expect(res.text).toMatch(/<h1>Statistiche e monitoraggio<\/h1>/);
    expect(res.text).toMatch(/id="totale-organizations">3</);
    expect(res.text).toMatch(/id="totale-territorialShare">25,0 %</);
    // Every chart is an image with a title and a description, beside its table.
    const svgs = res.text.match(/<svg[^>]*role="img"[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(7);
    for (const svg of svgs) expect(svg).toMatch(/aria-labelledby="([\w-]+)-title \1-desc"/);
    expect(res.text).toContain('<title id="grafico-categorie-title">');
    expect(res.text).toMatch(
      /<desc id="grafico-categorie-desc">Grafico a barre orizzontali\. Cura dei minori e infanzia: 3; Salute e prevenzione: 1<\/desc>/,
    );
    const comuniTable = /<table[^>]*id="tabella-comuni"[\s\S]*?<\/table>/.exec(res.text)![0];
    expect(comuniTable.match(/<tr><th scope="row">/g)).toHaveLength(55);
    expect(comuniTable).toMatch(/Imola<\/th><td>037032<\/td><td class="text-end">1</);
    expect(res.text).toMatch(/Seminario<\/th><td class="text-end">2<\/td><td class="text-end">15,0</);
    // Italian style: no thousands separator below 10,000.
    expect(res.text).toMatch(/<td class="text-end">1500,00\u00a0€<\/td>/);
    expect(res.text).not.toContain("300,00");
    const en = await request(ctx.app).get("/statistiche?lang=en").expect(200);
    expect(en.text).toContain("Statistics and monitoring");
    // Public page: the figures are sections under the h1.
    expect(res.text).toContain('<h2 id="stat-categorie">');
  });

  it("leaves room in each chart for the value label of its longest bar", async () => {
    const res = await request(ctx.app).get("/statistiche").expect(200);
    const charts = res.text.match(/<svg[^>]*aria-labelledby="grafico-[\s\S]*?<\/svg>/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(7);
    for (const svg of charts) {
      const width = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
      // Value labels: 600-weight digits at 15px are under 10px wide each.
      for (const [, x, text] of svg.matchAll(
        /<text x="(\d+)" y="\d+" fill="[^"]+" font-weight="600">([^<]*)<\/text>/g,
      )) {
        expect(Number(x) + text!.length * 10, `${text} in a ${width}-wide chart`).toBeLessThanOrEqual(width);
      }
    }
    // "1500,00 €", "2 (50,0 %)": the longest labels of the fixtures.
    expect(res.text).toMatch(/font-weight="600">1500,00\u00a0€<\/text>/);
    expect(res.text).toMatch(/font-weight="600">2 \(50,0 %\)<\/text>/);
  });

  it("offers every dataset as CSV", async () => {
    const comuni = await request(ctx.app).get("/statistiche/comuni.csv").expect(200);
    expect(comuni.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = csvRows(comuni.text);
    expect(rows[0]).toEqual(["codice_istat", "comune", "organizzazioni"]);
    expect(rows).toHaveLength(56);
    expect(rows[1]).toEqual(["037006", "Bologna", "2"]);
    expect(csvRows((await request(ctx.app).get("/statistiche/categorie.csv").expect(200)).text)).toEqual([
      ["categoria", "misure", "misure_aperte_ai_cittadini", "organizzazioni"],
      ["minori", "3", "3", "3"],
      ["salute", "1", "0", "1"],
    ]);
    expect(csvRows((await request(ctx.app).get("/statistiche/classificazione.csv").expect(200)).text)).toEqual([
      ["esito", "misure", "percentuale"],
      ["welfare-territoriale", "1", "25"],
      ["benefit-aziendale", "1", "25"],
      ["non-classificata", "2", "50"],
    ]);
    expect(csvRows((await request(ctx.app).get("/statistiche/dimensioni.csv").expect(200)).text)).toEqual([
      ["dimensione", "organizzazioni"],
      ["micro", "1"],
      ["piccola", "2"],
    ]);
    expect(csvRows((await request(ctx.app).get("/statistiche/eventi.csv").expect(200)).text)).toEqual([
      ["anno", "tipo", "eventi", "partecipanti_medi"],
      ["2025", "SEMINAR", "2", "15"],
      ["2025", "MEETING", "1", ""],
    ]);
    expect(csvRows((await request(ctx.app).get("/statistiche/contributi.csv").expect(200)).text)).toEqual([
      [
        "finanziatore",
        "attivita",
        "anno",
        "totale_euro",
        "contributi",
        "risorse_in_natura",
        "risorse_in_natura_senza_stima",
        "valore_stimato_in_natura_euro",
      ],
      ["Regione Emilia-Romagna", "Seminari", "2025", "1500.00", "2", "0", "0", ""],
    ]);
    for (const name of ["ateco", "iscrizioni"]) await request(ctx.app).get(`/statistiche/${name}.csv`).expect(200);
    await request(ctx.app).get("/statistiche/segreti.csv").expect(404);
  });
});

describe("staff figures", () => {
  it("computes backlog, decision times, workload, entries to verify and advice requests", async () => {
    const s = await statistics().staffFigures();
    const backlog = Object.fromEntries(s.backlog.map((b) => [`${b.status}/${b.kind}`, b.applications]));
    // C + 2 of the 4 decided = 3 approved, 2 rejected, 1 changes requested, 1 submitted.
    expect(backlog).toEqual({
      "APPROVED/INITIAL": 3,
      "REJECTED/INITIAL": 2,
      "CHANGES_REQUESTED/INITIAL": 1,
      "SUBMITTED/INITIAL": 1,
    });
    // Durations 1, 2, 3, 4, 10 days: median 3; 90th percentile 4 + 0.6 × (10 − 4) = 7.6.
    const all = s.decisionTimes.find((d) => d.kind === "ALL")!;
    expect(all.decided).toBe(5);
    expect(all.medianDays).toBeCloseTo(3, 3);
    expect(all.p90Days).toBeCloseTo(7.6, 3);
    const anna = s.workload.find((w) => w.id === reviewerId)!;
    // Assigned: the 4 decided + the waiting one; open: the waiting one; decided: 4; changes asked: 1.
    expect(anna).toMatchObject({
      name: "Anna Istruttrice",
      openAssigned: 1,
      assigned: 5,
      decided: 4,
      changesRequested: 1,
    });
    expect(s.workload.find((w) => w.name === "Bruno Amministratore")).toMatchObject({ assigned: 0, decided: 0 });
    // Only B is registered and older than 12 months (the suspended one does not count).
    expect(s.toVerify).toBe(1);
    expect(s.advice).toEqual([
      { topic: "MINORI", status: "NEW", requests: 1 },
      { topic: "MINORI", status: "ANSWERED", requests: 1 },
      { topic: "ANZIANI", status: "NEW", requests: 1 },
    ]);
  });

  it("shows /admin/statistiche to staff only", async () => {
    await request(ctx.app).get("/admin/statistiche").expect(303);
    await companyAgent.get("/admin/statistiche").expect(403);
    const res = await reviewerAgent.get("/admin/statistiche").expect(200);
    expect(res.text).toMatch(/id="da-verificare">1</);
    expect(res.text).toMatch(/data-kind="ALL"[\s\S]*?data-median>3,0<[\s\S]*?data-p90>7,6</);
    expect(res.text).toMatch(
      new RegExp(
        `data-reviewer="${reviewerId}"><th scope="row">Anna Istruttrice</th><td>Istruttore</td><td class="text-end">1</td><td class="text-end">5</td><td class="text-end">4</td>`,
      ),
    );
    expect(res.text).toMatch(/data-topic="MINORI">[\s\S]*?data-status="NEW">1<[\s\S]*?data-total>2</);
    expect(res.text).toMatch(/data-status="APPROVED">[\s\S]*?data-total>3</);
    // The public figures follow, their sections one level under the admin page's h2.
    expect(res.text).toContain('id="tabella-comuni"');
    expect(res.text).toMatch(/<h2 class="h3 mt-5" id="statistiche-pubbliche">/);
    for (const id of [
      "categorie",
      "classificazione",
      "comuni",
      "dimensioni",
      "ateco",
      "iscrizioni",
      "eventi",
      "contributi",
    ]) {
      expect(res.text).toContain(`<h3 id="stat-${id}" class="h4">`);
    }
    expect(res.text).not.toMatch(/<h2 id="stat-/);
  });
});
