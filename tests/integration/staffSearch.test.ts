import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_PAGE_SIZE } from "../../src/domain/staffPaging.js";
import {
  TEST_PASSWORD,
  buildSubmittedApplication,
  buildUser,
  completePayload,
} from "../factories/applicationFactory.js";
import { buildOrganization, nextVatNumber } from "../factories/organizationFactory.js";
import { t } from "../helpers/catalogue.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// The staff lists are searchable (GET filters kept in the URL), refuse malformed
// filters with 400, and download every matching row as CSV for Italian spreadsheets.
let ctx: TestContext;
let reviewer: Awaited<ReturnType<typeof loggedInAgent>>;
const rossiVat = nextVatNumber();
const SERIES = STAFF_PAGE_SIZE + 5;

beforeAll(async () => {
  ctx = await createTestContext();
  const p = ctx.db.prisma;
  const user = await buildUser(p, "REVIEWER", "Rita Ricerche");
  reviewer = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
  const rossi = await buildOrganization(p, {
    name: "Officine Rossi S.r.l.",
    vatNumber: rossiVat,
    registryNumber: "RWB-2026-0001",
  });
  await buildOrganization(p, { name: "Rossini Catering" });
  const bianchi = await buildOrganization(p, { name: "Città Bianchi & Figli" });
  await buildOrganization(p, { name: '=HYPERLINK("http://x") S.r.l.' });
  await p.organization.createMany({
    data: Array.from({ length: SERIES }, (_, i) => ({
      slug: `serie-${i}`,
      name: `Serie Lunga ${i}`,
      registryStatus: "REGISTERED" as const,
      vatNumber: String(80000000000 + i),
    })),
  });
  await buildSubmittedApplication(p, completePayload({ organization: { name: "Domanda Verdi S.p.A." } }));
  // A revision of a registered firm: found by the firm's registry number.
  await p.application.create({
    data: {
      organizationId: rossi.id,
      kind: "REVISION",
      status: "SUBMITTED",
      payload: completePayload({ organization: { name: "Officine Rossi S.r.l.", vatNumber: rossiVat } }),
      submittedAt: new Date(),
    },
  });
  const advice = (referenceCode: string, topic: "ANZIANI" | "MINORI", comuneCode: string | null) => ({
    referenceCode,
    topic,
    comuneCode,
    name: "Maria Riservata",
    email: "maria.riservata@example.org",
    message: "Testo personale",
    consentAt: new Date(),
  });
  await p.adviceRequest.createMany({
    data: [
      advice("CONS-2026-AAAAAA", "ANZIANI", "037006"),
      advice("CONS-2026-AAAAAB", "MINORI", "037006"),
      advice("CONS-2025-ZZZZZZ", "ANZIANI", null),
    ],
  });
  await p.problemReport.createMany({
    data: [
      { organizationId: bianchi.id, message: "Il telefono è cambiato", reporterEmail: "segnala@example.org" },
      { organizationId: rossi.id, message: "Orari sbagliati" },
    ],
  });
});
afterAll(() => ctx?.db.close());

const totalOf = (html: string) => Number(/data-total="(\d+)"/.exec(html)?.[1]);
const total = async (path: string) => totalOf((await reviewer.get(path).expect(200)).text);

