import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "../../src/db/database.js";
import { monthsBefore } from "../../src/domain/romeTime.js";
import type { Services } from "../../src/services/index.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { t } from "../helpers/catalogue.js";
import { csrfFrom } from "../helpers/csrf.js";
import { buildApp, createTestContext, type TestContext } from "../helpers/testApp.js";

// The re-verification job (verificationCycleService.run), called with its `now`
// as the scheduler would: reminders at 11 months and staff alerts at 18, once
// per entry and cycle even with two instances running it at the same moment.
let ctx: TestContext;
let secondDb: Database;
let second: Services;
beforeAll(async () => {
  ctx = await createTestContext();
  // Another instance: its own services on its own pool (the embedded PGlite has one connection).
  secondDb = ctx.db.kind === "server" ? connect(ctx.db.connectionString, 5, "server", async () => {}) : ctx.db;
  second = buildApp(ctx.config, secondDb).services;
});
afterAll(async () => {
  if (secondDb && secondDb !== ctx.db) await secondDb.close();
  await ctx?.db.close();
});

const DAY = 86_400_000;
const later = (from: Date, months: number, days = 1) => new Date(monthsBefore(from, -months).getTime() + days * DAY);
const mailsTo = (to: string) => ctx.db.prisma.outboxMessage.findMany({ where: { to }, orderBy: { id: "asc" } });
const bothInstancesRun = (now: Date) =>
  Promise.all([ctx.services.verificationCycle.run(now), second.verificationCycle.run(now)]);

/** A registered entry verified at `verifiedAt`, with an Italian- and an English-speaking representative. */
async function entry(verifiedAt: Date, registryStatus: "REGISTERED" | "SUSPENDED" = "REGISTERED") {
  const org = await buildOrganization(ctx.db.prisma, { lastVerifiedAt: verifiedAt, registryStatus });
  const italian = await buildCompanyUser(ctx.db.prisma, org.id);
  const english = await buildCompanyUser(ctx.db.prisma, org.id);
  await ctx.db.prisma.user.update({ where: { id: english.id }, data: { language: "en" } });
  return { org, italian, english };
}

describe("the reminder at 11 months", () => {
  it("reaches each representative once per cycle, in their language, even from two instances at once", async () => {
    const verifiedAt = new Date("2026-01-10T09:00:00Z");
    const due = await entry(verifiedAt);
    const notDue = await entry(later(verifiedAt, 2));
    const suspended = await entry(verifiedAt, "SUSPENDED");
    const now = later(verifiedAt, 11);

    const runs = await bothInstancesRun(now);
    expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(1); // claimed by one instance only
    const italianMails = await mailsTo(due.italian.email);
    expect(italianMails).toHaveLength(1);
    const italian = italianMails[0]!;
    expect(italian.subject).toBe(t("verification.mail.reminder.subject", "it", { organization: due.org.name }));
    expect(italian.text).toContain(`${ctx.config.publicBaseUrl}/impresa`);
    expect(italian.text).toContain("10 gennaio 2026");
    const englishMails = await mailsTo(due.english.email);
    expect(englishMails).toHaveLength(1);
    const english = englishMails[0]!;
    expect(english.subject).toBe(t("verification.mail.reminder.subject", "en", { organization: due.org.name }));
    expect(english.text).toContain("10 January 2027"); // the deadline: 12 months after the verification
    for (const u of [notDue.italian, suspended.italian]) expect(await mailsTo(u.email)).toHaveLength(0);

    // A second run, days later: nothing more.
    await bothInstancesRun(new Date(now.getTime() + 3 * DAY));
    expect(await mailsTo(due.italian.email)).toHaveLength(1);

    // Verified again (the company confirmed, staff recorded it): the next cycle has its own reminder.
    const staff = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Verifiche");
    const confirmedAt = new Date(now.getTime() + 5 * DAY);
    expect(await ctx.services.verificationCycle.confirmUnchanged(due.italian, confirmedAt)).toBe(true);
    const verifiedAgain = new Date(confirmedAt.getTime() + DAY);
    expect(await ctx.services.verificationCycle.confirmMany([due.org.id], staff, verifiedAgain)).toBe(1);
    await bothInstancesRun(later(verifiedAgain, 10)); // not due yet
    expect(await mailsTo(due.italian.email).then((m) => m.map((x) => x.subject))).toEqual([
      t("verification.mail.reminder.subject", "it", { organization: due.org.name }),
      t("verification.mail.verified.subject", "it", { organization: due.org.name }),
    ]);
    await bothInstancesRun(later(verifiedAgain, 11));
    const subjects = (await mailsTo(due.italian.email)).map((m) => m.subject);
    expect(subjects.filter((s) => s === italian.subject)).toHaveLength(2);
  });

  it("is written in the language of the representative's last login", async () => {
    const { org, italian } = await entry(monthsBefore(new Date(), 11));
    const agent = request.agent(ctx.app);
    const form = await agent.get("/accedi?lang=en");
    await agent
      .post("/accedi")
      .type("form")
      .send({ _csrf: csrfFrom(form.text), email: italian.email, password: TEST_PASSWORD })
      .expect(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: italian.id } })).language).toBe("en");
    await ctx.services.verificationCycle.run(new Date(Date.now() + DAY));
    const [mail] = await mailsTo(italian.email);
    expect(mail!.subject).toBe(t("verification.mail.reminder.subject", "en", { organization: org.name }));
  });
});

