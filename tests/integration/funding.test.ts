import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContributionRepository } from "../../src/data/outreach/contributionRepository.js";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { fieldError } from "../helpers/catalogue.js";

let ctx: TestContext;
let admin: request.Agent;
let company: request.Agent;
let measureId: number;

const post = async (agent: request.Agent, path: string, form: Record<string, string>, page: string) =>
  agent
    .post(path)
    .type("form")
    .send({ _csrf: await tokenFor(agent, page), ...form });
const audits = (action: string, entityId: number) =>
  ctx.db.prisma.auditEntry.findMany({ where: { action, entityType: "Contribution", entityId: String(entityId) } });

const validContribution = (overrides: Record<string, string> = {}) => ({
  activity: "Formazione sul welfare per le PMI",
  kind: "MONEY",
  amount: "1.234,56",
  description: "",
  estimatedValue: "",
  resource: "Fondo sociale europeo 2021-2027",
  fundedBy: "Regione Emilia-Romagna",
  grantedOn: "2026-04-15",
  networkId: "",
  measureId: "",
  eventId: "",
  isPublic: "1",
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: roomyRateLimits,
  });
  const p = ctx.db.prisma;
  const org = await buildOrganization(p);
  measureId = (await p.measure.findFirstOrThrow({ where: { organizationId: org.id } })).id;
  const a = await buildUser(p, "ADMIN", "Anna Amministratrice");
  admin = await loggedInAgent(ctx.app, a.email, TEST_PASSWORD);
  const { user } = await buildSubmittedApplication(p);
  company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("roles", () => {
  it("sends anonymous visitors to log in and refuses companies with 403", async () => {
    for (const path of [
      "/admin/contributi",
      "/admin/contributi/nuovo",
      "/admin/contributi/rendiconto",
      "/admin/contributi/rendiconto.csv",
    ]) {
      const res = await request(ctx.app).get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.location).toBe(`/accedi?torna=${encodeURIComponent(path)}`);
      expect((await company.get(path)).status, path).toBe(403);
    }
    expect((await post(company, "/admin/contributi/nuovo", validContribution(), "/")).status).toBe(403);
    expect(await ctx.db.prisma.contribution.count()).toBe(0);
  });
});

describe("staff record contributions", () => {
  it("answers a wrong amount with 422, an Italian message beside the field and the values kept", async () => {
    for (const amount of ["abc", "12,345", "0,00", "1,234.56", "-5"]) {
      const res = await post(
        admin,
        "/admin/contributi/nuovo",
        validContribution({ amount, activity: "" }),
        "/admin/contributi/nuovo",
      );
      expect(res.status, amount).toBe(422);
      expect(res.text).toMatch(fieldError("amount", "funding.errors.amount"));
      expect(res.text).toMatch(fieldError("activity", "validation.required"));
      expect(res.text).toContain('href="#campo-amount"');
      expect(res.text).toContain(`value="${amount}"`);
      expect(res.text).toContain('value="Fondo sociale europeo 2021-2027"');
    }
    const date = await post(
      admin,
      "/admin/contributi/nuovo",
      validContribution({ grantedOn: "2026-02-30" }),
      "/admin/contributi/nuovo",
    );
    expect(date.status).toBe(422);
    expect(date.text).toMatch(fieldError("grantedOn", "validation.date"));
    const link = await post(
      admin,
      "/admin/contributi/nuovo",
      validContribution({ measureId: "999999" }),
      "/admin/contributi/nuovo",
    );
    expect(link.status).toBe(422);
    expect(link.text).toMatch(fieldError("measureId", "validation.choice"));
    expect(link.text).toContain('href="#campo-measureId"');
    expect(await ctx.db.prisma.contribution.count()).toBe(0);
  });

  it("stores Italian and dotted amounts exactly; edits and deletes are audited", async () => {
    const p = ctx.db.prisma;
    expect(
      (
        await post(
          admin,
          "/admin/contributi/nuovo",
          validContribution({ measureId: String(measureId) }),
          "/admin/contributi/nuovo",
        )
      ).status,
    ).toBe(303);
    const created = await p.contribution.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(created.amount?.toFixed(2)).toBe("1234.56");
    expect(created).toMatchObject({ kind: "MONEY", description: "", estimatedValue: null });
    expect(created).toMatchObject({ measureId, isPublic: true, fundedBy: "Regione Emilia-Romagna" });
    expect(created.grantedOn.toISOString()).toBe("2026-04-15T00:00:00.000Z");
    expect((await audits("contribution.create", created.id))[0]?.after).toMatchObject({ amount: "1234.56", measureId });

    const page = `/admin/contributi/${created.id}`;
    expect((await admin.get(page)).text).toContain('value="1234,56"');
    expect((await post(admin, page, validContribution({ amount: "99999999.99", isPublic: "" }), page)).status).toBe(
      303,
    );
    const edited = await p.contribution.findUniqueOrThrow({ where: { id: created.id } });
    expect(edited.amount?.toFixed(2)).toBe("99999999.99");
    expect(edited.isPublic).toBe(false);
    const update = (await audits("contribution.update", created.id))[0];
    expect(update?.before).toMatchObject({ amount: "1234.56", isPublic: true });
    expect(update?.after).toMatchObject({ amount: "99999999.99", isPublic: false });

    // "Elimina il contributo" leads to a confirmation page; only its form deletes.
    expect((await admin.get(page)).text).toContain(`href="${page}/elimina"`);
    expect((await admin.get(`${page}/elimina`)).text).toContain("Stai per eliminare il contributo");
    expect(await p.contribution.count({ where: { id: created.id } })).toBe(1);
    expect((await post(admin, `${page}/elimina`, {}, `${page}/elimina`)).status).toBe(303);
    expect(await p.contribution.count({ where: { id: created.id } })).toBe(0);
    expect((await audits("contribution.delete", created.id))[0]?.before).toMatchObject({ amount: "99999999.99" });
    expect((await admin.get(page)).status).toBe(404);
  });
});

