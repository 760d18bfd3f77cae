import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildSubmittedApplication,
  buildUser,
  completePayload,
  TEST_PASSWORD,
} from "../factories/applicationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";

let ctx: TestContext;
let reviewer: request.Agent;
let other: request.Agent;
let reviewerId: number;
const audits = (action: string, entityId: number) =>
  ctx.db.prisma.auditEntry.findMany({ where: { action, entityId: String(entityId) } });

beforeAll(async () => {
  ctx = await createTestContext();
  const r = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Istruttrice");
  const o = await buildUser(ctx.db.prisma, "REVIEWER", "Oscar Istruttore");
  reviewerId = r.id;
  reviewer = await loggedInAgent(ctx.app, r.email, TEST_PASSWORD);
  other = await loggedInAgent(ctx.app, o.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

async function post(agent: request.Agent, path: string, form: Record<string, string>, page: string) {
  return agent
    .post(path)
    .type("form")
    .send({ _csrf: await tokenFor(agent, page), ...form });
}

describe("review of an application", () => {
  it("lists the submitted application and shows everything the company sent", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    const list = await reviewer.get("/admin/domande?stato=SUBMITTED&comune=037006&categoria=MINORI");
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/admin/domande/${application.id}`);
    expect((await reviewer.get("/admin/domande?categoria=ANZIANI")).text).not.toContain(
      `/admin/domande/${application.id}"`,
    );
    const detail = await reviewer.get(`/admin/domande/${application.id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain("Via Indipendenza 1");
    expect(detail.text).toContain("Iscrizione presso il Comune.");
  });

  it("takes an application in charge, with an event and an audit entry", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    const res = await post(
      reviewer,
      `/admin/domande/${application.id}/prendi-in-carico`,
      { seenAssignee: "nessuno" },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(303);
    const after = await ctx.db.prisma.application.findUniqueOrThrow({
      where: { id: application.id },
      include: { events: true },
    });
    expect(after.assigneeId).toBe(reviewerId);
    expect(after.events.map((e) => e.type)).toContain("ASSIGNED");
    const [entry] = await audits("application.assign", application.id);
    expect(entry).toMatchObject({
      actorId: reviewerId,
      before: { assigneeId: null },
      after: { assigneeId: reviewerId },
    });
    expect((await reviewer.get(`/admin/domande?assegnatario=${reviewerId}`)).text).toContain(
      `/admin/domande/${application.id}`,
    );
  });

  it("lets only one of two reviewers take an application at once, and taking over is a deliberate choice", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    const page = `/admin/domande/${application.id}`;
    const take = (agent: request.Agent, seen: string) =>
      post(agent, `${page}/prendi-in-carico`, { seenAssignee: seen }, page);
    // Both saw it unassigned; the two requests race.
    const answers = await Promise.all([take(reviewer, "nessuno"), take(other, "nessuno")]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(loser.text).toContain("Nel frattempo un&#39;altra persona ha preso in carico questa domanda");
    const after = await ctx.db.prisma.application.findUniqueOrThrow({
      where: { id: application.id },
      include: { events: true },
    });
    expect(after.events.filter((e) => e.type === "ASSIGNED")).toHaveLength(1);
    expect(await audits("application.assign", application.id)).toHaveLength(1);
    // The loser, now shown the winner, takes over on purpose.
    const winner = after.assigneeId!;
    const loserAgent = winner === reviewerId ? other : reviewer;
    expect((await take(loserAgent, String(winner))).status).toBe(303);
    const taken = await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(taken.assigneeId).not.toBe(winner);
    expect(await audits("application.assign", application.id)).toHaveLength(2);
    // A request without the field is malformed.
    expect((await post(reviewer, `${page}/prendi-in-carico`, {}, page)).status).toBe(400);
  });

  it("requires a comment to request changes: 422, the error beside the field", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    const res = await post(
      reviewer,
      `/admin/domande/${application.id}/richiedi-integrazioni`,
      { version: "0", comment: "  " },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    expect(res.text).toContain('id="campo-comment-errore"');
    expect((await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("requests changes: status, event with the comment, audit entry and an e-mail to the company", async () => {
    const { application, user } = await buildSubmittedApplication(ctx.db.prisma);
    const res = await post(
      reviewer,
      `/admin/domande/${application.id}/richiedi-integrazioni`,
      { version: "0", comment: "Aggiungete gli orari di apertura." },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(303);
    const after = await ctx.db.prisma.application.findUniqueOrThrow({
      where: { id: application.id },
      include: { events: true },
    });
    expect(after).toMatchObject({ status: "CHANGES_REQUESTED", version: 1 });
    expect(after.events.find((e) => e.type === "CHANGES_REQUESTED")?.comment).toBe("Aggiungete gli orari di apertura.");
    expect(await audits("application.requestChanges", application.id)).toHaveLength(1);
    const mail = await ctx.db.prisma.outboxMessage.findFirst({ where: { to: user.email } });
    expect(mail?.text).toContain("Aggiungete gli orari di apertura.");
  });

  it("rejects with a required reason", async () => {
    const { application, user } = await buildSubmittedApplication(ctx.db.prisma);
    expect(
      (
        await post(
          reviewer,
          `/admin/domande/${application.id}/respingi`,
          { version: "0", reason: "" },
          `/admin/domande/${application.id}`,
        )
      ).status,
    ).toBe(422);
    const res = await post(
      reviewer,
      `/admin/domande/${application.id}/respingi`,
      { version: "0", reason: "Le misure riguardano solo i dirigenti." },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(303);
    expect(await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "REJECTED",
      decidedAt: expect.any(Date),
    });
    const [entry] = await audits("application.reject", application.id);
    expect(entry?.after).toMatchObject({ status: "REJECTED", comment: "Le misure riguardano solo i dirigenti." });
    expect(
      await ctx.db.prisma.outboxMessage.count({ where: { to: user.email, subject: { contains: "respinta" } } }),
    ).toBe(1);
  });

  it("refuses to approve a Partita IVA another organization took meanwhile, with a message, not a 500", async () => {
    // Submission reserves the number, so this is data from before that rule: the second holds nothing.
    const first = await buildSubmittedApplication(ctx.db.prisma);
    const vatNumber = first.org.vatNumber!;
    await ctx.db.prisma.organization.update({ where: { id: first.org.id }, data: { vatNumber: null } });
    const { application, org } = await buildSubmittedApplication(
      ctx.db.prisma,
      completePayload({ organization: { vatNumber } }),
    );
    await ctx.db.prisma.organization.update({ where: { id: org.id }, data: { vatNumber: null } });
    await ctx.db.prisma.organization.update({ where: { id: first.org.id }, data: { vatNumber } });
    const res = await post(
      reviewer,
      `/admin/domande/${application.id}/approva`,
      { version: "0" },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain("già registrata per un&#39;altra impresa");
    expect((await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("approves a first application: registry number, public data, audit, e-mail", async () => {
    const { application, org, user } = await buildSubmittedApplication(ctx.db.prisma);
    const res = await post(
      reviewer,
      `/admin/domande/${application.id}/approva`,
      { version: "0" },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(303);
    const published = await ctx.db.prisma.organization.findUniqueOrThrow({
      where: { id: org.id },
      include: { measures: true },
    });
    expect(published).toMatchObject({
      registryStatus: "REGISTERED",
      address: "Via Indipendenza 1",
      registeredAt: expect.any(Date),
      lastVerifiedAt: expect.any(Date),
    });
    expect(published.registryNumber).toMatch(new RegExp(`^RWB-${new Date().getUTCFullYear()}-\\d{4}$`));
    expect(published.measures).toHaveLength(1);
    const [entry] = await audits("application.approve", application.id);
    expect(entry?.after).toMatchObject({ status: "APPROVED", registryNumber: published.registryNumber });
    expect(
      await ctx.db.prisma.outboxMessage.count({
        where: { to: user.email, text: { contains: published.registryNumber! } },
      }),
    ).toBe(1);
    expect((await request(ctx.app).get(`/registro/${published.slug}`)).status).toBe(200);
  });

  it("refuses to approve an incomplete application", async () => {
    const { application } = await buildSubmittedApplication(
      ctx.db.prisma,
      completePayload({ organization: { address: "" } }),
    );
    const res = await post(
      reviewer,
      `/admin/domande/${application.id}/approva`,
      { version: "0" },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(422);
    expect((await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("shows a revision field by field against the approved version, and publishes it on approval", async () => {
    const { application, org } = await buildSubmittedApplication(ctx.db.prisma);
    await post(
      reviewer,
      `/admin/domande/${application.id}/approva`,
      { version: "0" },
      `/admin/domande/${application.id}`,
    );
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId: org.id } });
    const payload = completePayload({
      organization: { name: org.name, address: "Via Rizzoli 2" },
      measures: [{ measureId: measure.id, title: measure.title, capacity: 30 }, { title: "Navetta serale" }],
    });
    const revision = await ctx.db.prisma.application.create({
      data: { organizationId: org.id, kind: "REVISION", status: "SUBMITTED", payload, submittedAt: new Date() },
    });
    const detail = await reviewer.get(`/admin/domande/${revision.id}`);
    expect(detail.text).toContain("Modifiche rispetto alla versione approvata");
    expect(detail.text).toMatch(/<del>\s*Via Indipendenza 1\s*<\/del>/);
    expect(detail.text).toMatch(/<ins>\s*Via Rizzoli 2\s*<\/ins>/);
    expect(detail.text).toContain("nuova");
    const before = (await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).registryNumber;
    expect(
      (await post(reviewer, `/admin/domande/${revision.id}/approva`, { version: "0" }, `/admin/domande/${revision.id}`))
        .status,
    ).toBe(303);
    const after = await ctx.db.prisma.organization.findUniqueOrThrow({
      where: { id: org.id },
      include: { measures: true },
    });
    expect(after).toMatchObject({ address: "Via Rizzoli 2", registryNumber: before });
    expect(after.measures.map((m) => m.capacity).sort()).toEqual([30, null]);
  });
});

describe("concurrency", () => {
  it("gives 20 parallel approvals 20 distinct consecutive registry numbers", async () => {
    const apps = [];
    for (let i = 0; i < 20; i++) apps.push(await buildSubmittedApplication(ctx.db.prisma));
    const approvals = await Promise.all(
      apps.map(({ application }) =>
        ctx.services.review.approve({
          applicationId: application.id,
          version: 0,
          actor: { id: reviewerId, name: "Rita" },
        }),
      ),
    );
    expect(approvals.every((a: { ok: boolean }) => a.ok)).toBe(true);
    const orgs = await ctx.db.prisma.organization.findMany({
      where: { id: { in: apps.map((a) => a.org.id) } },
      select: { registryNumber: true },
    });
    const numbers = orgs.map((o) => Number(o.registryNumber!.slice(-4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.at(-1)! - numbers[0]!).toBe(19);
  });

  it("lets one of two conflicting decisions win; the other gets 409 and keeps its text", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    const page = `/admin/domande/${application.id}`;
    const [t1, t2] = [await tokenFor(reviewer, page), await tokenFor(other, page)];
    const [a, b] = await Promise.all([
      reviewer.post(`${page}/approva`).type("form").send({ _csrf: t1, version: "0" }),
      other.post(`${page}/respingi`).type("form").send({ _csrf: t2, version: "0", reason: "Motivo scritto con cura" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.text).toContain("già decisa");
    const after = await ctx.db.prisma.application.findUniqueOrThrow({
      where: { id: application.id },
      include: { events: true },
    });
    expect(after.version).toBe(1);
    expect(after.events.filter((e) => e.type === "APPROVED" || e.type === "REJECTED")).toHaveLength(1);
    if (b.status === 409) expect(b.text).toContain("Motivo scritto con cura"); // shown even though the form is gone
  });

  it("tells the loser of a race what happened and shows the text it wrote", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    const page = `/admin/domande/${application.id}`;
    const stale = await tokenFor(other, page);
    expect((await post(reviewer, `${page}/approva`, { version: "0" }, page)).status).toBe(303);
    const res = await other
      .post(`${page}/respingi`)
      .type("form")
      .send({ _csrf: stale, version: "0", reason: "Motivo da non perdere" });
    expect(res.status).toBe(409);
    expect(res.text).toContain("già decisa");
    expect(res.text).toMatch(/id="testo-scritto">Motivo da non perdere</);
    expect((await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "APPROVED",
    );
  });

  it("refuses a decision taken on a stale version", async () => {
    const { application } = await buildSubmittedApplication(ctx.db.prisma);
    await ctx.db.prisma.application.update({ where: { id: application.id }, data: { version: 3 } });
    const res = await post(
      other,
      `/admin/domande/${application.id}/richiedi-integrazioni`,
      { version: "2", comment: "Testo da non perdere" },
      `/admin/domande/${application.id}`,
    );
    expect(res.status).toBe(409);
    expect(res.text).toContain("Testo da non perdere");
  });
});
