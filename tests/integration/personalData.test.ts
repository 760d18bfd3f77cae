import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { postForm } from "../helpers/companyAgent.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
});
afterAll(() => ctx?.db.close());

/** An audit entry written as `user` did something (the real actions are tested elsewhere). */
const actedAs = (user: { id: number; name: string }, action: string) =>
  ctx.db.prisma.auditEntry.create({
    data: { actorId: user.id, actorLabel: user.name, action, entityType: "User", entityId: String(user.id) },
  });

const ask = (email: string, name: string, message: string) =>
  ctx.services.advice.submit({ name, email, comuneCode: "037006", topic: "MINORI", message }, "it");

/** Session rows of connect-pg-simple that stand for the user. */
const sessionsOf = async (userId: number) =>
  (
    await ctx.db.pool.query(`SELECT count(*)::int AS n FROM "session" WHERE sess->'passport'->>'user' = $1`, [
      String(userId),
    ])
  ).rows[0].n as number;

describe("/account/dati: the download of one's own data", () => {
  it("holds the account, the organization with its applications, one's activity and advice requests, and nobody else's", async () => {
    const { org, user, application } = await buildSubmittedApplication(ctx.db.prisma);
    const colleague = await buildUser(ctx.db.prisma, "COMPANY", "Collega Riservata", org.id);
    const other = await buildSubmittedApplication(ctx.db.prisma);
    await actedAs(user, "organization.saveDraft");
    await actedAs(colleague, "measure.colleagueSecret");
    await actedAs(other.user, "measure.otherSecret");
    await ask(user.email, user.name, "Una domanda della referente sul nido.");
    await ask(colleague.email, colleague.name, "La domanda riservata del collega.");
    await ask(other.user.email, other.user.name, "La domanda di un'altra impresa.");

    const agent = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const res = await agent.get("/account/dati");
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toBe("attachment; filename=dati-personali.json");
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["cache-control"]).toBe("no-store");
    const data = JSON.parse(res.text);
    expect(data.account).toMatchObject({ id: user.id, email: user.email, name: user.name, role: "COMPANY" });
    expect(data.account).not.toHaveProperty("passwordHash");
    expect(data.organizations).toHaveLength(1);
    expect(data.organizations[0]).toMatchObject({ id: org.id, name: org.name });
    expect(data.organizations[0].applications.map((a: { id: number }) => a.id)).toEqual([application.id]);
    expect(data.organizations[0].applications[0].payload).toEqual(JSON.parse(JSON.stringify(application.payload)));
    // Their own actions, their logins included (the activity log records them).
    expect(data.auditEntries.map((e: { action: string }) => e.action).sort()).toEqual([
      "organization.saveDraft",
      "user.login",
    ]);
    expect(data.adviceRequests).toHaveLength(1);
    expect(data.adviceRequests[0]).toMatchObject({
      email: user.email,
      message: "Una domanda della referente sul nido.",
    });

    for (const foreign of [colleague.email, colleague.name, other.user.email, other.org.name, "Secret", "riservata"])
      expect(res.text).not.toContain(foreign);
    expect(res.text).not.toContain("$argon2");
  });

  it("is only for signed-in users", async () => {
    const res = await request(ctx.app).get("/account/dati");
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/accedi/);
  });
});