describe("funding report", () => {
  it("sums exactly per funder, activity and year; public-only on request; CSV for spreadsheets", async () => {
    const p = ctx.db.prisma;
    await p.contribution.deleteMany({});
    const row = (fundedBy: string, activity: string, amount: string, grantedOn: string, isPublic = true) => ({
      fundedBy,
      activity,
      amount,
      grantedOn: new Date(`${grantedOn}T00:00:00Z`),
      resource: "Fondo",
      isPublic,
    });
    await p.contribution.createMany({
      data: [
        row("Regione Emilia-Romagna", "Seminari", "0.10", "2025-01-01"),
        row("Regione Emilia-Romagna", "Seminari", "0.20", "2025-12-31"),
        row("Regione Emilia-Romagna", "Seminari", "1000000.01", "2026-03-01"),
        row("Regione Emilia-Romagna", "Seminari", "0.05", "2026-03-02", false),
        row('Fondazione; "Carisbo"', "=Reti di imprese", "1234.50", "2026-06-30"),
      ],
    });
    const money = (total: string, count: number) => ({
      money: total,
      moneyCount: count,
      inKindCount: 0,
      inKindUnestimated: 0,
      inKindEstimate: null,
    });
    expect(await createContributionRepository(p).totals({ publicOnly: false })).toEqual([
      { fundedBy: 'Fondazione; "Carisbo"', activity: "=Reti di imprese", year: 2026, ...money("1234.50", 1) },
      { fundedBy: "Regione Emilia-Romagna", activity: "Seminari", year: 2025, ...money("0.30", 2) },
      { fundedBy: "Regione Emilia-Romagna", activity: "Seminari", year: 2026, ...money("1000000.06", 2) },
    ]);
    expect((await createContributionRepository(p).totals({ publicOnly: true }))[2]).toEqual({
      fundedBy: "Regione Emilia-Romagna",
      activity: "Seminari",
      year: 2026,
      ...money("1000000.01", 1),
    });

    const html = await admin.get("/admin/contributi/rendiconto");
    expect(html.status).toBe(200);
    expect(html.text).toContain("€ 0,30");
    expect(html.text).toContain("€ 1.000.000,06");
    expect((await admin.get("/admin/contributi/rendiconto?pubblici=1")).text).toContain("€ 1.000.000,01");

    const csv = await admin
      .get("/admin/contributi/rendiconto.csv")
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toContain("rendiconto-contributi.csv");
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").slice(1).split("\r\n")).toEqual([
      "Finanziato da;Attività;Anno;Contributi in denaro;Totale euro;Risorse in natura;Risorse in natura senza stima;Valore stimato in natura (euro)",
      '"Fondazione; ""Carisbo""";\'=Reti di imprese;2026;1;1234,50;0;0;',
      "Regione Emilia-Romagna;Seminari;2025;2;0,30;0;0;",
      "Regione Emilia-Romagna;Seminari;2026;2;1000000,06;0;0;",
      "",
    ]);
    const publicCsv = await admin.get("/admin/contributi/rendiconto.csv?pubblici=1");
    expect(publicCsv.text).toContain("Regione Emilia-Romagna;Seminari;2026;1;1000000,01;0;0;");
  });
});

/** What a browser would send back: the selected option of each select, the value of each text field. */
const selectedIn = (html: string, name: string) => {
  const select = html.match(new RegExp(`<select [^>]*name="${name}"[\\s\\S]*?</select>`))?.[0] ?? "";
  return select.match(/<option value="([^"]*)" selected>/)?.[1] ?? "";
};

