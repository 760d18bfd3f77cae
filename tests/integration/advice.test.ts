import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adviceReferencePattern } from "../../src/domain/referenceCode.js";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";
import { csrfFrom } from "../helpers/csrf.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { lastMailTo } from "../helpers/outbox.js";
import { fieldError } from "../helpers/catalogue.js";

let ctx: TestContext;
let reviewer: request.Agent;
let reviewerId: number;
let company: request.Agent;

const question = (overrides: Record<string, string> = {}) => ({
  name: "Giulia Rossi",
  email: "giulia.rossi@example.org",
  comuneCode: "037006",
  topic: "ANZIANI",
  message: "Cerco un'assistente familiare condivisa per mia madre a Bologna.",
  privacy: "1",
  website: "",
  ...overrides,
});

/** A citizen's visit: the form, then the POST with its CSRF token; returns the answer and the agent. */
async function ask(form: Record<string, string>, app = ctx.app, page = "/consulenza") {
  const citizen = request.agent(app);
  const token = csrfFrom((await citizen.get(page)).text);
  const res = await citizen
    .post("/consulenza")
    .type("form")
    .send({ _csrf: token, ...form });
  return { res, citizen };
}

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: roomyRateLimits,
  });
  const r = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Istruttrice");
  reviewerId = r.id;
  reviewer = await loggedInAgent(ctx.app, r.email, TEST_PASSWORD);
  const { user } = await buildSubmittedApplication(ctx.db.prisma);
  company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("/guida", () => {
  it("renders the Markdown guide in Italian and English, without raw HTML", async () => {
    const it = await request(ctx.app).get("/guida");
    expect(it.status).toBe(200);
    expect(it.text).toContain('<h2 id="welfare-territoriale">Welfare territoriale o benefit aziendale?</h2>');
    expect(it.text).toContain("<strong>Apertura ai cittadini</strong>");
    expect(it.text).toContain('<a href="/consulenza">consulenza</a>');
    const en = await request(ctx.app).get("/guida?lang=en");
    expect(en.text).toContain('<h2 id="territorial-welfare">Territorial welfare or company benefit?</h2>');
    expect(en.text).toContain("<strong>Partnership with the third sector</strong>");
  });
});

describe("/consulenza", () => {
  it("answers a wrong form with 422, Italian messages beside the fields and the values kept", async () => {
    const { res } = await ask(
      question({ name: "", email: "non-una-email", comuneCode: "999999", message: "Aiuto", privacy: "" }),
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    expect(res.text).toMatch(fieldError("name", "validation.required"));
    expect(res.text).toMatch(fieldError("email", "validation.email"));
    expect(res.text).toMatch(fieldError("comuneCode", "validation.comune"));
    expect(res.text).toMatch(fieldError("message", "advice.errors.messageShort"));
    expect(res.text).toMatch(fieldError("privacy", "validation.privacy"));
    for (const field of ["name", "email", "comuneCode", "message", "privacy"])
      expect(res.text).toContain(`href="#campo-${field}"`);
    expect(res.text).toContain('value="non-una-email"');
    expect(res.text).toContain(">Aiuto</textarea>");
    expect(await ctx.db.prisma.adviceRequest.count()).toBe(0);
  });

  it("stores the question and shows a random reference code; the citizen's language is kept", async () => {
    const { res, citizen } = await ask(question());
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/consulenza/inviata");
    const page = await citizen.get("/consulenza/inviata");
    const code = page.text.match(/id="codice-richiesta"[^>]*>([^<]+)</)?.[1];
    expect(code).toMatch(adviceReferencePattern);
    const stored = await ctx.db.prisma.adviceRequest.findUniqueOrThrow({ where: { referenceCode: code! } });
    expect(stored).toMatchObject({
      name: "Giulia Rossi",
      email: "giulia.rossi@example.org",
      comuneCode: "037006",
      topic: "ANZIANI",
      status: "NEW",
      language: "it",
    });
    expect(stored.consentAt).toBeInstanceOf(Date);
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "advice.submit", entityId: String(stored.id) },
    });
    expect(audit.after).toEqual({ referenceCode: code, topic: "ANZIANI", comuneCode: "037006" });

    const { citizen: english } = await ask(
      question({ email: "john@example.org", name: "John Smith" }),
      ctx.app,
      "/consulenza?lang=en",
    );
    const other = (await english.get("/consulenza/inviata")).text.match(/id="codice-richiesta"[^>]*>([^<]+)</)?.[1];
    expect(other).toMatch(adviceReferencePattern);
    expect(other).not.toBe(code);
    expect((await ctx.db.prisma.adviceRequest.findUniqueOrThrow({ where: { referenceCode: other! } })).language).toBe(
      "en",
    );
    // the confirmation needs a request of this visitor
    const stranger = await request(ctx.app).get("/consulenza/inviata");
    expect(stranger.status).toBe(303);
  });

  it("takes a filled honeypot silently: the same-looking answer, nothing stored", async () => {
    const before = await ctx.db.prisma.adviceRequest.count();
    const { res, citizen } = await ask(question({ website: "https://spam.example", email: "bot@example.org" }));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/consulenza/inviata");
    const page = await citizen.get("/consulenza/inviata");
    expect(page.text.match(/id="codice-richiesta"[^>]*>([^<]+)</)?.[1]).toMatch(adviceReferencePattern);
    expect(await ctx.db.prisma.adviceRequest.count()).toBe(before);
    expect(await ctx.db.prisma.adviceRequest.count({ where: { email: "bot@example.org" } })).toBe(0);
  });

  it("refuses a POST without CSRF token", async () => {
    const res = await request(ctx.app)
      .post("/consulenza")
      .type("form")
      .send(question({ email: "senza-token@example.org" }));
    expect(res.status).toBe(403);
    expect(await ctx.db.prisma.adviceRequest.count({ where: { email: "senza-token@example.org" } })).toBe(0);
  });

  it("hides the honeypot from people and assistive technology", async () => {
    const html = (await request(ctx.app).get("/consulenza")).text;
    expect(html).toMatch(/<div class="honeypot-field" aria-hidden="true">[\s\S]*name="website"[^>]*tabindex="-1"/);
  });

  it("is rate-limited", async () => {
    const limited = await createTestContext({
      rateLimits: { login: { windowMs: 60_000, limit: 100 }, publicForms: { windowMs: 60_000, limit: 2 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await ask(question({ email: `limite${i}@example.org` }), limited.app)).res.status);
      expect(statuses).toEqual([303, 303, 429]);
      expect(await limited.db.prisma.adviceRequest.count()).toBe(2);
    } finally {
      await limited.db.close();
    }
  });
});

