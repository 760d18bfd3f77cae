import type request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "../../src/db/database.js";
import type { AdviceQuestion } from "../../src/services/outreach/adviceService.js";
import type { Services } from "../../src/services/index.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { loggedInAgent } from "../helpers/login.js";
import { buildApp, createTestContext, type TestContext } from "../helpers/testApp.js";

// The privacy notice keeps advice requests at most 24 months after the answer:
// the retention job (adviceRetentionService.purge, called with its `now`)
// deletes older ones with their personal data and keeps anonymous counts.
let ctx: TestContext;
let secondDb: Database;
let second: Services;
let reviewer: request.Agent;
let staff: { id: number; name: string };
beforeAll(async () => {
  ctx = await createTestContext();
  secondDb = ctx.db.kind === "server" ? connect(ctx.db.connectionString, 5, "server", async () => {}) : ctx.db;
  second = buildApp(ctx.config, secondDb).services;
  const r = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Conservazione");
  staff = { id: r.id, name: r.name };
  reviewer = await loggedInAgent(ctx.app, r.email, TEST_PASSWORD);
});
afterAll(async () => {
  if (secondDb && secondDb !== ctx.db) await secondDb.close();
  await ctx?.db.close();
});

const now = new Date("2027-03-15T10:00:00Z");
/** `months` months before the job's `now`. */
const monthsAgo = (months: number) => new Date(Date.UTC(2027, 2 - months, 15, 10));

/** A request made `askedMonthsAgo` before `now`, noted and answered `answeredMonthsAgo` before it if given. */
async function adviceRequest(who: string, askedMonthsAgo: number, answeredMonthsAgo?: number, topic = "ANZIANI") {
  const question: AdviceQuestion = {
    name: `${who} Rossi`,
    email: `${who.toLowerCase()}@example.org`,
    comuneCode: "037006",
    topic: topic as AdviceQuestion["topic"],
    message: `Domanda personale di ${who}.`,
  };
  const referenceCode = await ctx.services.advice.submit(question, "it");
  const { id } = await ctx.db.prisma.adviceRequest.findUniqueOrThrow({ where: { referenceCode } });
  const notes = `Nota interna su ${who}`;
  await ctx.services.advice.update(id, staff, { status: "IN_PROGRESS", assigneeId: staff.id, internalNotes: notes });
  if (answeredMonthsAgo !== undefined) await ctx.services.advice.answer(id, staff, `Risposta a ${who}.`);
  await ctx.db.prisma.adviceRequest.update({
    where: { id },
    data: {
      createdAt: monthsAgo(askedMonthsAgo),
      answeredAt: answeredMonthsAgo === undefined ? null : monthsAgo(answeredMonthsAgo),
    },
  });
  return { id, referenceCode, ...question, notes };
}

const adviceTable = async () =>
  (await reviewer.get("/admin/statistiche").expect(200)).text.match(
    /<table[^>]*id="tabella-consulenze"[\s\S]*?<\/table>/,
  )?.[0];

describe("the retention job", () => {
  it("deletes requests past 24 months with their personal data, keeps the statistics, counts once with two instances", async () => {
    const answeredLongAgo = await adviceRequest("Aldo", 26, 25);
    const neverAnswered = await adviceRequest("Bruna", 25, undefined, "MINORI");
    const recent = await adviceRequest("Carlo", 23, 23);
    const answeredLater = await adviceRequest("Dora", 30, 20); // 24 months count from the answer
    const before = await adviceTable();
    expect(before).toBeDefined();

    const runs = await Promise.all([ctx.services.adviceRetention.purge(now), second.adviceRetention.purge(now)]);
    expect(runs.map((r) => r.deleted).sort()).toEqual([0, 2]);

    const left = await ctx.db.prisma.adviceRequest.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(left.map((r) => r.id)).toEqual([recent.id, answeredLater.id]);
    // The statistics count the same requests, now partly from the anonymous tally.
    expect(await adviceTable()).toBe(before);
    const tally = await ctx.db.prisma.adviceRequestTally.findMany({ orderBy: { topic: "asc" } });
    expect(
      tally.map(({ month, topic, comuneCode, status, requests }) => ({ month, topic, comuneCode, status, requests })),
    ).toEqual([
      { month: new Date("2025-02-01"), topic: "MINORI", comuneCode: "037006", status: "IN_PROGRESS", requests: 1 },
      { month: new Date("2025-01-01"), topic: "ANZIANI", comuneCode: "037006", status: "ANSWERED", requests: 1 },
    ]);

    // Their personal data elsewhere: the staff's notes and answers in the activity
    // register (the entries stay), the answer e-mail.
    for (const gone of [answeredLongAgo, neverAnswered]) {
      const entries = await ctx.db.prisma.auditEntry.findMany({
        where: { entityType: "AdviceRequest", entityId: String(gone.id) },
      });
      expect(entries.map((e) => e.action).sort()).toEqual(
        gone === answeredLongAgo
          ? ["advice.answer", "advice.submit", "advice.update"]
          : ["advice.submit", "advice.update"],
      );
      const written = JSON.stringify(entries.map((e) => [e.before, e.after]));
      for (const text of [gone.notes, `Risposta a`, gone.name, gone.email]) expect(written).not.toContain(text);
      expect(await ctx.db.prisma.outboxMessage.count({ where: { to: gone.email } })).toBe(0);
    }
    // What is kept is untouched.
    expect(
      JSON.stringify(
        (await ctx.db.prisma.auditEntry.findMany({ where: { entityId: String(recent.id) } })).map((e) => e.after),
      ),
    ).toContain(recent.notes);
    // Its confirmation (with the link that withdraws consent) and its answer.
    expect(await ctx.db.prisma.outboxMessage.count({ where: { to: recent.email } })).toBe(2);

    // One audit entry for the run, with the count and nothing personal.
    const purges = await ctx.db.prisma.auditEntry.findMany({ where: { action: "advice.purge" } });
    expect(purges).toHaveLength(1);
    expect(purges[0]!.after).toMatchObject({ deleted: 2, retentionMonths: 24 });
    expect(JSON.stringify([purges[0]!.before, purges[0]!.after])).not.toMatch(/Aldo|Bruna|example\.org|CONS-/);

    // The staff list no longer shows them; a later run finds nothing more to do.
    const list = (await reviewer.get("/admin/consulenze").expect(200)).text;
    expect(list).not.toContain(answeredLongAgo.referenceCode);
    expect(list).toContain(recent.referenceCode);
    expect(await ctx.services.adviceRetention.purge(now)).toEqual({ deleted: 0 });
    expect(await ctx.db.prisma.auditEntry.count({ where: { action: "advice.purge" } })).toBe(1);
    expect(await adviceTable()).toBe(before);
  });
});