describe("dates and links kept on edit", () => {
  it("answers 422, never 500, to dates that do not exist or are before 1900", async () => {
    for (const [grantedOn, message] of [
      ["2026-02-31", "validation.date"],
      ["0000-01-01", "validation.dateMin"],
      ["1899-12-31", "validation.dateMin"],
    ] as const) {
      const res = await post(
        admin,
        "/admin/contributi/nuovo",
        validContribution({ grantedOn }),
        "/admin/contributi/nuovo",
      );
      expect(res.status, grantedOn).toBe(422);
      expect(res.text, grantedOn).toMatch(fieldError("grantedOn", message));
    }
    expect(await ctx.db.prisma.contribution.count({ where: { grantedOn: { lt: new Date("1900-01-01") } } })).toBe(0);
  });

  it("keeps the measure of a firm that left the register and an event older than the latest 500", async () => {
    const p = ctx.db.prisma;
    const left = await buildOrganization(p, { name: "Impresa Sospesa S.r.l." });
    const leftMeasure = await p.measure.findFirstOrThrow({ where: { organizationId: left.id } });
    await p.organization.update({ where: { id: left.id }, data: { registryStatus: "SUSPENDED" } });
    const old = await p.event.create({
      data: {
        slug: "2010-01-01-vecchio",
        title: "Seminario del 2010",
        type: "SEMINAR",
        startsAt: new Date("2010-01-01T09:00:00Z"),
        place: "Bologna",
        organizer: "CMBO",
      },
    });
    await p.event.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        slug: `recente-${i}`,
        title: `Recente ${i}`,
        type: "MEETING" as const,
        startsAt: new Date(Date.UTC(2030, 0, 1 + i)),
        place: "Bologna",
        organizer: "CMBO",
      })),
    });
    const contribution = await p.contribution.create({
      data: {
        activity: "Seminario",
        amount: "100.00",
        resource: "Fondo",
        fundedBy: "Regione",
        grantedOn: new Date("2010-01-01"),
        measureId: leftMeasure.id,
        eventId: old.id,
      },
    });
    const page = `/admin/contributi/${contribution.id}`;
    const form = (await admin.get(page)).text;
    expect(selectedIn(form, "measureId")).toBe(String(leftMeasure.id));
    expect(selectedIn(form, "eventId")).toBe(String(old.id));
    const fields = validContribution({
      measureId: selectedIn(form, "measureId"),
      eventId: selectedIn(form, "eventId"),
    });

    const invalid = await post(admin, page, { ...fields, amount: "tanto" }, page);
    expect(invalid.status).toBe(422);
    expect(selectedIn(invalid.text, "measureId")).toBe(String(leftMeasure.id));
    expect(selectedIn(invalid.text, "eventId")).toBe(String(old.id));

    expect((await post(admin, page, fields, page)).status).toBe(303);
    expect(await p.contribution.findUniqueOrThrow({ where: { id: contribution.id } })).toMatchObject({
      measureId: leftMeasure.id,
      eventId: old.id,
    });
    // Not offered to new contributions.
    const fresh = (await admin.get("/admin/contributi/nuovo")).text;
    expect(form).toContain(`Impresa Sospesa S.r.l. – ${leftMeasure.title}`);
    expect(fresh).not.toContain("Impresa Sospesa S.r.l.");
    expect(fresh).not.toContain("Seminario del 2010");
  });
});

