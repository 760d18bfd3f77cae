import request from "supertest";
import { inHtml, t } from "../helpers/catalogue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { lastMailTo } from "../helpers/outbox.js";

let ctx: TestContext;
let reviewer: request.Agent;
let admin: request.Agent;
let reviewerId: number;
const audits = (action: string, entityId: number) =>
  ctx.db.prisma.auditEntry.findMany({ where: { action, entityId: String(entityId) }, orderBy: { id: "asc" } });
const post = async (agent: request.Agent, path: string, form: Record<string, string>, page: string) =>
  agent
    .post(path)
    .type("form")
    .send({ _csrf: await tokenFor(agent, page), ...form });

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: { login: { windowMs: 60_000, limit: 100 }, publicForms: { windowMs: 60_000, limit: 2 } },
  });
  const r = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Istruttrice");
  const a = await buildUser(ctx.db.prisma, "ADMIN", "Anna Amministratrice");
  reviewerId = r.id;
  reviewer = await loggedInAgent(ctx.app, r.email, TEST_PASSWORD);
  admin = await loggedInAgent(ctx.app, a.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("classification", () => {
  it("records a classification with criteria and rationale; history kept, latest current and public", async () => {
    const org = await buildOrganization(ctx.db.prisma, {
      slug: "classificata",
      measures: [{ title: "Centro estivo aperto" }],
    });
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId: org.id } });
    const page = `/admin/imprese/${org.id}`;
    const path = `/admin/misure/${measure.id}/classifica`;

    const missing = await post(
      reviewer,
      path,
      { outcome: "TERRITORIAL_WELFARE", openToCitizens: "1", rationale: "" },
      page,
    );
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('id="campo-rationale-errore"');
    expect(missing.text).toMatch(/value="TERRITORIAL_WELFARE" required checked/);
    // The page has a form per measure: the error summary names the one refused.
    expect(missing.text).toContain(
      inHtml(t("admin.classification.errorSummary", "it", { count: 1, measure: "Centro estivo aperto" })),
    );

    expect(
      (await post(reviewer, path, { outcome: "TO_BE_EXAMINED", rationale: "Servono dati sugli accessi." }, page))
        .status,
    ).toBe(303);
    expect(
      (
        await post(
          reviewer,
          path,
          {
            outcome: "TERRITORIAL_WELFARE",
            openToCitizens: "1",
            wellbeingImpact: "1",
            rationale: "Aperto ai residenti del quartiere.",
          },
          page,
        )
      ).status,
    ).toBe(303);
    const history = await ctx.db.prisma.classification.findMany({
      where: { measureId: measure.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((c) => c.outcome)).toEqual(["TO_BE_EXAMINED", "TERRITORIAL_WELFARE"]);
    expect(history[1]).toMatchObject({ openToCitizens: true, wellbeingImpact: true, continuity: false, reviewerId });
    expect((await ctx.db.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } })).currentOutcome).toBe(
      "TERRITORIAL_WELFARE",
    );
    const entries = await audits("measure.classify", measure.id);
    expect(entries.map((e) => e.before)).toEqual([{ currentOutcome: null }, { currentOutcome: "TO_BE_EXAMINED" }]);
    expect((await request(ctx.app).get("/registro/classificata")).text).toContain("Welfare territoriale");
    expect((await request(ctx.app).get("/registro?classificazione=welfare-territoriale")).text).toContain(
      "/registro/classificata",
    );
  });
});

describe("keeping the register true", () => {
  it("lists entries not verified for 12 months and lets a reviewer confirm one", async () => {
    const old = await buildOrganization(ctx.db.prisma, {
      name: "Vecchia Verifica S.r.l.",
      lastVerifiedAt: new Date("2024-01-01"),
    });
    const list = await reviewer.get("/admin/imprese?da-verificare=1");
    expect(list.text).toContain("Vecchia Verifica S.r.l.");
    expect((await post(reviewer, `/admin/imprese/${old.id}/verifica`, {}, `/admin/imprese/${old.id}`)).status).toBe(
      303,
    );
    const after = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: old.id } });
    expect(after.lastVerifiedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await audits("organization.verify", old.id)).toHaveLength(1);
    expect((await reviewer.get("/admin/imprese?da-verificare=1")).text).not.toContain("Vecchia Verifica S.r.l.");
  });

  it("suspends and reinstates with a required reason, each audited", async () => {
    const org = await buildOrganization(ctx.db.prisma, { slug: "da-sospendere" });
    const page = `/admin/imprese/${org.id}`;
    const empty = await post(reviewer, `${page}/sospendi`, { reason: "" }, page);
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("Questo campo è obbligatorio.");
    expect((await post(reviewer, `${page}/sospendi`, { reason: "Dati non più veri." }, page)).status).toBe(303);
    expect((await request(ctx.app).get("/registro/da-sospendere")).status).toBe(404);
    const twice = await post(reviewer, `${page}/sospendi`, { reason: "Di nuovo" }, page);
    expect(twice.status).toBe(409);
    expect((await post(reviewer, `${page}/riattiva`, { reason: "Dati corretti dall'impresa." }, page)).status).toBe(
      303,
    );
    expect((await request(ctx.app).get("/registro/da-sospendere")).status).toBe(200);
    expect((await audits("organization.suspend", org.id))[0]?.after).toMatchObject({
      registryStatus: "SUSPENDED",
      reason: "Dati non più veri.",
    });
    expect(await audits("organization.reinstate", org.id)).toHaveLength(1);
  });
});

