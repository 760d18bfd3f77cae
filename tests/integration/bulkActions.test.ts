import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildSubmittedApplication, buildUser } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { postForm } from "../helpers/companyAgent.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { createRepositories } from "../../src/data/index.js";
import { allOrNothing } from "../../src/services/shared/allOrNothing.js";

// Staff repeat the same decision on several entries of a list at once: all or
// nothing, in one transaction, every entry audited as if done one by one.
let ctx: TestContext;
let reviewer: Awaited<ReturnType<typeof loggedInAgent>>;
let reviewerId: number;
let colleagueId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const user = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Insieme");
  const colleague = await buildUser(ctx.db.prisma, "REVIEWER", "Carlo Collega");
  reviewerId = user.id;
  colleagueId = colleague.id;
  reviewer = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

/** `n` submitted applications, one after the other (the factory numbers them in sequence). */
async function applicationIds(n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await buildSubmittedApplication(ctx.db.prisma)).application.id);
  return ids;
}
const assignees = (ids: number[]) =>
  ctx.db.prisma.application.findMany({ where: { id: { in: ids } }, select: { assigneeId: true } });

describe('"prendi in carico" of several applications', () => {
  it("assigns every selected application, with an event and an audit entry each, and keeps the list's filters", async () => {
    const ids = await applicationIds(3);
    const res = await postForm(reviewer, "/admin/domande", "/admin/domande/prendi-in-carico?stato=SUBMITTED", {
      ids: ids.map(String),
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/admin/domande?stato=SUBMITTED&esito=prese-in-carico");
    expect((await reviewer.get(res.headers.location!)).text).toContain(t("admin.applications.done.prese-in-carico"));
    expect((await assignees(ids)).every((a) => a.assigneeId === reviewerId)).toBe(true);
    expect(
      await ctx.db.prisma.applicationEvent.count({ where: { applicationId: { in: ids }, type: "ASSIGNED" } }),
    ).toBe(3);
    const audited = await ctx.db.prisma.auditEntry.findMany({
      where: { action: "application.assign", entityId: { in: ids.map(String) } },
    });
    expect(audited).toHaveLength(3);
    expect(audited[0]?.after).toEqual({ assigneeId: reviewerId });
  });

  it("offers a box on the list only for applications the reviewer may take", async () => {
    const [mine] = await applicationIds(1);
    const [theirs] = await applicationIds(1);
    await ctx.db.prisma.application.update({ where: { id: theirs! }, data: { assigneeId: colleagueId } });
    const html = (await reviewer.get("/admin/domande").expect(200)).text;
    expect(html).toContain(`id="seleziona-${mine}"`);
    expect(html).not.toContain(`id="seleziona-${theirs}"`);
    expect(html).toContain('action="/admin/domande/prendi-in-carico"');
  });

  it("changes nothing when one selected application may not be taken, and names it (422)", async () => {
    const ids = await applicationIds(2);
    const { application: taken, org } = await buildSubmittedApplication(ctx.db.prisma);
    await ctx.db.prisma.application.update({ where: { id: taken.id }, data: { assigneeId: colleagueId } });
    const { application: approved } = await buildSubmittedApplication(ctx.db.prisma);
    await ctx.db.prisma.application.update({ where: { id: approved.id }, data: { status: "APPROVED" } });
    const res = await postForm(reviewer, "/admin/domande", "/admin/domande/prendi-in-carico", {
      ids: [...ids, taken.id, approved.id, 99_999_999].map(String),
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain(inHtml(t("admin.bulk.refusedTitle", "it", { count: 3 })));
    expect(res.text).toContain(
      inHtml(
        t("admin.applications.bulk.refused.taken", "it", { name: org.name, id: taken.id, assignee: "Carlo Collega" }),
      ),
    );
    expect(res.text).toContain(inHtml(t("admin.applications.bulk.refused.notFound", "it", { id: 99_999_999 })));
    expect(res.text).toContain(`(domanda #${approved.id}) non è in attesa di esame: è nello stato «Approvata»`);
    // The ticked boxes stay ticked, to untick the refused ones.
    expect(res.text).toMatch(new RegExp(`id="seleziona-${ids[0]}" checked`));
    expect((await assignees(ids)).every((a) => a.assigneeId === null)).toBe(true);
    expect(
      await ctx.db.prisma.auditEntry.count({ where: { action: "application.assign", entityId: String(ids[0]) } }),
    ).toBe(0);
  });

  it("refuses an empty selection and a POST without CSRF token", async () => {
    const empty = await postForm(reviewer, "/admin/domande", "/admin/domande/prendi-in-carico", {});
    expect(empty.status).toBe(422);
    expect(empty.text).toContain(inHtml(t("validation.selectSome")));
    const [id] = await applicationIds(1);
    const forged = await reviewer
      .post("/admin/domande/prendi-in-carico")
      .type("form")
      .send({ ids: String(id) });
    expect(forged.status).toBe(403);
    expect((await assignees([id!]))[0]?.assigneeId).toBeNull();
  });
});

describe('"segna come verificate" of several register entries', () => {
  const old = new Date("2025-01-01T10:00:00Z");
  const verifiedAt = async (ids: number[]) =>
    (await ctx.db.prisma.organization.findMany({ where: { id: { in: ids } }, select: { lastVerifiedAt: true } })).map(
      (o) => o.lastVerifiedAt,
    );

  it("verifies every selected entry today, audited one by one", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await buildOrganization(ctx.db.prisma, { lastVerifiedAt: old })).id);
    const res = await postForm(reviewer, "/admin/imprese", "/admin/imprese/verifica?da-verificare=1", {
      ids: ids.map(String),
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/admin/imprese?da-verificare=1&esito=verificate");
    expect((await reviewer.get(res.headers.location!)).text).toContain(t("admin.organizations.done.verificate"));
    for (const at of await verifiedAt(ids)) expect(Date.now() - at!.getTime()).toBeLessThan(60_000);
    const audited = await ctx.db.prisma.auditEntry.findMany({
      where: { action: "organization.verify", entityId: { in: ids.map(String) } },
    });
    expect(audited).toHaveLength(3);
    expect(audited[0]?.before).toEqual({ lastVerifiedAt: old.toISOString() });
  });

  it("changes nothing when a selected entry is not registered, and names it (422)", async () => {
    const registered = await buildOrganization(ctx.db.prisma, { lastVerifiedAt: old });
    const { org: applicant } = await buildSubmittedApplication(ctx.db.prisma);
    const res = await postForm(reviewer, "/admin/imprese", "/admin/imprese/verifica", {
      ids: [String(registered.id), String(applicant.id)],
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain(
      inHtml(t("admin.organizations.bulk.refused.notRegistered", "it", { name: applicant.name })),
    );
    expect(await verifiedAt([registered.id])).toEqual([old]);
    expect(
      await ctx.db.prisma.auditEntry.count({
        where: { action: "organization.verify", entityId: String(registered.id) },
      }),
    ).toBe(0);
  });

  it("offers a box for each entry of the list, and the button", async () => {
    const org = await buildOrganization(ctx.db.prisma, { name: "Impresa da spuntare" });
    const html = (await reviewer.get("/admin/imprese?q=spuntare").expect(200)).text;
    expect(html).toContain(`id="seleziona-${org.id}"`);
    expect(html).toContain('action="/admin/imprese/verifica?q=spuntare"');
    expect(html).toContain(t("admin.organizations.bulk.verify"));
  });
});

describe("all or nothing", () => {
  it("rolls back what it changed when an entry changed meanwhile, then says which", async () => {
    const [first, second] = await applicationIds(2);
    const { transaction } = createRepositories(ctx.db.prisma, ctx.db.pool);
    const outcome = await allOrNothing(transaction, [first!, second!], {
      read: (ids, tx) =>
        tx.application.findMany({ where: { id: { in: ids } }, select: { id: true, assigneeId: true } }),
      // Once the transaction is rolled back, the second shows what "a colleague" did meanwhile.
      refusal: (id, app) => (app?.assigneeId === colleagueId ? { id, name: `#${id}`, reason: "taken" } : null),
      apply: async (app, tx) => {
        if (app.id === second) {
          // A colleague's transaction, committed while this one runs.
          await ctx.db.prisma.application.update({ where: { id: second }, data: { assigneeId: colleagueId } });
          return false;
        }
        await tx.application.update({ where: { id: app.id }, data: { assigneeId: reviewerId } });
        return true;
      },
    });
    expect(outcome).toEqual({ ok: false, refused: [{ id: second, name: `#${second}`, reason: "taken" }] });
    expect((await assignees([first!]))[0]?.assigneeId).toBeNull();
  });
});
