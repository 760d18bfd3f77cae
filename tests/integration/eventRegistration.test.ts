import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../src/services/shared/secretTokens.js";
import { buildOpenEvent } from "../factories/territoryFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { csrfFrom } from "../helpers/csrf.js";
import { lastMailTo } from "../helpers/outbox.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// Sign-up for events on their public page: seats, the waiting list, two people
// for the last seat at once, the personal cancellation link and the promotion
// of the first person waiting, each step with its e-mail in the outbox.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
});
afterAll(() => ctx?.db.close());

const person = (email: string, name = "Giulia Rossi") => ({
  name,
  email,
  organization: "Cooperativa del Reno",
  privacy: "1",
  website: "",
});

/** The session's CSRF token: from the page if it has a form, else from one that has. */
const csrfOf = async (agent: request.Agent, html: string) =>
  html.includes('name="_csrf"') ? csrfFrom(html) : csrfFrom((await agent.get("/consulenza")).text);

/** A visitor's browser on the event's page (in `lang`), ready to post its form. */
async function visitor(slug: string, lang: "it" | "en" = "it") {
  const agent = request.agent(ctx.app);
  const page = await agent.get(`/eventi/${slug}?lang=${lang}`);
  const token = await csrfOf(agent, page.text);
  const post = (form: Record<string, string>) =>
    agent
      .post(`/eventi/${slug}/iscrizione`)
      .type("form")
      .send({ _csrf: token, ...form });
  return { agent, page, post };
}

/** Signs up through the page; the outcome page and the e-mail it sent. */
async function signUp(slug: string, form: Record<string, string>, lang: "it" | "en" = "it") {
  const { agent, post } = await visitor(slug, lang);
  const res = await post(form);
  expect(res.status, res.text.slice(0, 500)).toBe(303);
  expect(res.headers.location).toBe(`/eventi/${slug}/iscrizione/esito`);
  const mail = await lastMailTo(ctx.db.prisma, form.email!.toLowerCase());
  return { outcome: await agent.get(res.headers.location as string), mail };
}

/** The personal link of an e-mail, as a path ("/eventi/annulla/<token>?lang=it"). */
const cancelLink = (text: string) => {
  const url = new URL(text.match(/https?:\/\/\S+\/eventi\/annulla\/\S+/)![0]);
  return url.pathname + url.search;
};

/** The cancellation as the registrant does it: the page of the link, then its button. */
async function cancel(link: string) {
  const agent = request.agent(ctx.app);
  const page = await agent.get(link);
  const token = await csrfOf(agent, page.text);
  const res = await agent.post(new URL(link, "http://x").pathname).type("form").send({ _csrf: token });
  return { page, res };
}

const registrations = (eventId: number) =>
  ctx.db.prisma.eventRegistration.findMany({ where: { eventId }, orderBy: { id: "asc" } });