describe("contributions in kind", () => {
  const inKind = (overrides: Record<string, string> = {}) =>
    validContribution({
      activity: "Seminari sul welfare",
      kind: "PREMISES",
      amount: "",
      description: "Sala consiliare per quattro incontri",
      estimatedValue: "1.200,00",
      resource: "",
      fundedBy: "Comune di Bologna",
      grantedOn: "2027-02-01",
      ...overrides,
    });

  it("asks for what the kind needs and points out a field of the other kind (422, values kept)", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ description: "" }, "description", "funding.errors.description"],
      [{ amount: "500" }, "amount", "funding.errors.onlyMoney"],
      [{ estimatedValue: "circa mille" }, "estimatedValue", "funding.errors.estimatedValue"],
      [{ estimatedValue: "0" }, "estimatedValue", "funding.errors.estimatedValue"],
      [{ kind: "MONEY", amount: "500", resource: "Bilancio" }, "description", "funding.errors.onlyInKind"],
      [
        { kind: "MONEY", amount: "500", resource: "Bilancio", description: "" },
        "estimatedValue",
        "funding.errors.onlyInKind",
      ],
      [{ kind: "MONEY", amount: "500", description: "", estimatedValue: "" }, "resource", "validation.required"],
      [{ kind: "REGALO" }, "kind", "validation.choice"],
    ];
    for (const [changes, field, message] of cases) {
      const res = await post(admin, "/admin/contributi/nuovo", inKind(changes), "/admin/contributi/nuovo");
      expect(res.status, JSON.stringify(changes)).toBe(422);
      expect(res.text, JSON.stringify(changes)).toMatch(fieldError(field, message));
      expect(res.text).toContain(`href="#campo-${field}"`);
      expect(res.text).toContain('value="Comune di Bologna"');
    }
    expect(await ctx.db.prisma.contribution.count({ where: { fundedBy: "Comune di Bologna" } })).toBe(0);
  });

  it("stores a described resource with or without an estimate, never an amount; edits are audited", async () => {
    const p = ctx.db.prisma;
    expect((await post(admin, "/admin/contributi/nuovo", inKind(), "/admin/contributi/nuovo")).status).toBe(303);
    const stored = await p.contribution.findFirstOrThrow({ where: { fundedBy: "Comune di Bologna" } });
    expect(stored).toMatchObject({
      kind: "PREMISES",
      amount: null,
      description: "Sala consiliare per quattro incontri",
    });
    expect(stored.estimatedValue?.toFixed(2)).toBe("1200.00");
    expect((await audits("contribution.create", stored.id))[0]?.after).toMatchObject({
      kind: "PREMISES",
      amount: null,
      estimatedValue: "1200.00",
    });
    const page = `/admin/contributi/${stored.id}`;
    const form = (await admin.get(page)).text;
    expect(selectedIn(form, "kind")).toBe("PREMISES");
    expect(form).toContain('value="1200,00"');

    expect((await post(admin, page, inKind({ kind: "STAFF_TIME", estimatedValue: "" }), page)).status).toBe(303);
    expect(await p.contribution.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      kind: "STAFF_TIME",
      estimatedValue: null,
    });
    expect((await admin.get("/admin/contributi")).text).toContain(
      "In natura: tempo del personale: Sala consiliare per quattro incontri (senza stima)",
    );
    // The database refuses what the form refuses: no amount in kind, no money without one.
    await expect(p.contribution.update({ where: { id: stored.id }, data: { amount: "10.00" } })).rejects.toThrow();
    await expect(p.contribution.update({ where: { id: stored.id }, data: { kind: "MONEY" } })).rejects.toThrow();
  });

  it("reports money and estimated values in kind apart, never summed, on the report, its CSV and /statistiche", async () => {
    const p = ctx.db.prisma;
    await p.contribution.deleteMany({});
    const row = (data: Record<string, unknown>) => ({
      activity: "Seminari",
      resource: "",
      fundedBy: "Comune di Imola",
      grantedOn: new Date("2027-05-01T00:00:00Z"),
      ...data,
    });
    await p.contribution.createMany({
      data: [
        row({ amount: "1000.00", resource: "Bilancio" }),
        row({ kind: "PREMISES", description: "Sala", estimatedValue: "1200.00" }),
        row({ kind: "SERVICES", description: "Servizio di interpretariato", estimatedValue: "300.50" }),
        row({ kind: "STAFF_TIME", description: "Due operatori per 40 ore" }),
      ],
    });
    expect(await createContributionRepository(p).totals({ publicOnly: false })).toEqual([
      {
        fundedBy: "Comune di Imola",
        activity: "Seminari",
        year: 2027,
        money: "1000.00",
        moneyCount: 1,
        inKindCount: 3,
        inKindUnestimated: 1,
        inKindEstimate: "1500.50",
      },
    ]);
    const html = (await admin.get("/admin/contributi/rendiconto")).text;
    expect(html).toContain("€ 1.000,00");
    expect(html).toContain("€ 1.500,50");
    expect(html).toContain("1 senza stima");
    expect(html).not.toContain("2.500,50");
    const csv = (await admin.get("/admin/contributi/rendiconto.csv")).text.replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[1]).toBe("Comune di Imola;Seminari;2027;1;1000,00;3;1;1500,50");

    const stats = await request(ctx.app).get("/statistiche/contributi.csv").expect(200);
    expect(stats.text).toContain("Comune di Imola,Seminari,2027,1000.00,1,3,1,1500.50");
    const page = (await request(ctx.app).get("/statistiche").expect(200)).text;
    const table = /<table[^>]*id="tabella-contributi"[\s\S]*?<\/table>/.exec(page)![0];
    expect(table).toMatch(
      /1000,00\u00a0€<\/td><td class="text-end">1<\/td><td class="text-end">3<\/td><td class="text-end">1500,50\u00a0€/,
    );
    expect(page).not.toContain("2500,50");
  });
});