describe("searching the staff lists", () => {
  it("finds register entries by a part of the name, the Partita IVA or the registry number", async () => {
    const byName = (await reviewer.get("/admin/imprese?q=rossi").expect(200)).text;
    expect(totalOf(byName)).toBe(2);
    expect(byName).toContain("Officine Rossi S.r.l.");
    expect(byName).toContain("Rossini Catering");
    expect(byName).toContain('value="rossi"');
    for (const q of [rossiVat, `IT ${rossiVat.slice(0, 5)} ${rossiVat.slice(5)}`, "rwb-2026-0001"])
      expect(await total(`/admin/imprese?q=${encodeURIComponent(q)}`), q).toBe(1);
  });

  it("finds applications by organization name, Partita IVA and registry number, with the status filter", async () => {
    expect(await total("/admin/domande?q=verdi")).toBe(1);
    expect(await total(`/admin/domande?q=${rossiVat}`)).toBe(1);
    expect(await total("/admin/domande?q=RWB-2026-0001")).toBe(1);
    expect(await total("/admin/domande?q=verdi&stato=APPROVED")).toBe(0);
    const page = (await reviewer.get("/admin/domande?q=verdi&stato=SUBMITTED").expect(200)).text;
    expect(totalOf(page)).toBe(1);
    expect(page).toContain('href="/admin/domande.csv?q=verdi&amp;stato=SUBMITTED"');
  });

  it("finds advice requests by code (a whole code is that request only), topic, comune and status", async () => {
    const exact = (await reviewer.get("/admin/consulenze?q=CONS-2026-AAAAAA").expect(200)).text;
    expect(totalOf(exact)).toBe(1);
    expect(exact).toContain("CONS-2026-AAAAAA");
    expect(await total("/admin/consulenze?q=cons-2026-aaaaa")).toBe(2);
    expect(await total("/admin/consulenze?tema=ANZIANI")).toBe(2);
    expect(await total("/admin/consulenze?tema=ANZIANI&comune=037006")).toBe(1);
    expect(await total("/admin/consulenze?stato=CLOSED")).toBe(0);
  });

  it("finds problem reports by the reported organization and status", async () => {
    const found = (await reviewer.get("/admin/segnalazioni?q=bianchi").expect(200)).text;
    expect(totalOf(found)).toBe(1);
    expect(found).toContain("Il telefono è cambiato");
    expect(await total("/admin/segnalazioni?q=bianchi&stato=CLOSED")).toBe(0);
  });

  it.each([
    ["/admin/domande?stato=INVENTATO", "stato"],
    ["/admin/domande?comune=12", "comune"],
    ["/admin/domande?assegnatario=qualcuno", "assegnatario"],
    ["/admin/imprese?q=a&q=b", "q"],
    [`/admin/imprese?q=${"x".repeat(201)}`, "q"],
    ["/admin/imprese?da-verificare=si", "da-verificare"],
    ["/admin/consulenze?tema=GATTI", "tema"],
    ["/admin/segnalazioni?pagina=0", "pagina"],
    ["/admin/domande.csv?stato=INVENTATO", null],
  ])("answers %s with 400 and says what is wrong", async (path, field) => {
    const res = await reviewer.get(path);
    expect(res.status).toBe(400);
    if (field) expect(res.text).toContain(`href="#campo-${field}"`);
    // Beside the field too; the page number is in no field, only in the summary.
    if (field && field !== "pagina") expect(res.text).toContain(`id="campo-${field}-errore"`);
  });

  it("serves the searches from indexes, not by reading every row", async () => {
    const plan = async (sql: string) =>
      ctx.db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`))
          .map((r) => r["QUERY PLAN"])
          .join("\n");
      });
    expect(await plan(`SELECT id FROM "Organization" WHERE name ILIKE '%rossi%'`)).toContain(
      "Organization_name_trgm_idx",
    );
    expect(await plan(`SELECT id FROM "Application" WHERE "vatNumber" = '${rossiVat}'`)).toContain(
      "Application_vatNumber_idx",
    );
  });
});

describe("CSV downloads of the staff lists", () => {
  const download = (path: string) =>
    reviewer
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      });
  const lines = (body: Buffer) => body.toString("utf8").slice(1).split("\r\n").filter(Boolean);

  it("sends every matching row, not just a page, for Italian spreadsheets", async () => {
    const res = await download("/admin/imprese.csv?q=serie+lunga&pagina=2");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="imprese-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(body);
    expect(header).toBe(
      [
        "admin.csv.columns.id",
        "admin.organizations.name",
        "admin.organizations.registryNumber",
        "admin.applications.columns.vatNumber",
        "admin.organizations.comune",
        "admin.organizations.status",
        "admin.organizations.lastVerifiedAt",
      ]
        .map((k) => t(k))
        .join(";"),
    );
    expect(rows).toHaveLength(SERIES);
    expect(rows[0]).toMatch(/;Serie Lunga 0;;80000000000;;Iscritta;$/);
  });

  it("keeps accents and defuses formulas", async () => {
    const text = (await download("/admin/imprese.csv")).body.toString("utf8");
    expect(text).toContain(";Città Bianchi & Figli;");
    expect(text).toContain(`;"'=HYPERLINK(""http://x"") S.r.l.";`);
  });

  it("downloads applications with the conflict column, advice requests without personal data, and reports", async () => {
    const applications = lines((await download("/admin/domande.csv?q=verdi")).body as Buffer);
    expect(applications).toHaveLength(2);
    expect(applications[1]).toContain(";Domanda Verdi S.p.A.;");
    expect(applications[1]).toContain(";no;");
    expect(applications[1]).toContain(";Inviata;");

    const adviceCsv = (await download("/admin/consulenze.csv?tema=ANZIANI")).body as Buffer;
    expect(lines(adviceCsv)).toHaveLength(3);
    const advice = adviceCsv.toString("utf8");
    expect(advice).toContain("CONS-2025-ZZZZZZ;");
    expect(advice).not.toMatch(/Maria Riservata|maria\.riservata|Testo personale/);

    const reports = (await download("/admin/segnalazioni.csv?q=bianchi")).body.toString("utf8");
    expect(reports).toContain(";Città Bianchi & Figli;Nuova;Il telefono è cambiato");
    expect(reports).not.toContain("segnala@example.org");
  });

  it("is for staff only", async () => {
    const anonymous = await request(ctx.app).get("/admin/domande.csv");
    expect(anonymous.status).toBe(303);
    const company = await buildUser(ctx.db.prisma, "COMPANY");
    const agent = await loggedInAgent(ctx.app, company.email, TEST_PASSWORD);
    for (const path of ["/admin/domande.csv", "/admin/imprese.csv", "/admin/consulenze.csv", "/admin/segnalazioni.csv"])
      expect((await agent.get(path)).status, path).toBe(403);
  });
});