describe("problem reports", () => {
  it("takes a report from the public page into the staff inbox, rate-limited", async () => {
    const org = await buildOrganization(ctx.db.prisma, { slug: "segnalata", name: "Segnalata S.p.A." });
    expect((await request(ctx.app).get("/registro/segnalata")).text).toContain('href="/registro/segnalata/segnala"');
    const visitor = request.agent(ctx.app);
    const form = await visitor.get("/registro/segnalata/segnala");
    expect(form.status).toBe(200);
    const invalid = await visitor
      .post("/registro/segnalata/segnala")
      .type("form")
      .send({ _csrf: await tokenFor(visitor, "/registro/segnalata/segnala"), message: "", email: "non-email" });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('value="non-email"');
    const sent = await visitor
      .post("/registro/segnalata/segnala")
      .type("form")
      .send({
        _csrf: await tokenFor(visitor, "/registro/segnalata/segnala"),
        message: "Il telefono è cambiato.",
        email: "",
      });
    expect(sent.status).toBe(303);
    const report = await ctx.db.prisma.problemReport.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(report).toMatchObject({ status: "NEW", reporterEmail: null });
    const limited = await visitor
      .post("/registro/segnalata/segnala")
      .type("form")
      .send({ _csrf: await tokenFor(visitor, "/registro/segnalata/segnala"), message: "Ancora" });
    expect(limited.status).toBe(429);

    expect((await reviewer.get("/admin/segnalazioni?stato=NEW")).text).toContain("Il telefono è cambiato.");
    const page = `/admin/segnalazioni/${report.id}`;
    expect((await post(reviewer, page, { status: "IN_PROGRESS", note: "Chiamata l'impresa." }, page)).status).toBe(303);
    expect(await ctx.db.prisma.problemReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "IN_PROGRESS",
      notes: "Chiamata l'impresa.",
    });
    expect((await audits("report.update", report.id))[0]?.before).toEqual({ status: "NEW", notes: "" });
    expect((await post(reviewer, page, { status: "BOH", note: "x" }, page)).status).toBe(422);
  });
});

describe("staff accounts", () => {
  it("lets an admin invite a reviewer, who is e-mailed a link to choose a password; audited", async () => {
    const bad = await post(admin, "/admin/utenti", { name: "", email: "x", role: "REVIEWER" }, "/admin/utenti");
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('value="x"');
    expect(bad.text).not.toContain('name="password"');
    const res = await post(
      admin,
      "/admin/utenti",
      { name: "Nuovo Istruttore", email: "nuovo.istruttore@example.org", role: "REVIEWER" },
      "/admin/utenti",
    );
    expect(res.status).toBe(303);
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "nuovo.istruttore@example.org" } });
    expect(user).toMatchObject({ role: "REVIEWER", emailVerifiedAt: null });
    expect((await lastMailTo(ctx.db.prisma, user.email)).text).toMatch(/\/invito\/[\w-]{43}/);
    expect((await admin.get("/admin/utenti")).text).toContain(inHtml(t("admin.staff.invited")));
    expect((await audits("user.invite", user.id))[0]?.after).toMatchObject({ role: "REVIEWER" });
    const dup = await post(
      admin,
      "/admin/utenti",
      { name: "Doppio", email: "nuovo.istruttore@example.org", role: "REVIEWER" },
      "/admin/utenti",
    );
    expect(dup.status).toBe(422);
    expect((await post(admin, `/admin/utenti/${user.id}`, { role: "REVIEWER" }, "/admin/utenti")).status).toBe(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    expect(await audits("user.update", user.id)).toHaveLength(1);
  });

  it("never demotes the last active admin", async () => {
    const admins = await ctx.db.prisma.user.findMany({ where: { role: "ADMIN" } });
    expect(admins).toHaveLength(1);
    expect(
      (await post(admin, `/admin/utenti/${admins[0]!.id}`, { role: "REVIEWER", active: "1" }, "/admin/utenti")).status,
    ).toBe(409);
  });
});

describe("activity log", () => {
  it("lists staff actions with who, what, which record, before and after, filterable", async () => {
    const all = await reviewer.get("/admin/registro-attivita");
    expect(all.status).toBe(200);
    expect(all.text).toContain("organization.suspend");
    expect(all.text).toContain("Rita Istruttrice");
    const filtered = await reviewer.get("/admin/registro-attivita?azione=user.&tipo=User");
    expect(filtered.text).toContain("user.invite");
    expect(filtered.text).not.toContain("organization.suspend");
  });

  it("offers no way to edit or delete it", async () => {
    const token = await tokenFor(admin, "/admin/registro-attivita");
    for (const method of ["post", "put", "patch", "delete"] as const) {
      const res = await admin[method]("/admin/registro-attivita").type("form").send({ _csrf: token });
      expect(res.status, method).toBe(404);
    }
    expect((await admin.post("/admin/registro-attivita/1").type("form").send({ _csrf: token })).status).toBe(404);
  });
});
