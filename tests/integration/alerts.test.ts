import nodemailer from "nodemailer";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { alertForm, confirmedSubscription, pathsIn, subscribe } from "../helpers/alerts.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { csrfFrom } from "../helpers/csrf.js";
import { lastMailTo } from "../helpers/outbox.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// /avvisi, the alerts near me: the form (422, no oracle, rate limits), the
// double opt-in, the unsubscribe link (page and RFC 8058 one-click) and the
// deletion of subscriptions left unconfirmed. The digests: alertDigests.test.ts.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
});
afterAll(() => ctx?.db.close());

const DAY = 86_400_000;
const mailsTo = (to: string) => ctx.db.prisma.outboxMessage.findMany({ where: { to }, orderBy: { id: "asc" } });
const subscriptionsOf = (email: string) =>
  ctx.db.prisma.alertSubscription.findMany({ where: { email }, orderBy: { id: "asc" } });

describe("the form", () => {
  it("is linked from the footer and from the search results, with the search's place, distance and categories", async () => {
    expect((await request(ctx.app).get("/")).text).toContain('href="/avvisi"');
    await buildOrganization(ctx.db.prisma);
    const results = await request(ctx.app).get("/registro?vicino=037006&raggio=50&categoria=minori").expect(200);
    const link = results.text.match(/href="([^"]*)" id="link-avvisi"/)?.[1];
    expect(link).toBe(inHtml("/avvisi?vicino=037006&raggio=25&categoria=minori"));

    const form = await request(ctx.app).get("/avvisi?vicino=037006&raggio=25&categoria=minori").expect(200);
    expect(form.text).toMatch(/<option value="037006" selected>/);
    expect(form.text).toMatch(/<option value="25" selected>/);
    expect(form.text).toMatch(/value="MINORI" checked/);
    // A position shared in the search travels as lat/lon.
    const near = await request(ctx.app).get("/avvisi?lat=44.5&lon=11.35&raggio=5").expect(200);
    expect(near.text).toContain('name="lat" value="44.5"');
    expect(near.text).toContain(inHtml(t("alerts.form.sharedPosition", "it", { lat: "44.5000", lon: "11.3500" })));
  });

  it("answers a wrong form with 422, messages beside the fields, a summary and the values kept", async () => {
    const res = await subscribe(ctx.app, {
      email: "non-una-email",
      comuneCode: "",
      lat: "",
      lon: "",
      radiusKm: "7",
      categories: ["MINORI", "NIENTE"],
      privacy: "",
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    const expected = {
      email: "validation.email",
      comuneCode: "alerts.errors.place",
      radiusKm: "validation.choice",
      categories: "validation.choice",
      privacy: "validation.privacy",
    };
    for (const [field, key] of Object.entries(expected)) {
      expect(res.text).toMatch(fieldError(field, key));
      expect(res.text).toContain(`href="#campo-${field}"`);
    }
    expect(res.text).toContain('value="non-una-email"');
    expect(res.text).toMatch(/value="MINORI" checked/);

    const badPlace = await subscribe(ctx.app, alertForm("luogo@example.org", { comuneCode: "999999" }));
    expect(badPlace.status).toBe(422);
    expect(badPlace.text).toMatch(fieldError("comuneCode", "validation.comune"));
    const badPosition = await subscribe(ctx.app, alertForm("luogo@example.org", { lat: "44,5" }));
    expect(badPosition.status).toBe(422);
    expect(badPosition.text).toContain(`id="campo-lat-errore">${inHtml(t("alerts.errors.position"))}`);
    expect(badPosition.text).toContain('href="#campo-lat"');
    expect(await ctx.db.prisma.alertSubscription.count()).toBe(0);
    expect(await mailsTo("luogo@example.org")).toHaveLength(0);
  });

  it("needs the CSRF token", async () => {
    const res = await request(ctx.app).post("/avvisi").type("form").send(alertForm("senza.token@example.org"));
    expect(res.status).toBe(403);
  });
});

describe("double opt-in", () => {
  it("stores an inactive subscription, e-mails a link whose token is stored hashed, and activates it", async () => {
    const email = "giulia.avvisi@example.org";
    const res = await subscribe(ctx.app, alertForm(email, { comuneCode: "037006", categories: ["MINORI", "ANZIANI"] }));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/avvisi/inviata");
    const sent = await request(ctx.app).get("/avvisi/inviata").expect(200);
    expect(sent.text).toContain(inHtml(t("alerts.sent.title")));

    const [stored] = await subscriptionsOf(email);
    expect(stored).toMatchObject({ comuneCode: "037006", radiusKm: 10, categories: ["MINORI", "ANZIANI"] });
    expect(stored!.confirmedAt).toBeNull();
    expect(stored!.consentAt).toBeInstanceOf(Date);
    // The comune's centre, not the position the form also carried.
    const bologna = await ctx.db.prisma.comune.findUniqueOrThrow({ where: { istatCode: "037006" } });
    expect([stored!.lat, stored!.lon]).toEqual([bologna.lat, bologna.lon]);

    const mail = await lastMailTo(ctx.db.prisma, email);
    expect(mail.subject).toBe(t("alerts.mail.confirm.subject"));
    expect(mail.text).toContain("entro 10 km da Bologna");
    const [confirm, unsubscribe] = pathsIn(mail.text);
    const token = confirm!.split("/").pop()!;
    expect(confirm).toMatch(/^\/avvisi\/conferma\/[\w-]{43}$/);
    expect(unsubscribe).toMatch(/^\/avvisi\/disiscrizione\/[\w-]{43}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const page = await request(ctx.app).get(confirm!).expect(200);
    expect(page.text).toContain(inHtml(t("alerts.confirmed.title")));
    const active = await ctx.db.prisma.alertSubscription.findUniqueOrThrow({ where: { id: stored!.id } });
    expect(active.confirmedAt).toBeInstanceOf(Date);
    // Following it again changes nothing; a made-up token is refused.
    await request(ctx.app).get(confirm!).expect(200);
    expect(
      (await ctx.db.prisma.alertSubscription.findUniqueOrThrow({ where: { id: stored!.id } })).confirmedAt,
    ).toEqual(active.confirmedAt);
    await request(ctx.app).get("/avvisi/conferma/gettone-inventato").expect(410);
  });

  it("writes in the language of the page the citizen subscribed on", async () => {
    const email = "john.alerts@example.org";
    await subscribe(ctx.app, alertForm(email), "/avvisi?lang=en");
    const mail = await lastMailTo(ctx.db.prisma, email);
    expect(mail.subject).toBe(t("alerts.mail.confirm.subject", "en"));
    expect(mail.text).toContain("?lang=en");
    expect((await subscriptionsOf(email))[0]!.language).toBe("en");
  });

  it("answers the same whether the address is subscribed already or not: no oracle", async () => {
    const known = "gia.iscritta@example.org";
    await confirmedSubscription(ctx.app, ctx.db.prisma, known);
    const again = await subscribe(ctx.app, alertForm(known));
    const unknown = await subscribe(ctx.app, alertForm("mai.vista@example.org"));
    expect([again.status, again.headers.location]).toEqual([unknown.status, unknown.headers.location]);
    // Both get a confirmation e-mail alike; the subscription already active stays as it was.
    const [first, second] = await mailsTo(known);
    const other = await lastMailTo(ctx.db.prisma, "mai.vista@example.org");
    expect(second!.subject).toBe(other.subject);
    expect(second!.text.replace(/\/[\w-]{43}/g, "")).toBe(other.text.replace(/\/[\w-]{43}/g, ""));
    expect(first!.subject).toBe(second!.subject);
    expect((await subscriptionsOf(known)).map((s) => s.confirmedAt !== null)).toEqual([true, false]);
  });

  it("refuses a link older than 7 days, and the job deletes what was never confirmed, with its e-mail", async () => {
    const late = "in.ritardo@example.org";
    const recent = "recente@example.org";
    await subscribe(ctx.app, alertForm(late));
    await subscribe(ctx.app, alertForm(recent));
    const confirmed = await confirmedSubscription(ctx.app, ctx.db.prisma, "confermata.presto@example.org");
    const now = new Date();
    const made = (email: string, daysAgo: number) =>
      ctx.db.prisma.alertSubscription.updateMany({
        where: { email },
        data: { createdAt: new Date(now.getTime() - daysAgo * DAY) },
      });
    await made(late, 8);
    await made(recent, 6);
    await made("confermata.presto@example.org", 30);
    const [lateLink] = pathsIn((await lastMailTo(ctx.db.prisma, late)).text);
    await request(ctx.app).get(lateLink!).expect(410);

    expect((await ctx.services.alertDigest.run(now)).expired).toBe(1);
    expect(await subscriptionsOf(late)).toHaveLength(0);
    expect(await mailsTo(late)).toHaveLength(0);
    expect(await subscriptionsOf(recent)).toHaveLength(1);
    expect(await mailsTo(recent)).toHaveLength(1);
    expect(await ctx.db.prisma.alertSubscription.findUnique({ where: { id: confirmed.id } })).not.toBeNull();
    await request(ctx.app).get(lateLink!).expect(410);
  });

  it("limits the subscriptions to one address, whoever asks", async () => {
    const email = "casella.presa.di.mira@example.org";
    for (let i = 0; i < ctx.config.targetAddressRateLimit.limit; i += 1)
      expect((await subscribe(ctx.app, alertForm(email))).status).toBe(303);
    expect((await subscribe(ctx.app, alertForm(email))).status).toBe(429);
    expect((await subscribe(ctx.app, alertForm("altra.casella@example.org"))).status).toBe(303);
  });
});

describe("unsubscribe", () => {
  it("shows what ends on GET and, on the button, deletes the subscription and its e-mails", async () => {
    const email = "basta.avvisi@example.org";
    const kept = await confirmedSubscription(ctx.app, ctx.db.prisma, email, { radiusKm: "25" });
    const ending = await confirmedSubscription(ctx.app, ctx.db.prisma, email, { comuneCode: "037006" });
    const mail = await lastMailTo(ctx.db.prisma, email);
    const link = pathsIn(mail.text).pop()!;

    const citizen = request.agent(ctx.app);
    const page = await citizen.get(link).expect(200);
    expect(page.text).toContain(
      inHtml(t("alerts.unsubscribe.intro", "it", { radius: 10, place: "da Bologna", categories: "tutte" })),
    );
    expect(await ctx.db.prisma.alertSubscription.count({ where: { id: ending.id } })).toBe(1);
    await citizen.post(link).type("form").send({}).expect(403);
    const done = await citizen
      .post(link)
      .type("form")
      .send({ _csrf: csrfFrom(page.text) })
      .expect(200);
    expect(done.text).toContain(inHtml(t("alerts.unsubscribe.doneTitle")));

    expect(await ctx.db.prisma.alertSubscription.findUnique({ where: { id: ending.id } })).toBeNull();
    expect(await ctx.db.prisma.alertMail.count({ where: { subscriptionId: ending.id } })).toBe(0);
    expect(await ctx.db.prisma.outboxMessage.findUnique({ where: { id: mail.id } })).toBeNull();
    // The other subscription of the same address, and its e-mail, stay.
    expect(await ctx.db.prisma.alertSubscription.findUnique({ where: { id: kept.id } })).not.toBeNull();
    expect(await mailsTo(email)).toHaveLength(1);

    await request(ctx.app).get(link).expect(404);
    const again = await request(ctx.app).get("/avvisi/disiscrizione/gettone-inventato").expect(404);
    expect(again.text).toContain(inHtml(t("alerts.unsubscribe.unknownTitle")));
  });

  it("works in one click from the mail client (RFC 8058): headers in every e-mail, a POST without CSRF token", async () => {
    const email = "un.clic@example.org";
    const subscription = await confirmedSubscription(ctx.app, ctx.db.prisma, email);
    const mail = await lastMailTo(ctx.db.prisma, email);
    const link = pathsIn(mail.text).pop()!;
    expect(mail.headers).toEqual({
      "List-Unsubscribe": `<${ctx.config.publicBaseUrl}${link}?lang=it>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });

    // The outbox hands the headers to the transport.
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const delivered: string[] = [];
    const recording = {
      sendMail: async (m: Parameters<typeof transport.sendMail>[0]) =>
        delivered.push(String((await transport.sendMail(m)).message)),
    };
    await ctx.services.mail.deliverPending(recording, 1000);
    const json = delivered.map((m) => JSON.parse(m) as { messageId: string; headers?: Record<string, string> });
    const ours = json.find((m) => m.headers?.["List-Unsubscribe"]?.includes(link));
    expect(ours?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    // Any other body is the page's form, which needs its token.
    await request(ctx.app).post(link).type("form").send({ other: "1" }).expect(403);
    const res = await request(ctx.app).post(`${link}?lang=it`).type("form").send("List-Unsubscribe=One-Click");
    expect(res.status).toBe(200);
    expect(await ctx.db.prisma.alertSubscription.findUnique({ where: { id: subscription.id } })).toBeNull();
    expect(await mailsTo(email)).toHaveLength(0);
    await request(ctx.app).post(link).type("form").send("List-Unsubscribe=One-Click").expect(404);
  });

  it("takes the one-click POST as multipart/form-data too, the form RFC 8058 prefers", async () => {
    const email = "multipart@example.org";
    const subscription = await confirmedSubscription(ctx.app, ctx.db.prisma, email);
    const link = pathsIn((await lastMailTo(ctx.db.prisma, email)).text).pop()!;
    await request(ctx.app).post(link).field("List-Unsubscribe", "Altro").expect(403);
    await request(ctx.app).post(link).field("List-Unsubscribe", "One-Click").expect(200);
    expect(await ctx.db.prisma.alertSubscription.findUnique({ where: { id: subscription.id } })).toBeNull();
  });
});
