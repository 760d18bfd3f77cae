import { Writable } from "node:stream";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../src/services/shared/secretTokens.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { csrfFrom } from "../helpers/csrf.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { lastMailTo } from "../helpers/outbox.js";
import { buildApp, createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
/** Every line the app logged (its own logger, kept in memory). */
const logLines: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  // The same services and database, logged at "info" into `sink`.
  ctx.app = buildApp(ctx.config, ctx.db, pino({ level: "info" }, sink)).app;
});
afterAll(() => ctx?.db.close());

const question = (email: string, name = "Giulia Rossi") => ({
  name,
  email,
  comuneCode: "037006",
  topic: "ANZIANI",
  message: "Cerco un'assistente familiare condivisa per mia madre a Bologna.",
  privacy: "1",
  website: "",
});

/** A citizen asks through /consulenza (in `lang`); returns the path of the link in the confirmation e-mail. */
async function ask(email: string, lang: "it" | "en" = "it") {
  const citizen = request.agent(ctx.app);
  const token = csrfFrom((await citizen.get(`/consulenza?lang=${lang}`)).text);
  const res = await citizen
    .post("/consulenza")
    .type("form")
    .send({ _csrf: token, ...question(email) });
  expect(res.status).toBe(303);
  const mail = await lastMailTo(ctx.db.prisma, email);
  const url = new URL(mail.text.match(/https?:\/\/\S+\/consulenza\/revoca\/\S+/)![0]);
  return { mail, link: url.pathname + url.search, path: url.pathname, token: url.pathname.split("/").pop()! };
}

/** The withdrawal as a citizen does it: the page from the e-mail, then its button. */
async function withdraw(link: string, agent = request.agent(ctx.app)) {
  const page = await agent.get(link);
  const action = page.text.match(/<form method="post" action="([^"]+)"/)?.[1];
  return {
    page,
    res: await agent
      .post(action!)
      .type("form")
      .send({ _csrf: csrfFrom(page.text) }),
  };
}