describe("the staff alert at 18 months", () => {
  it("tells every active member of staff once per entry and cycle, from two instances at once", async () => {
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Allerta");
    const admin = await buildUser(ctx.db.prisma, "ADMIN", "Anna Allerta");
    await ctx.db.prisma.user.update({ where: { id: admin.id }, data: { language: "en" } });
    const retired = await buildUser(ctx.db.prisma, "REVIEWER", "Remo Riposo");
    await ctx.db.prisma.user.update({ where: { id: retired.id }, data: { active: false } });
    const verifiedAt = new Date("2025-03-01T09:00:00Z");
    const overdue = await entry(verifiedAt);
    const now = later(verifiedAt, 18);

    const runs = await bothInstancesRun(now);
    expect(runs.reduce((sum, r) => sum + r.staffAlerted, 0)).toBeGreaterThanOrEqual(1);
    await bothInstancesRun(new Date(now.getTime() + DAY));
    const toReviewer = await mailsTo(reviewer.email);
    expect(toReviewer).toHaveLength(1);
    expect(toReviewer[0]!.subject).toBe(t("verification.mail.overdue.subject", "it", { count: 1 }));
    expect(toReviewer[0]!.text).toContain(overdue.org.name);
    expect(toReviewer[0]!.text).toContain(`${ctx.config.publicBaseUrl}/admin/imprese/${overdue.org.id}`);
    expect(toReviewer[0]!.text).toContain(`${ctx.config.publicBaseUrl}/admin/verifiche`);
    const toAdmin = await mailsTo(admin.email);
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.subject).toBe(t("verification.mail.overdue.subject", "en", { count: 1 }));
    expect(await mailsTo(retired.email)).toHaveLength(0);
    // The company was reminded too, once, in the same run.
    expect(await mailsTo(overdue.italian.email)).toHaveLength(1);
  });
});

describe("a backlog larger than a batch", () => {
  it("is claimed in one run, every entry once, whatever the ties in the verification dates", async () => {
    // Batches of 100 walk the entries in (lastVerifiedAt, id) order, each after the last one claimed:
    // 120 entries verified at the same instant straddle a batch's end, 110 more at distinct instants.
    const tied = new Date("2024-05-02T09:00:00Z");
    const ids: number[] = [];
    for (let i = 0; i < 230; i++) {
      const verifiedAt = i < 120 ? tied : new Date(tied.getTime() + (i % 2 ? -1 : 1) * i * 60_000);
      ids.push((await buildOrganization(ctx.db.prisma, { lastVerifiedAt: verifiedAt, measures: [] })).id);
    }
    const now = later(tied, 19);
    const run = await ctx.services.verificationCycle.run(now);
    expect(run.reminded).toBeGreaterThanOrEqual(230);
    expect(run.staffAlerted).toBeGreaterThanOrEqual(230);
    const cycles = await ctx.db.prisma.verificationCycle.findMany({ where: { organizationId: { in: ids } } });
    expect(cycles).toHaveLength(230);
    expect(cycles.every((c) => c.remindedAt?.getTime() === now.getTime())).toBe(true);
    expect(cycles.every((c) => c.staffAlertedAt?.getTime() === now.getTime())).toBe(true);
    // Nothing left for the next run.
    expect(await ctx.services.verificationCycle.run(new Date(now.getTime() + DAY))).toEqual({
      reminded: 0,
      staffAlerted: 0,
    });
  });
});
