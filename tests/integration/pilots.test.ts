import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { buildOrganization, nextVatNumber } from "../factories/organizationFactory.js";
import { approveSubmitted } from "../helpers/approve.js";
import { inHtml, t } from "../helpers/catalogue.js";
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
});
afterAll(() => ctx?.db.close());

/** Saves the measure form of the company's draft (new, or the one of `key`). */
async function saveMeasure(agent: request.Agent, fields: Record<string, string | string[]>, key = "nuova") {
  const form = await agent.get(`/impresa/misure/${key}`);
  return postForm(agent, `/impresa/misure/${key}`, `/impresa/misure/${key}`, {
    ...fields,
    version: versionIn(form.text),
  });
}

const pilotMeasure = {
  ...completeMeasure,
  title: "Maggiordomo aziendale condiviso",
  pilot: "1",
  startsOn: "2026-01-01",
  endsOn: "2026-06-30",
};

describe("a company records a pilot, the public follows it to its outcome", () => {
  const email = "pilota@officinefelsinee.example";
  let agent: request.Agent;
  let organizationId: number;

  it("asks both dates of a pilot, and the lessons once its outcome is given", async () => {
    agent = await signedUpCompany(ctx, email);
    const org = await agent.get("/impresa/organizzazione");
    const saved = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(nextVatNumber()),
      version: versionIn(org.text),
    });
    expect(saved.status, saved.text.slice(0, 3000)).toBe(303);
    organizationId = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email } })).organizationId!;
    expect((await saveMeasure(agent, { ...pilotMeasure, endsOn: "" })).status).toBe(303);
    const submit = await agent.get("/impresa/domanda");
    const field = t("company.measure.fields.endsOn");
    expect(submit.text).toContain(inHtml(t("company.missing.measure", "it", { title: pilotMeasure.title, field })));
    const key = submit.text.match(/\/impresa\/misure\/(n[0-9a-f]+)/)![1]!;
    expect((await saveMeasure(agent, { ...pilotMeasure, pilotOutcome: "STOPPED" }, key)).status).toBe(303);
    const lessons = t("company.measure.fields.pilotLessons");
    const again = await agent.get("/impresa/domanda");
    const missing = (f: string) => inHtml(t("company.missing.measure", "it", { title: pilotMeasure.title, field: f }));
    expect(again.text).toContain(missing(lessons));
    expect(again.text).not.toContain(missing(field));
  });

  it("refuses an outcome for a measure that is not a pilot: 422 beside the field, values kept", async () => {
    const { pilot: _pilot, ...notPilot } = pilotMeasure;
    const res = await saveMeasure(agent, { ...notPilot, pilotOutcome: "STOPPED", pilotLessons: "Poche adesioni." });
    expect(res.status, res.text).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    expect(res.text).toContain('id="campo-pilotOutcome-errore"');
    expect(res.text).toContain(inHtml(t("validation.pilotOutcomeWithoutPilot")));
    expect(res.text).toContain("Poche adesioni.");
  });

  it("is listed as under way once the application is approved, and badged on the firm's page", async () => {
    const key = (await ctx.db.prisma.application.findFirstOrThrow({ where: { organizationId } })).payload as {
      measures: { key: string }[];
    };
    expect((await saveMeasure(agent, pilotMeasure, key.measures[0]!.key)).status).toBe(303);
    const page = await agent.get("/impresa/domanda");
    expect(
      (await postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(page.text) })).status,
    ).toBe(303);
    await approveSubmitted(ctx, organizationId);

    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId } });
    expect(measure).toMatchObject({ pilot: true, pilotOutcome: null, pilotLessons: "" });
    const ongoing = await request(ctx.app).get("/sperimentazioni?stato=in-corso");
    expect(ongoing.status).toBe(200);
    expect(ongoing.text).toContain(pilotMeasure.title);
    expect(ongoing.text).toContain(inHtml(t("pilots.underWay")));
    expect((await request(ctx.app).get("/sperimentazioni?stato=concluse")).text).not.toContain(pilotMeasure.title);
    const slug = (await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).slug;
    const orgPage = await request(ctx.app).get(`/registro/${slug}`);
    expect(orgPage.text).toContain(
      `<a class="badge bg-info text-dark" href="/sperimentazioni">${t("pilots.badge")}</a>`,
    );
  });

  it("shows the outcome and what was learned after the firm's update is approved", async () => {
    // Editing a published measure starts a revision; the public page keeps the approved data till then.
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId } });
    const lessons = "Servizio apprezzato; criticità: orari di consegna troppo stretti.";
    const saved = await saveMeasure(
      agent,
      { ...pilotMeasure, pilotOutcome: "CHANGED", pilotLessons: lessons },
      `m${measure.id}`,
    );
    expect(saved.status).toBe(303);
    const page = await agent.get("/impresa/domanda");
    expect(
      (await postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(page.text) })).status,
    ).toBe(303);
    await approveSubmitted(ctx, organizationId);

    const concluded = await request(ctx.app).get("/sperimentazioni?stato=concluse");
    expect(concluded.text).toContain(pilotMeasure.title);
    expect(concluded.text).toContain(inHtml(lessons));
    expect(concluded.text).toContain(inHtml(t("pilotOutcomeCodes.CHANGED")));
    const english = await request(ctx.app).get("/sperimentazioni?stato=concluse&lang=en");
    expect(english.text).toContain(t("pilotOutcomeCodes.CHANGED", "en"));
    expect(english.text).toContain(`<h2 class="h4 card-title" id="sperimentazione-${measure.id}" lang="it">`);
  });
});