describe("/admin/consulenze", () => {
  it("refuses anonymous visitors and companies", async () => {
    const request1 = await ctx.db.prisma.adviceRequest.findFirstOrThrow();
    for (const path of ["/admin/consulenze", `/admin/consulenze/${request1.id}`]) {
      const res = await request(ctx.app).get(path);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/accedi?torna=${encodeURIComponent(path)}`);
      expect((await company.get(path)).status).toBe(403);
    }
    const token = await tokenFor(company, "/");
    const answer = await company
      .post(`/admin/consulenze/${request1.id}/risposta`)
      .type("form")
      .send({ _csrf: token, answer: "No" });
    expect(answer.status).toBe(403);
  });

  it("lists by status, saves handling, answers by e-mail in the citizen's language; all audited", async () => {
    const p = ctx.db.prisma;
    const english = await p.adviceRequest.findFirstOrThrow({ where: { email: "john@example.org" } });
    const list = await reviewer.get("/admin/consulenze?stato=NEW");
    expect(list.status).toBe(200);
    expect(list.text).toContain(english.referenceCode);
    expect((await reviewer.get("/admin/consulenze?stato=CLOSED")).text).not.toContain(english.referenceCode);
    // A status that does not exist is refused, beside the field, rather than ignored.
    const unknown = await reviewer.get("/admin/consulenze?stato=BOH");
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/id="campo-stato-errore"/);

    const page = `/admin/consulenze/${english.id}`;
    const detail = await reviewer.get(page);
    expect(detail.text).toContain("Cerco un&#39;assistente familiare condivisa");
    let token = csrfFrom(detail.text);
    const bad = await reviewer.post(page).type("form").send({ _csrf: token, status: "PERSA", assignee: "", note: "x" });
    expect(bad.status).toBe(422);
    expect(bad.text).toMatch(/id="campo-status-errore"/);
    const saved = await reviewer
      .post(page)
      .type("form")
      .send({
        _csrf: token,
        status: "IN_PROGRESS",
        assignee: String(reviewerId),
        note: "Sentire lo sportello anziani.",
      });
    expect(saved.status).toBe(303);
    expect(await p.adviceRequest.findUniqueOrThrow({ where: { id: english.id } })).toMatchObject({
      status: "IN_PROGRESS",
      assigneeId: reviewerId,
      internalNotes: "Sentire lo sportello anziani.",
    });
    const update = await p.auditEntry.findFirstOrThrow({
      where: { action: "advice.update", entityId: String(english.id) },
    });
    expect(update.before).toMatchObject({ status: "NEW", assigneeId: null });
    expect(update.after).toMatchObject({ status: "IN_PROGRESS", assigneeId: reviewerId });

    token = await tokenFor(reviewer, page);
    const empty = await reviewer.post(`${page}/risposta`).type("form").send({ _csrf: token, answer: "  " });
    expect(empty.status).toBe(422);
    expect(empty.text).toMatch(/id="campo-answer-errore"[^>]*>Questo campo è obbligatorio\./);
    const answer = "The Comune di Bologna runs a help desk for carers: call 051 000000.";
    expect((await reviewer.post(`${page}/risposta`).type("form").send({ _csrf: token, answer })).status).toBe(303);
    const answered = await p.adviceRequest.findUniqueOrThrow({ where: { id: english.id } });
    expect(answered).toMatchObject({ status: "ANSWERED", answer });
    expect(answered.answeredAt).toBeInstanceOf(Date);
    const mail = await lastMailTo(p, "john@example.org");
    expect(mail.subject).toBe(`Answer to your advice request ${english.referenceCode}`);
    expect(mail.text).toContain("Dear John Smith");
    expect(mail.text).toContain(answer);
    expect(mail.text).toContain(english.message);
    const audit = await p.auditEntry.findFirstOrThrow({
      where: { action: "advice.answer", entityId: String(english.id) },
    });
    expect(audit).toMatchObject({ actorId: reviewerId, before: { status: "IN_PROGRESS", answer: null } });
    expect((await reviewer.get(`${page}?esito=risposta`)).text).toContain("Risposta inviata al cittadino.");
  });

  it("e-mails Italian citizens in Italian", async () => {
    const p = ctx.db.prisma;
    const italian = await p.adviceRequest.findFirstOrThrow({ where: { email: "giulia.rossi@example.org" } });
    const page = `/admin/consulenze/${italian.id}`;
    const token = await tokenFor(reviewer, page);
    await reviewer
      .post(`${page}/risposta`)
      .type("form")
      .send({ _csrf: token, answer: "Può rivolgersi allo sportello del Comune." });
    const mail = await lastMailTo(p, "giulia.rossi@example.org");
    expect(mail.subject).toBe(`Risposta alla tua richiesta di consulenza ${italian.referenceCode}`);
    expect(mail.text).toContain("Gentile Giulia Rossi");
    expect((await p.adviceRequest.findUniqueOrThrow({ where: { id: italian.id } })).assigneeId).toBe(reviewerId);
  });
});

describe("handling a request assigned to someone who has left", () => {
  it("keeps the deactivated assignee on save, and on the 422 page", async () => {
    const p = ctx.db.prisma;
    const former = await buildUser(p, "REVIEWER", "Fabio Trasferito");
    const assigned = await p.adviceRequest.create({
      data: {
        referenceCode: "CONS-TEST-0001",
        name: "Paola Neri",
        email: "paola.neri@example.org",
        comuneCode: "037006",
        topic: "ANZIANI",
        message: "Domanda assegnata a chi poi ha lasciato l'ufficio.",
        language: "it",
        consentAt: new Date(),
        status: "IN_PROGRESS",
        assigneeId: former.id,
      },
    });
    await p.user.update({ where: { id: former.id }, data: { active: false } });
    const page = `/admin/consulenze/${assigned.id}`;
    const selected = (html: string) =>
      html.match(/<select [^>]*name="assignee"[\s\S]*?<\/select>/)?.[0].match(/<option value="(\d+)" selected>/)?.[1];
    const detail = await reviewer.get(page);
    expect(detail.text).toContain("Fabio Trasferito");
    expect(selected(detail.text)).toBe(String(former.id));

    const token = csrfFrom(detail.text);
    const bad = await reviewer
      .post(page)
      .type("form")
      .send({ _csrf: token, status: "PERSA", assignee: String(former.id), note: "" });
    expect(bad.status).toBe(422);
    expect(selected(bad.text)).toBe(String(former.id));

    const saved = await reviewer
      .post(page)
      .type("form")
      .send({ _csrf: token, status: "IN_PROGRESS", assignee: selected(detail.text), note: "Da riassegnare." });
    expect(saved.status).toBe(303);
    expect(await p.adviceRequest.findUniqueOrThrow({ where: { id: assigned.id } })).toMatchObject({
      assigneeId: former.id,
      internalNotes: "Da riassegnare.",
    });
    // Not offered for other requests.
    const other = await p.adviceRequest.findFirstOrThrow({ where: { id: { not: assigned.id } } });
    expect((await reviewer.get(`/admin/consulenze/${other.id}`)).text).not.toContain("Fabio Trasferito");
  });
});
