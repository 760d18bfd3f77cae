import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "../../src/db/database.js";
import { publishedPayload } from "../../src/data/review/publicationRepository.js";
import type { MeasureDraft } from "../../src/domain/applicationPayload.js";
import type { Services } from "../../src/services/index.js";
import {
  buildSubmittedApplication,
  buildUser,
  completePayload,
  TEST_PASSWORD,
} from "../factories/applicationFactory.js";
import { alertForm, BOLOGNA, confirmedSubscription, northOf, subscribe } from "../helpers/alerts.js";
import { approveSubmitted } from "../helpers/approve.js";
import { t } from "../helpers/catalogue.js";
import { csrfFrom } from "../helpers/csrf.js";
import { loggedInAgent } from "../helpers/login.js";
import { buildApp, createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// The alerts' digests: a measure open to citizens, made public by an approval,
// reaches the confirmed subscriptions within their radius and categories (the
// matching in SQL, at publication); the job sends each subscription at most one
// e-mail a day, never the same measure twice, once even from two instances.
let ctx: TestContext;
let secondDb: Database;
let second: Services;
let reviewer: request.Agent;
beforeAll(async () => {
  // Every test file subscribes many times from the same client: no per-address limit here.
  ctx = await createTestContext({
    rateLimits: roomyRateLimits,
    targetAddressRateLimit: { windowMs: 60_000, limit: 1000 },
  });
  // Another instance: its own services on its own pool (the embedded PGlite has one connection).
  secondDb = ctx.db.kind === "server" ? connect(ctx.db.connectionString, 5, "server", async () => {}) : ctx.db;
  second = buildApp(ctx.config, secondDb).services;
  const staff = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Avvisi");
  reviewer = await loggedInAgent(ctx.app, staff.email, TEST_PASSWORD);
});
afterAll(async () => {
  if (secondDb && secondDb !== ctx.db) await secondDb.close();
  await ctx?.db.close();
});

// Each test subscribes and confirms through the routes and approves in the back office several times.
const SLOW = { timeout: 60_000 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Over 30 km from Bologna: beyond every subscription made around Bologna's centre. */
const IMOLA = { lat: 44.353074, lon: 11.714156 };
const digestsTo = (to: string) =>
  ctx.db.prisma.outboxMessage.findMany({
    where: { to, NOT: { subject: t("alerts.mail.confirm.subject") } },
    orderBy: { id: "asc" },
  });

/** A firm `km` north of Bologna's centre (or of `from`) applies with `measures`; staff approve it in the back office. */
async function publishFirm(km: number, measures: Partial<MeasureDraft>[], from = BOLOGNA) {
  const seat = northOf(from, km);
  const { application, org } = await buildSubmittedApplication(
    ctx.db.prisma,
    completePayload({ organization: { ...seat }, measures }),
  );
  const page = await reviewer.get(`/admin/domande/${application.id}`).expect(200);
  await reviewer
    .post(`/admin/domande/${application.id}/approva`)
    .type("form")
    .send({ _csrf: csrfFrom(page.text), version: String(application.version) })
    .expect(303);
  return org;
}

describe("matching a publication to subscriptions", () => {
  it(
    "reaches the subscriptions within their radius and categories, and only measures open to citizens",
    SLOW,
    async () => {
      const wide = await confirmedSubscription(ctx.app, ctx.db.prisma, "dieci.km@example.org", { radiusKm: "10" });
      const narrow = await confirmedSubscription(ctx.app, ctx.db.prisma, "tre.km@example.org", { radiusKm: "3" });
      const elderly = await confirmedSubscription(ctx.app, ctx.db.prisma, "anziani@example.org", {
        categories: ["ANZIANI"],
      });
      const children = await confirmedSubscription(ctx.app, ctx.db.prisma, "minori@example.org", {
        categories: ["MINORI", "SALUTE"],
      });
      const fromComune = await confirmedSubscription(ctx.app, ctx.db.prisma, "comune@example.org", {
        comuneCode: "037006",
        radiusKm: "15",
      });
      // Its confirmation link never followed: never matched.
      expect((await subscribe(ctx.app, alertForm("non.confermata@example.org", { radiusKm: "25" }))).status).toBe(303);

      const firm = await publishFirm(5, [
        { title: "Nido aperto al quartiere", category: "MINORI", openToCitizens: true },
        {
          title: "Palestra per i soli dipendenti",
          category: "MINORI",
          openToCitizens: false,
          beneficiaries: ["EMPLOYEES"],
        },
        { title: "Centro estivo concluso", category: "MINORI", openToCitizens: true, status: "ENDED" },
      ]);

      const matched = await ctx.db.prisma.alertMatch.findMany({ include: { measure: true } });
      expect(matched.map((m) => m.measure.title)).toEqual(Array(3).fill("Nido aperto al quartiere"));
      expect(new Set(matched.map((m) => m.subscriptionId))).toEqual(new Set([wide.id, children.id, fromComune.id]));

      const { digests } = await ctx.services.alertDigest.run(new Date());
      expect(digests).toBe(3);
      const [mail] = await digestsTo("dieci.km@example.org");
      expect(mail!.subject).toBe(t("alerts.mail.digest.subject", "it", { count: 1 }));
      expect(mail!.text).toContain("Nido aperto al quartiere");
      expect(mail!.text).toMatch(/a 5 km|a 4,9 km|a 5,1 km/);
      expect(mail!.text).toContain(`${ctx.config.publicBaseUrl}/registro/${firm.slug}`);
      expect(mail!.text).not.toContain("Palestra per i soli dipendenti");
      expect(mail!.text).not.toContain("Centro estivo concluso");
      expect(mail!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
      for (const email of ["tre.km@example.org", "anziani@example.org", "non.confermata@example.org"])
        expect(await digestsTo(email)).toHaveLength(0);
      expect(await ctx.db.prisma.alertSubscription.count({ where: { id: { in: [narrow.id, elderly.id] } } })).toBe(2);
    },
  );

  it(
    "reaches them when a revision opens a measure to citizens, not when it edits one already announced",
    SLOW,
    async () => {
      const firm = await publishFirm(2, [
        { title: "Doposcuola aperto", category: "EDUCAZIONE", openToCitizens: true },
        { title: "Sportello salute interno", category: "SALUTE", openToCitizens: false, beneficiaries: ["EMPLOYEES"] },
      ]);
      const email = "revisione@example.org";
      await confirmedSubscription(ctx.app, ctx.db.prisma, email, { radiusKm: "5" });
      const payload = await publishedPayload(ctx.db.prisma, firm.id);
      payload.measures[0]!.title = "Doposcuola aperto, nuovo orario";
      payload.measures[1]!.openToCitizens = true;
      payload.measures[1]!.beneficiaries = ["EMPLOYEES", "CITIZENS"];
      await ctx.db.prisma.application.create({
        data: { organizationId: firm.id, kind: "REVISION", status: "SUBMITTED", payload, submittedAt: new Date() },
      });
      await approveSubmitted(ctx, firm.id);

      await ctx.services.alertDigest.run(new Date());
      const [mail, ...more] = await digestsTo(email);
      expect(more).toHaveLength(0);
      expect(mail!.text).toContain("Sportello salute interno");
      expect(mail!.text).not.toContain("Doposcuola");
    },
  );
});

describe("the daily digest", () => {
  it(
    "gathers a day's publications in one e-mail, the next ones the next day, never a measure twice",
    SLOW,
    async () => {
      const email = "digest@example.org";
      await confirmedSubscription(ctx.app, ctx.db.prisma, email, { radiusKm: "25" });
      const morning = new Date();
      await publishFirm(8, [{ title: "Badante condivisa", category: "ANZIANI", openToCitizens: true }]);
      await publishFirm(12, [{ title: "Navetta aziendale aperta", category: "MOBILITA", openToCitizens: true }]);
      await ctx.services.alertDigest.run(morning);
      const [first] = await digestsTo(email);
      expect(first!.subject).toBe(t("alerts.mail.digest.subject", "it", { count: 2 }));
      // Nearest first.
      expect(first!.text.indexOf("Badante condivisa")).toBeLessThan(first!.text.indexOf("Navetta aziendale aperta"));

      await publishFirm(20, [{ title: "Ludoteca del sabato", category: "TEMPO_LIBERO", openToCitizens: true }]);
      await ctx.services.alertDigest.run(new Date(morning.getTime() + 6 * HOUR));
      expect(await digestsTo(email)).toHaveLength(1);

      await ctx.services.alertDigest.run(new Date(morning.getTime() + DAY + HOUR));
      const [, next, ...more] = await digestsTo(email);
      expect(more).toHaveLength(0);
      expect(next!.subject).toBe(t("alerts.mail.digest.subject", "it", { count: 1 }));
      expect(next!.text).toContain("Ludoteca del sabato");
      expect(next!.text).not.toContain("Badante condivisa");

      await ctx.services.alertDigest.run(new Date(morning.getTime() + 3 * DAY));
      expect(await digestsTo(email)).toHaveLength(2);
    },
  );

  it("is sent once per subscription when two instances run the job at the same moment", SLOW, async () => {
    // Around Imola, where no other subscription of this file reaches.
    const emails = ["istanza.a@example.org", "istanza.b@example.org", "istanza.c@example.org"];
    const near = { lat: String(IMOLA.lat), lon: String(IMOLA.lon), radiusKm: "3" };
    for (const email of emails) await confirmedSubscription(ctx.app, ctx.db.prisma, email, near);
    await publishFirm(1, [{ title: "Asilo condiviso di Imola", category: "MINORI", openToCitizens: true }], IMOLA);

    const now = new Date(Date.now() + 2 * DAY);
    const runs = await Promise.all([ctx.services.alertDigest.run(now), second.alertDigest.run(now)]);
    expect(runs.reduce((sum, r) => sum + r.digests, 0)).toBe(emails.length);
    for (const email of emails) {
      const mails = await digestsTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain("Asilo condiviso di Imola");
    }
  });
});
