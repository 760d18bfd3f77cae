import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { nextVatNumber } from "../factories/organizationFactory.js";
import { approveSubmitted, requestChanges } from "../helpers/approve.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import {
  completeMeasure,
  completeOrganization,
  postForm,
  signedUpCompany,
  versionIn,
} from "../helpers/companyAgent.js";

let ctx: TestContext;
const limits = { windowMs: 60_000, limit: 1000 };
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: { login: limits, publicForms: limits } });
  await ctx.db.prisma.user.create({
    data: {
      email: "revisore@example.org",
      name: "Revisore",
      passwordHash: "x",
      role: "REVIEWER",
      emailVerifiedAt: new Date(),
    },
  });
});
afterAll(() => ctx?.db.close());

describe("a company joins the register and keeps its entry up to date", () => {
  const email = "carla@officinefelsinee.example";
  const vatNumber = nextVatNumber();
  let agent: request.Agent;
  let organizationId: number;

  it("signs up, verifies the address by a single-use link and logs in", async () => {
    const anonymous = request.agent(ctx.app);
    const signup = await postForm(anonymous, "/registrati", "/registrati", {
      name: "Carla Bianchi",
      email,
      password: "Password-lunga-123",
      privacy: "1",
    });
    expect(signup.status).toBe(200);
    expect(signup.text).toContain("Controlla la tua casella di posta");
    const mail = await lastMailTo(ctx.db.prisma, email);
    expect(mail.subject).toBe("Conferma il tuo indirizzo email");
    const link = linkIn(mail.text);
    expect((await anonymous.get(link)).text).toContain("Indirizzo email confermato");
    expect((await anonymous.get(link)).status).toBe(410);
    agent = await signedUpCompany(ctx, email);
    const home = await agent.get("/impresa");
    expect(home.status).toBe(200);
    expect(home.text).toContain("Descrivi la tua organizzazione");
  });

  it("saves an incomplete draft and is told what is missing", async () => {
    const res = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      version: "",
      name: "Officine Felsinee S.r.l.",
    });
    expect(res.status).toBe(303);
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email } });
    organizationId = user.organizationId!;
    const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org).toMatchObject({ name: "Officine Felsinee S.r.l.", registryStatus: "NOT_REGISTERED" });
    const page = await agent.get("/impresa/domanda");
    const submit = await postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(page.text) });
    expect(submit.status).toBe(422);
    expect(submit.text).toContain("Non è possibile inviare la domanda");
    expect(submit.text).toContain("Organizzazione: manca «Partita IVA»");
    expect(submit.text).toContain("Aggiungi almeno una misura di welfare");
  });

  it("fills the organization (position defaults to the comune's centre) and adds a measure", async () => {
    const form = await agent.get("/impresa/organizzazione");
    const saved = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(vatNumber),
      version: versionIn(form.text),
    });
    expect(saved.status).toBe(303);
    const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    // A draft reserves no Partita IVA: the submission does.
    expect(org).toMatchObject({ vatNumber: null, comuneCode: "037006", lat: 44.494367, lon: 11.341721 });
    const measureForm = await agent.get("/impresa/misure/nuova");
    const measure = await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      ...completeMeasure,
      version: versionIn(measureForm.text),
    });
    expect(measure.status).toBe(303);
    const home = await agent.get("/impresa");
    expect(home.text).toContain("Nido aziendale Il Girasole");
    expect(home.text).toContain("Piccola impresa");
    expect(home.text).toContain("Vai all&#39;invio della domanda");
  });

  it("submits, sees the timeline, answers a request for changes and is approved", async () => {
    const page = await agent.get("/impresa/domanda");
    const submit = await postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(page.text) });
    expect(submit.status).toBe(303);
    expect(await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).toMatchObject({
      vatNumber,
    });
    expect((await lastMailTo(ctx.db.prisma, "revisore@example.org")).subject).toContain("Nuova domanda da esaminare");
    expect((await lastMailTo(ctx.db.prisma, email)).subject).toContain("Domanda ricevuta");
    expect((await agent.get("/impresa/organizzazione")).status).toBe(409);

    await requestChanges(ctx, organizationId, "Indicate gli orari di apertura del nido.");
    const status = await agent.get("/impresa/domanda");
    expect(status.text).toContain("Integrazioni richieste");
    expect(status.text).toContain("Indicate gli orari di apertura del nido.");
    const key =
      status.text.match(/\/impresa\/misure\/(n[0-9a-f]+)/)?.[1] ??
      (await agent.get("/impresa")).text.match(/\/impresa\/misure\/(n[0-9a-f]+)"/)![1]!;
    const measureForm = await agent.get(`/impresa/misure/${key}`);
    await postForm(agent, `/impresa/misure/${key}`, `/impresa/misure/${key}`, {
      ...completeMeasure,
      accessConditions: "Segreteria del nido, dal lunedì al venerdì 8-16.",
      version: versionIn(measureForm.text),
    });
    const again = await agent.get("/impresa/domanda");
    expect(
      (await postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(again.text) })).status,
    ).toBe(303);

    await approveSubmitted(ctx, organizationId);
    const approved = await agent.get("/impresa/domanda");
    expect(approved.text).toContain("Domanda inviata di nuovo");
    expect(approved.text).toMatch(/numero di iscrizione RWB-\d{4}-\d{4}/);
    const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect((await request(ctx.app).get(`/registro/${org.slug}`)).status).toBe(200);
  });

  it("revises after approval: the public page keeps the approved data until staff approve", async () => {
    const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const form = await agent.get("/impresa/organizzazione");
    expect(versionIn(form.text)).toBe("");
    const saved = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(vatNumber),
      name: "Officine Felsinee Società Benefit S.r.l.",
      version: "",
    });
    expect(saved.status).toBe(303);
    expect((await request(ctx.app).get(`/registro/${org.slug}`)).text).not.toContain("Società Benefit");
    const revision = await agent.get("/impresa/revisione");
    expect(revision.text).toContain("Modifiche in attesa di approvazione");
    expect(revision.text).toContain("Officine Felsinee Società Benefit S.r.l.");
    const app = await ctx.db.prisma.application.findFirstOrThrow({ where: { organizationId, status: "DRAFT" } });
    expect(app.kind).toBe("REVISION");

    const page = await agent.get("/impresa/domanda");
    expect(
      (await postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(page.text) })).status,
    ).toBe(303);
    await approveSubmitted(ctx, organizationId);
    expect((await request(ctx.app).get(`/registro/${org.slug}`)).text).toContain("Società Benefit");
  });

  it("can cancel a pending revision", async () => {
    await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(vatNumber),
      name: "Nome provvisorio",
      version: "",
    });
    // The revision page leads to a confirmation page; only its POST cancels.
    expect((await agent.get("/impresa/revisione")).text).toContain('href="/impresa/revisione/annulla"');
    const confirmation = await agent.get("/impresa/revisione/annulla");
    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toContain('id="domanda-conferma"');
    expect(await ctx.db.prisma.application.count({ where: { organizationId, status: "CANCELLED" } })).toBe(0);
    const cancel = await postForm(agent, "/impresa/revisione/annulla", "/impresa/revisione/annulla", {
      version: versionIn(confirmation.text),
    });
    expect(cancel.status).toBe(303);
    expect(await ctx.db.prisma.application.count({ where: { organizationId, status: "CANCELLED" } })).toBe(1);
    expect((await agent.get("/impresa/revisione")).text).toContain("Non ci sono modifiche in attesa");
    expect((await agent.get("/impresa/revisione/annulla")).headers.location).toBe("/impresa/revisione");
  });

  it("withdraws: the data stays, the public page goes", async () => {
    const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const refused = await postForm(agent, "/impresa/ritiro", "/impresa/ritiro", { reason: "Chiusura della sede" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("Per continuare seleziona la casella di conferma.");
    expect(refused.text).toContain("Chiusura della sede");
    const done = await postForm(agent, "/impresa/ritiro", "/impresa/ritiro", {
      reason: "Chiusura della sede",
      confirm: "1",
    });
    expect(done.status).toBe(303);
    expect((await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).registryStatus).toBe(
      "WITHDRAWN",
    );
    expect(await ctx.db.prisma.measure.count({ where: { organizationId } })).toBe(1);
    expect((await request(ctx.app).get(`/registro/${org.slug}`)).status).toBe(404);
    expect(await ctx.db.prisma.auditEntry.count({ where: { action: "organization.withdraw" } })).toBe(1);
  });
});