describe("signing up", () => {
  it("asks for consent: 422 beside the fields, with a summary, the values kept and nothing stored", async () => {
    const event = await buildOpenEvent(ctx.db.prisma);
    const { page, post } = await visitor(event.slug);
    expect(page.text).toContain(t("events.signUp.seatsLeft", "it", { count: 2, capacity: 2 }));
    const res = await post({ ...person("non-un-indirizzo", "Teatro <Comunale>"), privacy: "" });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    expect(res.text).toMatch(fieldError("privacy", "validation.privacy"));
    expect(res.text).toMatch(fieldError("email", "validation.email"));
    expect(res.text).toContain('href="#campo-privacy"');
    expect(res.text).toContain('value="Teatro &lt;Comunale&gt;"');
    expect(res.text).toContain('value="Cooperativa del Reno"');
    expect(await registrations(event.id)).toEqual([]);
  });

  it("gives a seat, says so on the page and e-mails a confirmation with a personal link stored hashed", async () => {
    const event = await buildOpenEvent(ctx.db.prisma, { capacity: 2 });
    const { outcome, mail } = await signUp(event.slug, person("Giulia.Rossi@Example.org"));
    expect(outcome.status).toBe(200);
    expect(outcome.text).toContain(t("events.signedUp.confirmedTitle"));
    expect(mail.to).toBe("giulia.rossi@example.org");
    expect(mail.subject).toBe(t("events.mail.confirmed.subject", "it", { title: event.title }));
    expect(mail.text).toContain(`/eventi/${event.slug}`);
    const token = cancelLink(mail.text).split("/").pop()!.split("?")[0]!;
    const [stored] = await registrations(event.id);
    expect(stored).toMatchObject({
      status: "CONFIRMED",
      language: "it",
      name: "Giulia Rossi",
      cancelTokenHash: hashToken(token),
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    // The outcome is shown once: coming back later leads to the event's page.
    expect((await request(ctx.app).get(`/eventi/${event.slug}/iscrizione/esito`)).headers.location).toBe(
      `/eventi/${event.slug}`,
    );
  });

  it("puts people on the waiting list once the seats are taken, clearly on the page and in the e-mail", async () => {
    const event = await buildOpenEvent(ctx.db.prisma, { capacity: 1 });
    await signUp(event.slug, person("primo@example.org"));
    const { page } = await visitor(event.slug);
    expect(page.text).toContain(inHtml(t("events.signUp.full", "it", { count: 0 })));
    expect(page.text).toContain(inHtml(t("events.signUp.submitWaiting")));
    const { outcome, mail } = await signUp(event.slug, person("seconda@example.org", "Sara Bianchi"), "en");
    expect(outcome.text).toContain(t("events.signedUp.waitingTitle", "en"));
    expect(outcome.text).toContain("you are on the waiting list, number 1.");
    // In the language of the site at sign-up.
    expect(mail.subject).toBe(t("events.mail.waiting.subject", "en", { title: event.title }));
    expect(mail.text).toContain("number 1");
    expect((await registrations(event.id)).map((r) => [r.status, r.language])).toEqual([
      ["CONFIRMED", "it"],
      ["WAITING", "en"],
    ]);
  });

  it("gives the last seat to one of two people signing up at the same moment", async () => {
    const event = await buildOpenEvent(ctx.db.prisma, { capacity: 1 });
    const visitors = await Promise.all(Array.from({ length: 6 }, () => visitor(event.slug)));
    const answers = await Promise.all(visitors.map((v, i) => v.post(person(`insieme${i}@example.org`))));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(303));
    const rows = await registrations(event.id);
    expect(rows.filter((r) => r.status === "CONFIRMED")).toHaveLength(1);
    expect(rows.filter((r) => r.status === "WAITING")).toHaveLength(5);
    const mails = await ctx.db.prisma.outboxMessage.findMany({ where: { to: { startsWith: "insieme" } } });
    expect(mails.filter((m) => m.subject.startsWith("Iscrizione confermata"))).toHaveLength(1);
    // Each person waiting was told a different place in line.
    const places = mails.map((m) => /posto numero (\d+)/.exec(m.text)?.[1]).filter(Boolean);
    expect(places.sort()).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("does not take sign-ups when staff closed them, the event is cancelled or postponed, or it has started (409, nothing stored)", async () => {
    const closed = await buildOpenEvent(ctx.db.prisma, { registrationOpen: false });
    const cancelled = await buildOpenEvent(ctx.db.prisma, { status: "CANCELLED" });
    const postponed = await buildOpenEvent(ctx.db.prisma, { status: "POSTPONED" });
    const started = await buildOpenEvent(ctx.db.prisma, { inDays: -1 });
    for (const event of [closed, cancelled, postponed, started]) {
      const { page, post } = await visitor(event.slug);
      expect(page.text).not.toContain(`action="/eventi/${event.slug}/iscrizione"`);
      const res = await post(person("tardi@example.org"));
      expect(res.status).toBe(409);
      expect(res.text).toContain(t("events.signUp.closed"));
      expect(await registrations(event.id)).toEqual([]);
    }
  });

  it("answers an address already signed up as a new sign-up would, and e-mails it a new link instead", async () => {
    const event = await buildOpenEvent(ctx.db.prisma, { capacity: 5 });
    const first = await signUp(event.slug, person("doppia@example.org"));
    const again = await signUp(event.slug, person("doppia@example.org", "Qualcun Altro"));
    expect(again.outcome.text).toContain(t("events.signedUp.confirmedTitle"));
    expect(await registrations(event.id)).toHaveLength(1);
    expect(again.mail.subject).toBe(t("events.mail.alreadyConfirmed.subject", "it", { title: event.title }));
    expect(again.mail.text).toContain("Gentile Giulia Rossi");
    // Only the newest link works.
    expect((await request(ctx.app).get(cancelLink(first.mail.text))).status).toBe(404);
    expect((await request(ctx.app).get(cancelLink(again.mail.text))).status).toBe(200);
  });
});

describe("cancelling", () => {
  it("frees the seat, gives it to the first person waiting and e-mails them in their language", async () => {
    const event = await buildOpenEvent(ctx.db.prisma, { capacity: 1 });
    const holder = await signUp(event.slug, person("titolare@example.org", "Tina Titolare"));
    await signUp(event.slug, person("attesa1@example.org", "Anna Attesa"), "en");
    await signUp(event.slug, person("attesa2@example.org", "Bruno Attesa"));
    const link = cancelLink(holder.mail.text);

    const { page, res } = await cancel(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain(inHtml(t("events.cancel.confirmed")));
    expect(res.status).toBe(200);
    expect(res.text).toContain(t("events.cancel.doneTitle"));
    expect((await registrations(event.id)).map((r) => [r.email, r.status, r.promotedAt !== null])).toEqual([
      ["titolare@example.org", "CANCELLED", false],
      ["attesa1@example.org", "CONFIRMED", true],
      ["attesa2@example.org", "WAITING", false],
    ]);
    const promoted = await lastMailTo(ctx.db.prisma, "attesa1@example.org");
    expect(promoted.subject).toBe(t("events.mail.promoted.subject", "en", { title: event.title }));
    expect(promoted.text).toContain("Dear Anna Attesa");
    expect((await lastMailTo(ctx.db.prisma, "attesa2@example.org")).subject).not.toContain("posto");
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "eventRegistration.cancel" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("titolare@example.org");

    // A used link says so (410); an unknown one 404; the token never reaches the log's URL.
    expect((await request(ctx.app).get(link)).status).toBe(410);
    expect((await cancel(link)).res.status).toBe(410);
    expect((await request(ctx.app).get("/eventi/annulla/gettone-inesistente")).status).toBe(404);
  });

  it("takes someone off the waiting list without giving seats away, and refuses once the event started", async () => {
    const p = ctx.db.prisma;
    const event = await buildOpenEvent(p, { capacity: 1 });
    await signUp(event.slug, person("posto@example.org"));
    const waiting = await signUp(event.slug, person("fila@example.org"));
    const late = await signUp(event.slug, person("fila2@example.org"));
    expect((await cancel(cancelLink(waiting.mail.text))).res.status).toBe(200);
    expect((await registrations(event.id)).map((r) => r.status)).toEqual(["CONFIRMED", "CANCELLED", "WAITING"]);

    await p.event.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() - 60_000) } });
    const { page, res } = await cancel(cancelLink(late.mail.text));
    expect(page.status).toBe(410);
    expect(res.status).toBe(410);
    expect(res.text).toContain(inHtml(t("events.cancel.startedTitle")));
    expect((await registrations(event.id)).at(-1)?.status).toBe("WAITING");
  });
});