describe("/account/chiudi: closing one's account", () => {
  it("asks for the password again: 422 with the error beside the field and in the summary, nothing changes", async () => {
    const { user } = await buildSubmittedApplication(ctx.db.prisma);
    const agent = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const empty = await postForm(agent, "/account/chiudi", "/account/chiudi", { password: "" });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('href="#campo-password"');
    expect(empty.text).toMatch(fieldError("password", "validation.required"));
    const wrong = await postForm(agent, "/account/chiudi", "/account/chiudi", { password: "non-la-password" });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toMatch(fieldError("password", "accounts.account.wrongPassword"));
    expect(wrong.text).not.toContain("non-la-password");
    expect((await agent.post("/account/chiudi").type("form").send({ password: TEST_PASSWORD })).status).toBe(403);
    expect(await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      email: user.email,
      active: true,
    });
  });

  it("anonymises the account, ends every session, keeps the history and the organization", async () => {
    const { org, user, application } = await buildSubmittedApplication(ctx.db.prisma);
    const colleague = await buildUser(ctx.db.prisma, "COMPANY", "Collega Rimasta", org.id);
    const earlier = await actedAs(user, "organization.saveDraft");
    const agent = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const otherDevice = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    expect(await sessionsOf(user.id)).toBe(2);

    const page = await agent.get("/account/chiudi");
    expect(page.text).toContain(inHtml(t("accounts.close.organizationStays", "it", { organization: org.name })));
    const res = await postForm(agent, "/account/chiudi", "/account/chiudi", { password: TEST_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/account-chiuso");
    expect((await agent.get("/account-chiuso")).text).toContain(inHtml(t("accounts.close.done")));

    const closed = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(closed).toMatchObject({
      email: `deleted-${user.id}@invalid`,
      name: `deleted-${user.id}`,
      passwordHash: "",
      active: false,
      organizationId: null,
      emailVerifiedAt: null,
    });
    expect(await sessionsOf(user.id)).toBe(0);
    for (const browser of [agent, otherDevice]) {
      const back = await browser.get("/account");
      expect(back.status).toBe(303);
      expect(back.headers.location).toMatch(/^\/accedi/);
    }
    // The history keeps its rows; the closing is in it, without the address.
    expect(await ctx.db.prisma.auditEntry.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({
      actorId: user.id,
    });
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "user.close", entityId: String(user.id) },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(user.email);
    // The organization, its application and the colleague are untouched.
    expect(await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "SUBMITTED",
      organizationId: org.id,
    });
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: colleague.id } })).organizationId).toBe(org.id);
    // The address is free again: a new sign-up with it works.
    const again = await postForm(request.agent(ctx.app), "/registrati", "/registrati", {
      name: "Di nuovo",
      email: user.email,
      password: TEST_PASSWORD,
      privacy: "1",
    });
    expect(again.status).toBe(200);
    expect(await ctx.db.prisma.user.count({ where: { email: user.email } })).toBe(1);
  });

  it("tells the last user of a company that the organization stays, and keeps it", async () => {
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    const agent = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const page = await agent.get("/account/chiudi");
    expect(page.text).toContain(inHtml(t("accounts.close.lastOfOrganization", "it", { organization: org.name })));
    expect((await postForm(agent, "/account/chiudi", "/account/chiudi", { password: TEST_PASSWORD })).status).toBe(303);
    expect(await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      name: org.name,
    });
    expect(await ctx.db.prisma.user.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("lets staff close their account, except the last active admin", async () => {
    await ctx.db.prisma.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const admin = await buildUser(ctx.db.prisma, "ADMIN", "Unica Amministratrice");
    const adminAgent = await loggedInAgent(ctx.app, admin.email, TEST_PASSWORD);
    const page = await adminAgent.get("/account/chiudi");
    expect(page.text).toContain('id="ultimo-amministratore"');
    expect(page.text).not.toContain('action="/account/chiudi"');
    const refused = await postForm(adminAgent, "/account", "/account/chiudi", { password: TEST_PASSWORD });
    expect(refused.status).toBe(409);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);

    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Revisore Uscente");
    const reviewerAgent = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
    expect(
      (await postForm(reviewerAgent, "/account/chiudi", "/account/chiudi", { password: TEST_PASSWORD })).status,
    ).toBe(303);
    // With a second admin, the first may go.
    await buildUser(ctx.db.prisma, "ADMIN", "Seconda Amministratrice");
    expect((await postForm(adminAgent, "/account/chiudi", "/account/chiudi", { password: TEST_PASSWORD })).status).toBe(
      303,
    );
    expect(await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      active: false,
      email: `deleted-${admin.id}@invalid`,
    });
  });
});
