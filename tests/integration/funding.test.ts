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
  amount: "1.234,56",
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
    expect(created.amount.toFixed(2)).toBe("1234.56");
    expect(created).toMatchObject({ measureId, isPublic: true, fundedBy: "Regione Emilia-Romagna" });
    expect(created.grantedOn.toISOString()).toBe("2026-04-15T00:00:00.000Z");
    expect((await audits("contribution.create", created.id))[0]?.after).toMatchObject({ amount: "1234.56", measureId });

    const page = `/admin/contributi/${created.id}`;
    expect((await admin.get(page)).text).toContain('value="1234,56"');
    expect((await post(admin, page, validContribution({ amount: "99999999.99", isPublic: "" }), page)).status).toBe(
      303,
    );
    const edited = await p.contribution.findUniqueOrThrow({ where: { id: created.id } });
    expect(edited.amount.toFixed(2)).toBe("99999999.99");
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
    expect(await createContributionRepository(p).totals({ publicOnly: false })).toEqual([
      { fundedBy: 'Fondazione; "Carisbo"', activity: "=Reti di imprese", year: 2026, total: "1234.50", count: 1 },
      { fundedBy: "Regione Emilia-Romagna", activity: "Seminari", year: 2025, total: "0.30", count: 2 },
      { fundedBy: "Regione Emilia-Romagna", activity: "Seminari", year: 2026, total: "1000000.06", count: 2 },
    ]);
    expect((await createContributionRepository(p).totals({ publicOnly: true }))[2]).toEqual({
      fundedBy: "Regione Emilia-Romagna",
      activity: "Seminari",
      year: 2026,
      total: "1000000.01",
      count: 1,
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
      "Finanziato da;Attività;Anno;Numero contributi;Totale euro",
      '"Fondazione; ""Carisbo""";\'=Reti di imprese;2026;1;1234,50',
      "Regione Emilia-Romagna;Seminari;2025;2;0,30",
      "Regione Emilia-Romagna;Seminari;2026;2;1000000,06",
      "",
    ]);
    const publicCsv = await admin.get("/admin/contributi/rendiconto.csv?pubblici=1");
    expect(publicCsv.text).toContain("Regione Emilia-Romagna;Seminari;2026;1;1000000,01");
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