describe("/sperimentazioni", () => {
  it("pages through every pilot with the total, counts them exactly after a change, and hides non-public ones", async () => {
    await ctx.db.prisma.measure.updateMany({ data: { pilot: false } });
    const figuresOf = async () => {
      const html = (await request(ctx.app).get("/sperimentazioni")).text;
      return Number(html.match(/data-total="(\d+)"/)?.[1]);
    };
    expect(await figuresOf()).toBe(0);
    const pilots = Array.from({ length: 25 }, (_, i) => ({
      title: `Prova numero ${String(i + 1).padStart(2, "0")}`,
      pilot: true,
      startsOn: new Date(Date.UTC(2025, 0, i + 1)),
      endsOn: new Date(Date.UTC(2026, 0, i + 1)),
      pilotOutcome: i < 3 ? ("STOPPED" as const) : null,
      pilotLessons: i < 3 ? "Costi troppo alti." : "",
    }));
    await buildOrganization(ctx.db.prisma, { measures: pilots });
    await buildOrganization(ctx.db.prisma, {
      registryStatus: "SUSPENDED",
      measures: [{ title: "Prova di un'impresa sospesa", pilot: true }],
    });
    expect(await figuresOf()).toBe(25);

    const first = await request(ctx.app).get("/sperimentazioni");
    expect(first.text).toContain(inHtml(t("pilots.count", "it", { count: 25 })));
    expect(first.text).toContain(inHtml(t("search.pageOf", "it", { page: 1, pages: 2 })));
    expect(first.text).toContain("Prova numero 25");
    expect(first.text).not.toContain("Prova di un&#39;impresa sospesa");
    expect(first.text).toContain('href="/sperimentazioni?pagina=2" rel="next"');
    const second = await request(ctx.app).get("/sperimentazioni?pagina=2");
    expect(second.text.match(/id="sperimentazione-/g)).toHaveLength(5);
    expect(second.text).toContain("Prova numero 01");
    expect(first.text).toContain(`${t("categories.CONCILIAZIONE")} 25`);
    const stopped = await request(ctx.app).get("/sperimentazioni?stato=concluse");
    expect(stopped.text).toContain(inHtml(t("pilots.count", "it", { count: 3 })));
    const beyond = await request(ctx.app).get("/sperimentazioni?pagina=9");
    expect(beyond.text).toContain('href="/sperimentazioni"');
    expect(beyond.text).toContain(inHtml(t("pilots.beyondLastPage")));
  });

  it("answers 400 to a malformed filter or page, never 500", async () => {
    for (const q of ["stato=finite", "pagina=0", "pagina=abc", "pagina=99999"])
      expect((await request(ctx.app).get(`/sperimentazioni?${q}`)).status, q).toBe(400);
  });

  it("is linked from the footer of every page and from the statistics", async () => {
    expect((await request(ctx.app).get("/")).text).toContain('<li><a href="/sperimentazioni">');
    expect((await request(ctx.app).get("/statistiche")).text).toContain('<a href="/sperimentazioni">');
  });
});
