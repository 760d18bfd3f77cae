import type request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthsBefore } from "../../src/domain/romeTime.js";
import { verificationDeadline } from "../../src/domain/verification.js";
import { viewFormat } from "../../src/middleware/viewFormat.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { postForm } from "../helpers/companyAgent.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// The re-verification cycle through the pages: the company's notice and its
// confirmation that nothing changed, the staff queue that records several
// confirmations at once, and the entries overdue at 18 months.
let ctx: TestContext;
let reviewer: request.Agent;
let reviewerId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  const r = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Coda");
  reviewerId = r.id;
  reviewer = await loggedInAgent(ctx.app, r.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

const DAY = 86_400_000;
/** Last verified `months` months and a day ago. */
const verifiedMonthsAgo = (months: number) => new Date(monthsBefore(new Date(), months).getTime() - DAY);

async function company(months: number, name?: string) {
  const org = await buildOrganization(ctx.db.prisma, {
    lastVerifiedAt: verifiedMonthsAgo(months),
    ...(name && { name }),
  });
  const user = await buildCompanyUser(ctx.db.prisma, org.id);
  return { org, user, agent: await loggedInAgent(ctx.app, user.email, TEST_PASSWORD) };
}
const day = (d: Date) => viewFormat("it").day(d);
/** The notice's text, as the page writes it for an entry last verified at `at`. */
const notice = (key: "due" | "late", at: Date) =>
  inHtml(t(`verification.company.${key}`, "it", { lastVerified: day(at), deadline: day(verificationDeadline(at)) }));
const confirm = (agent: request.Agent) => postForm(agent, "/impresa", "/impresa/verifica", {});
const audits = (action: string, id: number) =>
  ctx.db.prisma.auditEntry.findMany({ where: { action, entityType: "Organization", entityId: String(id) } });

describe("the company's summary page", () => {
  it("says nothing before 11 months, and refuses a confirmation", async () => {
    const { agent } = await company(10);
    const page = (await agent.get("/impresa").expect(200)).text;
    expect(page).not.toContain('id="verifica-periodica"');
    expect((await confirm(agent)).status).toBe(409);
  });

  it("offers the confirmation and a revision when due, and records the confirmation once, audited", async () => {
    const { org, user, agent } = await company(11);
    const page = (await agent.get("/impresa").expect(200)).text;
    expect(page).toContain('id="verifica-periodica"');
    expect(page).toContain(inHtml(t("verification.company.confirm")));
    expect(page).toContain('href="/impresa/revisione"');
    expect(page).toContain(notice("due", org.lastVerifiedAt!));

    await agent.post("/impresa/verifica").type("form").send({}).expect(403); // no CSRF token
    const res = await confirm(agent);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/impresa?salvato=verifica-confermata");
    const after = (await agent.get("/impresa?salvato=verifica-confermata").expect(200)).text;
    expect(after).toContain(inHtml(t("company.saved.verifica-confermata")));
    expect(after).not.toContain('action="/impresa/verifica"');
    expect(after).toContain(inHtml(t("verification.company.confirmed", "it", { confirmed: day(new Date()) })));
    const [entry, ...more] = await audits("organization.confirmUnchanged", org.id);
    expect(more).toHaveLength(0);
    expect(entry!.actorId).toBe(user.id);
    // Confirming does not verify: staff do, from their queue.
    const stored = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored.lastVerifiedAt).toEqual(org.lastVerifiedAt);
    expect((await confirm(agent)).status).toBe(409);
  });

  it("says the public page marks the entry after 12 months", async () => {
    const { org, agent } = await company(12);
    const page = (await agent.get("/impresa").expect(200)).text;
    expect(page).toContain(notice("late", org.lastVerifiedAt!));
  });
});

describe("the staff queue /admin/verifiche", () => {
  it("records several confirmations at once: verified today, audited each, the companies told", async () => {
    const a = await company(11, "Verifica Alfa S.r.l.");
    const b = await company(13, "Verifica Beta S.p.A.");
    const unconfirmed = await company(11, "Verifica Gamma S.r.l.");
    for (const c of [a, b]) expect((await confirm(c.agent)).status).toBe(303);

    const queue = (await reviewer.get("/admin/verifiche").expect(200)).text;
    for (const c of [a, b]) expect(queue).toContain(`name="organizationIds" value="${c.org.id}"`);
    expect(queue).not.toContain(inHtml(unconfirmed.org.name));

    await reviewer
      .post("/admin/verifiche")
      .type("form")
      .send({ organizationIds: [a.org.id] })
      .expect(403);
    const none = await postForm(reviewer, "/admin/verifiche", "/admin/verifiche", {});
    expect(none.status).toBe(422);
    expect(none.text).toMatch(fieldError("organizationIds", "verification.errors.noneSelected"));

    const ids = [String(a.org.id), String(b.org.id)];
    const res = await postForm(reviewer, "/admin/verifiche", "/admin/verifiche", { organizationIds: ids });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/admin/verifiche?registrate=2");
    expect((await reviewer.get("/admin/verifiche?registrate=2")).text).toContain(
      inHtml(t("verification.admin.done", "it", { count: 2 })),
    );
    for (const c of [a, b]) {
      const stored = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: c.org.id } });
      expect(Date.now() - stored.lastVerifiedAt!.getTime()).toBeLessThan(60_000);
      const [entry] = await audits("organization.verify", c.org.id);
      expect(entry!.actorId).toBe(reviewerId);
      const mail = await ctx.db.prisma.outboxMessage.findFirstOrThrow({ where: { to: c.user.email } });
      expect(mail.subject).toBe(t("verification.mail.verified.subject", "it", { organization: c.org.name }));
    }
    // Out of the queue, and the company's page no longer asks.
    expect((await reviewer.get("/admin/verifiche")).text).not.toContain(inHtml(a.org.name));
    expect((await a.agent.get("/impresa")).text).not.toContain('id="verifica-periodica"');

    // The same form sent again (another tab, a colleague): nothing recorded twice.
    const again = await postForm(reviewer, "/admin/verifiche", "/admin/verifiche", { organizationIds: ids });
    expect(again.headers.location).toBe("/admin/verifiche?registrate=0");
    expect(await audits("organization.verify", a.org.id)).toHaveLength(1);
    expect(await ctx.db.prisma.outboxMessage.count({ where: { to: a.user.email } })).toBe(1);
  });

  it("highlights entries over 18 months, with the way to the suspension", async () => {
    const overdue = await company(18, "Verifica Ritardataria S.r.l.");
    const queue = (await reviewer.get("/admin/verifiche").expect(200)).text;
    const row = queue.match(new RegExp(`<tr id="verifica-${overdue.org.id}"[^>]*>`))?.[0];
    expect(row).toContain("data-overdue");
    expect(queue).toContain(inHtml(t("verification.admin.overdueBadge")));
    expect(queue).toContain(`href="/admin/imprese/${overdue.org.id}#sospensione"`);
    // Nothing to tick until the company confirms.
    expect(queue).not.toContain(`name="organizationIds" value="${overdue.org.id}"`);
    const detail = (await reviewer.get(`/admin/imprese/${overdue.org.id}`).expect(200)).text;
    expect(detail).toMatch(
      new RegExp(`id="sospensione">\\s*<form method="post" action="/admin/imprese/${overdue.org.id}/sospendi"`),
    );
  });

  it("is counted on the dashboard", async () => {
    const dashboard = (await reviewer.get("/admin").expect(200)).text;
    expect(dashboard).toContain('id="coda-verifications"');
    expect(dashboard).toContain('href="/admin/verifiche"');
  });
});