describe("withdrawing consent for an advice request", () => {
  it("e-mails a confirmation with a personal link whose token is stored only as its hash", async () => {
    const { mail, link, token } = await ask("conferma@example.org");
    const stored = await ctx.db.prisma.adviceRequest.findFirstOrThrow({ where: { email: "conferma@example.org" } });
    expect(mail.subject).toBe(t("advice.receivedMail.subject", "it", { reference: stored.referenceCode }));
    expect(link).toMatch(/^\/consulenza\/revoca\/[\w-]{43}\?lang=it$/);
    expect(stored.withdrawalTokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("explains on GET, erases the personal data on POST and keeps an anonymous row for the statistics", async () => {
    const email = "revoca@example.org";
    const { link, path } = await ask(email);
    const before = await ctx.db.prisma.adviceRequest.findFirstOrThrow({ where: { email } });
    // Staff wrote a note about the citizen: it goes too.
    await ctx.db.prisma.adviceRequest.update({
      where: { id: before.id },
      data: { internalNotes: "Richiamare Giulia" },
    });
    const statsBefore = await ctx.services.statistics.staffFigures();

    const agent = request.agent(ctx.app);
    const page = await agent.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain(before.referenceCode);
    expect(page.text).toContain(inHtml(t("advice.withdrawal.submit")));
    // No CSRF token: refused, nothing erased.
    expect((await agent.post(path).type("form").send({})).status).toBe(403);
    expect((await ctx.db.prisma.adviceRequest.findUniqueOrThrow({ where: { id: before.id } })).email).toBe(email);

    const { res } = await withdraw(link, agent);
    expect(res.status).toBe(200);
    expect(res.text).toContain(inHtml(t("advice.withdrawal.doneTitle")));
    const after = await ctx.db.prisma.adviceRequest.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({
      name: "",
      email: "",
      message: "",
      answer: null,
      internalNotes: "",
      status: "CLOSED",
      topic: before.topic,
      comuneCode: before.comuneCode,
      referenceCode: before.referenceCode,
      createdAt: before.createdAt,
    });
    expect(after.withdrawnAt).toBeInstanceOf(Date);
    // The confirmation e-mail (a copy of the name and address) is gone from the outbox.
    expect(await ctx.db.prisma.outboxMessage.count({ where: { to: email } })).toBe(0);
    // Audited, without personal data.
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "advice.withdrawConsent", entityId: String(before.id) },
    });
    expect(audit.after).toEqual({ status: "CLOSED", personalDataErased: true });
    expect(JSON.stringify([audit.before, audit.after, audit.actorLabel])).not.toMatch(/Giulia|revoca@|assistente/);
    // Staff statistics still count it (now closed).
    const count = (figures: typeof statsBefore, status: string) =>
      figures.advice.find((r) => r.topic === "ANZIANI" && r.status === status)?.requests ?? 0;
    const statsAfter = await ctx.services.statistics.staffFigures();
    expect(count(statsAfter, "NEW") + count(statsAfter, "CLOSED")).toBe(
      count(statsBefore, "NEW") + count(statsBefore, "CLOSED"),
    );
    expect(count(statsAfter, "CLOSED")).toBe(count(statsBefore, "CLOSED") + 1);
  });

  it("answers a used link with 410 and an unknown one with 404, on GET and POST, never a 500", async () => {
    const { link, path } = await ask("due-volte@example.org");
    expect((await withdraw(link)).res.status).toBe(200);
    const used = await request(ctx.app).get(link);
    expect(used.status).toBe(410);
    expect(used.text).toContain(inHtml(t("advice.withdrawal.used")));
    const agent = request.agent(ctx.app);
    const csrf = await tokenFor(agent, "/consulenza");
    expect((await agent.post(path).type("form").send({ _csrf: csrf })).status).toBe(410);
    const unknown = await request(ctx.app).get("/consulenza/revoca/non-esiste");
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain(inHtml(t("advice.withdrawal.unknown")));
    expect((await agent.post("/consulenza/revoca/non-esiste").type("form").send({ _csrf: csrf })).status).toBe(404);
  });

  it("works in English: the e-mail, the page and the answer", async () => {
    const { mail, link } = await ask("english@example.org", "en");
    expect(mail.text).toContain(t("advice.receivedMail.text", "en", { name: "Giulia Rossi" }).slice(0, 40));
    expect(link).toMatch(/\?lang=en$/);
    const { page, res } = await withdraw(link);
    expect(page.text).toContain(inHtml(t("advice.withdrawal.submit", "en")));
    expect(res.status).toBe(200);
    expect(res.text).toContain(inHtml(t("advice.withdrawal.done", "en")));
    // The same link with the Italian switch is the same request (already withdrawn now).
    expect((await request(ctx.app).get(link.replace("lang=en", "lang=it"))).status).toBe(410);
  });

  it("keeps an answered request ANSWERED and stops staff from acting on it", async () => {
    const { link } = await ask("risposta@example.org");
    const req = await ctx.db.prisma.adviceRequest.findFirstOrThrow({ where: { email: "risposta@example.org" } });
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Istruttrice");
    const staff = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
    expect(await ctx.services.advice.answer(req.id, reviewer, "Ecco i servizi del tuo comune.")).toBe("ok");
    await withdraw(link);
    const after = await ctx.db.prisma.adviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(after).toMatchObject({ status: "ANSWERED", answer: null, email: "" });
    // Both e-mails about it (confirmation, answer) left the outbox.
    expect(await ctx.db.prisma.outboxMessage.count({ where: { to: "risposta@example.org" } })).toBe(0);

    const detail = await staff.get(`/admin/consulenze/${req.id}`);
    expect(detail.text).toContain('id="consenso-revocato"');
    expect(detail.text).not.toContain(`action="/admin/consulenze/${req.id}/risposta"`);
    const csrf = await tokenFor(staff, `/admin/consulenze/${req.id}`);
    const answered = await staff
      .post(`/admin/consulenze/${req.id}/risposta`)
      .type("form")
      .send({ _csrf: csrf, answer: "Una seconda risposta" });
    expect(answered.status).toBe(303);
    expect(answered.headers.location).toBe(`/admin/consulenze/${req.id}`);
    const updated = await staff
      .post(`/admin/consulenze/${req.id}`)
      .type("form")
      .send({ _csrf: csrf, status: "IN_PROGRESS", assignee: "", note: "" });
    expect(updated.status).toBe(303);
    expect(await ctx.db.prisma.adviceRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({
      status: "ANSWERED",
      answer: null,
    });
    expect(await ctx.db.prisma.outboxMessage.count({ where: { to: "" } })).toBe(0);
  });

  it("keeps the token out of the request log", async () => {
    const { link, token } = await ask("log@example.org");
    logLines.length = 0;
    await withdraw(link);
    const logged = logLines.join("");
    expect(logged).toContain("/consulenza/revoca/[token]");
    expect(logged).not.toContain(token);
  });
});
