import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
});
afterAll(() => ctx?.db.close());

/** A company with its first user and a colleague, both able to sign in. */
async function companyWithColleague() {
  const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
  const colleague = await buildUser(ctx.db.prisma, "COMPANY", "Bruno Collega", org.id);
  return { org, user, colleague, agent: await loggedInAgent(ctx.app, user.email, TEST_PASSWORD) };
}

/** The confirmation page's button, as a browser submits it. */
async function confirmRemoval(agent: request.Agent, id: number) {
  const path = `/impresa/colleghi/${id}/rimuovi`;
  return agent
    .post(path)
    .type("form")
    .send({ _csrf: await tokenFor(agent, "/impresa/colleghi") });
}

const userRow = (id: number) => ctx.db.prisma.user.findUniqueOrThrow({ where: { id } });
const auditCount = () => ctx.db.prisma.auditEntry.count({ where: { action: "user.removeFromOrganization" } });

describe("/impresa/colleghi: removing a colleague", () => {
  it("offers a removal for each colleague but not for oneself, after a confirmation page", async () => {
    const { user, colleague, agent } = await companyWithColleague();
    const list = await agent.get("/impresa/colleghi");
    expect(list.text).toContain(`href="/impresa/colleghi/${colleague.id}/rimuovi"`);
    expect(list.text).not.toContain(`href="/impresa/colleghi/${user.id}/rimuovi"`);
    const confirm = await agent.get(`/impresa/colleghi/${colleague.id}/rimuovi`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(inHtml(t("company.colleagues.removeTitle", "it", { name: "Bruno Collega" })));
    expect(confirm.text).toContain(`action="/impresa/colleghi/${colleague.id}/rimuovi"`);
  });

  it("detaches and deactivates the colleague, ends their sessions, e-mails them; audited", async () => {
    const { org, user, colleague, agent } = await companyWithColleague();
    const colleagueAgent = await loggedInAgent(ctx.app, colleague.email, TEST_PASSWORD);
    // No CSRF token: refused.
    expect((await agent.post(`/impresa/colleghi/${colleague.id}/rimuovi`).type("form").send({})).status).toBe(403);
    expect((await userRow(colleague.id)).active).toBe(true);

    const res = await confirmRemoval(agent, colleague.id);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/impresa/colleghi?rimosso=1");
    expect((await agent.get(res.headers.location!)).text).toContain(inHtml(t("company.colleagues.removed")));
    expect(await userRow(colleague.id)).toMatchObject({ organizationId: null, active: false });
    const sessions = await ctx.db.pool.query(`SELECT 1 FROM "session" WHERE sess->'passport'->>'user' = $1`, [
      String(colleague.id),
    ]);
    expect(sessions.rowCount).toBe(0);
    const back = await colleagueAgent.get("/impresa");
    expect(back.status).toBe(303);
    expect(back.headers.location).toMatch(/^\/accedi/);

    const mail = await lastMailTo(ctx.db.prisma, colleague.email);
    expect(mail.subject).toBe(t("company.mail.colleagueRemoved.subject", "it", { organization: org.name }));
    expect(mail.text).toContain(user.name);
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "user.removeFromOrganization", entityId: String(colleague.id) },
    });
    expect(audit).toMatchObject({
      actorId: user.id,
      before: { organizationId: org.id, active: true },
      after: { organizationId: null, active: false },
    });
  });

  it("withdraws a pending invitation with the account", async () => {
    const { user, agent } = await companyWithColleague();
    await ctx.services.account.invite(
      { id: user.id, email: user.email, name: user.name, role: "COMPANY", organizationId: user.organizationId },
      { name: "Invitata In Attesa", email: "invitata.attesa@example.org", language: "it" },
    );
    const link = linkIn((await lastMailTo(ctx.db.prisma, "invitata.attesa@example.org")).text);
    const invited = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "invitata.attesa@example.org" } });
    expect((await confirmRemoval(agent, invited.id)).status).toBe(303);
    expect((await request(ctx.app).get(link)).status).toBe(410);
  });

  it("refuses removing oneself (409, pointing to closing the account); nothing changes", async () => {
    const { user, agent } = await companyWithColleague();
    const page = await agent.get(`/impresa/colleghi/${user.id}/rimuovi`);
    expect(page.status).toBe(409);
    expect(page.text).toContain(inHtml(t("company.colleagues.refused.self")));
    expect(page.text).toContain('href="/account/chiudi"');
    const before = await auditCount();
    expect((await confirmRemoval(agent, user.id)).status).toBe(409);
    expect(await userRow(user.id)).toMatchObject({ organizationId: user.organizationId, active: true });
    expect(await auditCount()).toBe(before);
  });

  it("never finds another company's user, a staff account or a malformed id: 404 and nothing changes", async () => {
    const { agent } = await companyWithColleague();
    const other = await companyWithColleague();
    const staff = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Istruttrice");
    const before = await auditCount();
    for (const target of [other.user, other.colleague, staff]) {
      expect((await agent.get(`/impresa/colleghi/${target.id}/rimuovi`)).status).toBe(404);
      const res = await confirmRemoval(agent, target.id);
      expect(res.status).toBe(404);
      expect(await userRow(target.id)).toMatchObject({ organizationId: target.organizationId, active: true });
    }
    expect((await agent.get("/impresa/colleghi/abc/rimuovi")).status).toBe(404);
    expect((await agent.get("/impresa/colleghi/99999999/rimuovi")).status).toBe(404);
    expect(await auditCount()).toBe(before);
    // The other company's user is still signed in.
    expect((await other.agent.get("/impresa")).status).toBe(200);
  });

  it("keeps the last user: two colleagues removing each other at once, only one succeeds", async () => {
    const { org, user, colleague } = await companyWithColleague();
    const asSession = (u: typeof user) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      organizationId: org.id,
    });
    const outcomes = await Promise.all([
      ctx.services.colleague.remove(asSession(user), colleague.id),
      ctx.services.colleague.remove(asSession(colleague), user.id),
    ]);
    expect(outcomes.sort()).toEqual(["lastUser", "ok"]);
    expect(await ctx.db.prisma.user.count({ where: { organizationId: org.id, active: true } })).toBe(1);
  });
});
