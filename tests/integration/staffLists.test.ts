import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDITED_ENTITIES } from "../../src/domain/vocabulary.js";
import { STAFF_PAGE_SIZE } from "../../src/domain/staffPaging.js";
import { TEST_PASSWORD, buildUser } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// Staff lists never stop silently: every one says how many entries match and
// pages through all of them (they used to be cut at 200 rows with no notice).
let ctx: TestContext;
let reviewer: Awaited<ReturnType<typeof loggedInAgent>>;
const MANY = 2 * STAFF_PAGE_SIZE + 7;

beforeAll(async () => {
  ctx = await createTestContext();
  const user = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Elenchi");
  reviewer = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
  const org = await buildOrganization(ctx.db.prisma, { slug: "impresa-molto-segnalata" });
  const p = ctx.db.prisma;
  await p.organization.createMany({
    data: Array.from({ length: MANY }, (_, i) => ({
      slug: `elenco-${i}`,
      name: `Elenco ${String(i).padStart(3, "0")}`,
      registryStatus: "REGISTERED" as const,
      registryNumber: `RWB-LIST-${i}`,
      vatNumber: String(90000000000 + i),
    })),
  });
  const listed = await p.organization.findMany({ where: { slug: { startsWith: "elenco-" } }, select: { id: true } });
  await p.application.createMany({
    data: listed.map((o, i) => ({
      organizationId: o.id,
      status: "SUBMITTED" as const,
      payload: {},
      submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    })),
  });
  await p.problemReport.createMany({
    data: Array.from({ length: MANY }, (_, i) => ({ organizationId: org.id, message: `Segnalazione ${i}` })),
  });
  await p.adviceRequest.createMany({
    data: Array.from({ length: MANY }, (_, i) => ({
      referenceCode: `CONS-LIST-${i}`,
      name: "Cittadina",
      email: "cittadina@example.org",
      topic: "ANZIANI" as const,
      message: `Domanda ${i}`,
      consentAt: new Date(),
    })),
  });
});
afterAll(() => ctx?.db.close());

const totalOf = (html: string) => Number(/data-total="(\d+)"/.exec(html)?.[1]);

describe("staff lists", () => {
  it.each([
    ["/admin/domande", /\/admin\/domande\/(\d+)"/g],
    ["/admin/imprese", /\/admin\/imprese\/(\d+)"/g],
    ["/admin/segnalazioni", /\/admin\/segnalazioni\/(\d+)"/g],
    ["/admin/consulenze", /\/admin\/consulenze\/(\d+)"/g],
  ])("%s shows the total and pages through every entry", async (path, links) => {
    const ids = (html: string) => new Set([...html.matchAll(links)].map((m) => m[1]!));
    const first = (await reviewer.get(path).expect(200)).text;
    const total = totalOf(first);
    expect(total).toBeGreaterThanOrEqual(MANY);
    expect(first).toContain(t("admin.paging.total", "it", { count: total }));
    const pages = Math.ceil(total / STAFF_PAGE_SIZE);
    expect(first).toContain(`href="${path}?pagina=2"`);
    const seen = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      const html = (await reviewer.get(`${path}?pagina=${page}`).expect(200)).text;
      const here = ids(html);
      expect(here.size).toBe(page < pages ? STAFF_PAGE_SIZE : total - STAFF_PAGE_SIZE * (pages - 1));
      for (const id of here) seen.add(id);
    }
    // Every entry once: no row lost or repeated between pages.
    expect(seen.size).toBe(total);
    // Past the end: an empty page that still tells the total; nonsense: 400, said beside the field.
    expect(totalOf((await reviewer.get(`${path}?pagina=${pages + 1}`).expect(200)).text)).toBe(total);
    const nonsense = (await reviewer.get(`${path}?pagina=abc`).expect(400)).text;
    expect(nonsense).toContain('href="#campo-pagina"');
    expect(ids(nonsense).size).toBe(0);
  });

  it("keeps the filters in the page links", async () => {
    const html = (await reviewer.get("/admin/segnalazioni?stato=NEW").expect(200)).text;
    expect(html).toContain('href="/admin/segnalazioni?stato=NEW&amp;pagina=2"');
    const filtered = (await reviewer.get("/admin/imprese?q=Elenco").expect(200)).text;
    expect(totalOf(filtered)).toBe(MANY);
  });
});

describe("the activity register's filter", () => {
  it("names every audited kind of record in Italian and in English", () => {
    for (const type of AUDITED_ENTITIES)
      for (const lang of ["it", "en"] as const) {
        const label = t(`admin.activity.types.${type}`, lang);
        expect(label, `${lang} ${type}`).not.toBe(`admin.activity.types.${type}`);
        expect(label).not.toBe("");
      }
  });

  it("offers every audited kind of record, and filtering by one lists its entries only", async () => {
    await ctx.db.prisma.auditEntry.createMany({
      data: AUDITED_ENTITIES.map((type) => ({
        actorLabel: `Autore di ${type}`,
        action: "test.filter",
        entityType: type,
        entityId: "1",
      })),
    });
    const html = (await reviewer.get("/admin/registro-attivita").expect(200)).text;
    for (const type of AUDITED_ENTITIES) {
      expect(html).toContain(`<option value="${type}">${inHtml(t(`admin.activity.types.${type}`))}</option>`);
      const filtered = (await reviewer.get(`/admin/registro-attivita?tipo=${type}&azione=test.`).expect(200)).text;
      const authors = [...filtered.matchAll(/Autore di (\w+)/g)].map((m) => m[1]);
      expect(authors, type).toEqual([type]);
    }
  });

  it("refuses a kind of record that is not audited, beside the field", async () => {
    const res = await reviewer.get("/admin/registro-attivita?tipo=Inventato").expect(400);
    expect(res.text).toContain('id="campo-tipo-errore"');
    expect(await reviewer.get("/admin/registro-attivita?dal=ieri").expect(400)).toBeTruthy();
  });
});
