import { HtmlValidate } from "html-validate";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sectionTexts } from "../../src/domain/monitoringReport.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { csrfFrom } from "../helpers/csrf.js";
import { postForm } from "../helpers/companyAgent.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
let reviewer: request.Agent;
let admin: request.Agent;
let company: request.Agent;
const anonymous = () => request(ctx.app);
const audits = (action: string, year: number) =>
  ctx.db.prisma.auditEntry.findMany({
    where: { action, entityType: "MonitoringReport", entityId: String(year) },
    orderBy: { id: "asc" },
  });
const stored = (year: number) =>
  ctx.db.prisma.monitoringReport.findUnique({ where: { year }, include: { sections: true } });

const summary = { summaryIt: "Un anno di lavoro con le imprese e i comuni.", summaryEn: "" };
const create = (agent: request.Agent, year: string, fields = summary) =>
  postForm(agent, "/admin/rapporti/nuovo", "/admin/rapporti/nuovo", { year, ...fields });
const section = (agent: request.Agent, year: number, slug: string, fields: Record<string, string>) =>
  postForm(agent, `/admin/rapporti/${year}/${slug}`, `/admin/rapporti/${year}/${slug}`, {
    ...sectionTexts(),
    ...fields,
  });
const step = (agent: request.Agent, year: number, path: "pubblica" | "ritira") =>
  postForm(agent, `/admin/rapporti/${year}`, `/admin/rapporti/${year}/${path}`, {});

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  const p = ctx.db.prisma;
  reviewer = await loggedInAgent(ctx.app, (await buildUser(p, "REVIEWER", "Rita Revisora")).email, TEST_PASSWORD);
  admin = await loggedInAgent(ctx.app, (await buildUser(p, "ADMIN", "Ada Amministratrice")).email, TEST_PASSWORD);
  const firm = await buildOrganization(p, { name: "Officine Monitorate S.r.l." });
  company = await loggedInAgent(ctx.app, (await buildCompanyUser(p, firm.id)).email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("who may write and publish the report", () => {
  it("keeps anonymous visitors and companies out, and refuses a post without its CSRF token", async () => {
    const res = await anonymous().get("/admin/rapporti");
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/accedi?torna=${encodeURIComponent("/admin/rapporti")}`);
    expect((await company.get("/admin/rapporti")).status).toBe(403);
    expect((await company.get("/admin/rapporti/nuovo")).status).toBe(403);
    const token = csrfFrom((await company.get("/account")).text);
    const post = await company
      .post("/admin/rapporti/nuovo")
      .type("form")
      .send({ _csrf: token, year: "2024", ...summary });
    expect(post.status).toBe(403);
    const noToken = await reviewer
      .post("/admin/rapporti/nuovo")
      .type("form")
      .send({ year: "2024", ...summary });
    expect(noToken.status).toBe(403);
    expect(await ctx.db.prisma.monitoringReport.count()).toBe(0);
  });

  it("lets a reviewer write a report but only an admin publish it (the service checks it too)", async () => {
    expect((await create(reviewer, "2023")).status).toBe(303);
    await section(reviewer, 2023, "patto", { resultsIt: "Il Patto ha trenta firmatari." });
    const page = await reviewer.get("/admin/rapporti/2023");
    expect(page.text).toContain(inHtml(t("monitoring.admin.adminPublishes")));
    expect(page.text).not.toContain('action="/admin/rapporti/2023/pubblica"');
    expect((await step(reviewer, 2023, "pubblica")).status).toBe(403);
    const actor = await ctx.db.prisma.user.findFirstOrThrow({ where: { role: "REVIEWER" } });
    await expect(ctx.services.monitoringReport.publish(2023, actor)).rejects.toMatchObject({ status: 403 });
    expect((await stored(2023))?.status).toBe("DRAFT");
    expect((await admin.get("/admin/rapporti/2023")).text).toContain('action="/admin/rapporti/2023/pubblica"');
  });
});

describe("the staff's forms", () => {
  it("answers 422 with the errors beside the fields, a summary and the values kept", async () => {
    const res = await create(reviewer, "20x4", { summaryIt: "", summaryEn: "Kept <b>as typed</b>" });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("year", "monitoring.errors.year"));
    expect(res.text).toMatch(fieldError("summaryIt", "validation.required"));
    expect(res.text).toContain('href="#campo-year"');
    expect(res.text).toContain('value="20x4"');
    expect(res.text).toContain(inHtml("Kept <b>as typed</b>"));
    for (const year of ["2013", String(new Date().getFullYear() + 2)])
      expect((await create(reviewer, year)).text).toMatch(fieldError("year", "monitoring.errors.year"));
    expect(await ctx.db.prisma.monitoringReport.count({ where: { year: { not: 2023 } } })).toBe(0);
  });

  it("refuses a second report for a year", async () => {
    const res = await create(reviewer, "2023", { summaryIt: "Doppione", summaryEn: "" });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("year", "monitoring.errors.yearTaken", { year: 2023 }));
    expect(res.text).toContain("Doppione");
    expect((await stored(2023))?.summaryIt).toBe(summary.summaryIt);
  });

  it("wants the Italian text of every English one, and keeps both when it refuses", async () => {
    const res = await section(reviewer, 2023, "reti", {
      resultsEn: "Three networks started.",
      difficultiesIt: "Poche",
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("resultsIt", "monitoring.errors.italianFirst"));
    expect(res.text).toContain("Three networks started.");
    expect(res.text).toContain(">Poche</textarea>");
    const long = await section(reviewer, 2023, "reti", { difficultiesIt: "x".repeat(4001) });
    expect(long.status).toBe(422);
    expect(long.text).toMatch(fieldError("difficultiesIt", "validation.tooBig.string", { max: 4000 }));
    expect((await stored(2023))?.sections.map((s) => s.activity)).toEqual(["PACT"]);
  });

  it("answers 404 for an unknown activity or year", async () => {
    expect((await reviewer.get("/admin/rapporti/2023/attivita-inesistente")).status).toBe(404);
    expect((await reviewer.get("/admin/rapporti/2019")).status).toBe(404);
    expect((await reviewer.get("/admin/rapporti/duemila")).status).toBe(404);
  });

  it("removes a section whose fields are all left blank", async () => {
    await section(reviewer, 2023, "consulenza", { successFactorsIt: "Lo sportello" });
    expect((await stored(2023))?.sections).toHaveLength(2);
    expect((await section(reviewer, 2023, "consulenza", {})).status).toBe(303);
    expect((await stored(2023))?.sections.map((s) => s.activity)).toEqual(["PACT"]);
  });
});

describe("publishing", () => {
  it("refuses to publish a report with no activity written", async () => {
    expect((await create(reviewer, "2022")).status).toBe(303);
    const res = await step(admin, 2022, "pubblica");
    expect(res.status).toBe(422);
    expect(res.text).toContain(inHtml(t("monitoring.errors.nothingWritten")));
    expect(res.text).toContain('href="#campo-sections"');
    expect((await stored(2022))?.status).toBe("DRAFT");
    expect(await audits("monitoringReport.publish", 2022)).toEqual([]);
  });

  it("audits publishing and withdrawing; drafts are not public", async () => {
    expect((await anonymous().get("/statistiche/rapporto/2023")).status).toBe(404);
    expect((await anonymous().get("/statistiche/rapporto/2023.pdf")).status).toBe(404);
    // /statistiche is rendered once per version of the public data: publishing makes a new version.
    const listed = async () =>
      (await anonymous().get("/statistiche")).text.includes('href="/statistiche/rapporto/2023"');
    expect(await listed()).toBe(false);
    const res = await step(admin, 2023, "pubblica");
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/admin/rapporti/2023?esito=pubblicato");
    const [published] = await audits("monitoringReport.publish", 2023);
    expect(published).toMatchObject({ actorLabel: "Ada Amministratrice", before: { status: "DRAFT" } });
    expect(published?.after).toEqual({ status: "PUBLISHED" });
    expect((await stored(2023))?.publishedAt).not.toBeNull();
    expect((await anonymous().get("/statistiche/rapporto/2023")).status).toBe(200);
    expect(await listed()).toBe(true);

    expect((await step(admin, 2023, "ritira")).status).toBe(303);
    expect(await audits("monitoringReport.unpublish", 2023)).toHaveLength(1);
    expect((await anonymous().get("/statistiche/rapporto/2023")).status).toBe(404);
    expect(await listed()).toBe(false);
    // Withdrawing again changes nothing and audits nothing.
    await step(admin, 2023, "ritira");
    expect(await audits("monitoringReport.unpublish", 2023)).toHaveLength(1);
  });

  it("keeps a published report published while it is edited, and audits each change", async () => {
    await step(admin, 2023, "pubblica");
    const edit = await postForm(reviewer, "/admin/rapporti/2023", "/admin/rapporti/2023", {
      summaryIt: "Sintesi corretta dopo la pubblicazione.",
      summaryEn: "Summary corrected after publication.",
    });
    expect(edit.status).toBe(303);
    const [update] = await audits("monitoringReport.update", 2023);
    expect(update?.before).toEqual(summary);
    expect(update?.after).toMatchObject({ summaryEn: "Summary corrected after publication.", status: "PUBLISHED" });
    expect((await section(reviewer, 2023, "patto", { resultsIt: "Trentadue firmatari." })).status).toBe(303);
    const sections = await audits("monitoringReport.section", 2023);
    expect(sections.at(-1)?.before).toMatchObject({ activity: "PACT", resultsIt: "Il Patto ha trenta firmatari." });
    expect(sections.at(-1)?.after).toMatchObject({
      activity: "PACT",
      resultsIt: "Trentadue firmatari.",
      status: "PUBLISHED",
    });
    expect((await stored(2023))?.status).toBe("PUBLISHED");
    const page = await anonymous().get("/statistiche/rapporto/2023");
    expect(page.text).toContain("Trentadue firmatari.");
    expect(page.text).toContain("Sintesi corretta dopo la pubblicazione.");
  });

  it("lists the reports for staff with their state and how many activities are written", async () => {
    const list = await reviewer.get("/admin/rapporti");
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/href="\/admin\/rapporti\/2023"[\s\S]*data-stato="PUBLISHED"/);
    expect(list.text).toMatch(/href="\/admin\/rapporti\/2022"[\s\S]*data-stato="DRAFT"/);
    expect(list.text).toContain(inHtml(t("monitoring.admin.writtenCount", "it", { count: 1, total: 8 })));
  });
});

describe("the staff's pages", () => {
  it("pass html-validate's standard and accessibility rules, the 422 answers included", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:standard", "html-validate:a11y"] });
    const pages = [
      await admin.get("/admin/rapporti"),
      await admin.get("/admin/rapporti/nuovo"),
      await admin.get("/admin/rapporti/2023"),
      await admin.get("/admin/rapporti/2023/patto"),
      await create(reviewer, "", { summaryIt: "", summaryEn: "" }),
      await section(reviewer, 2023, "reti", { resultsEn: "Only English" }),
      await step(admin, 2022, "pubblica"),
    ];
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.text);
      for (const result of report.results)
        problems.push(...result.messages.map((m) => `${page.status} ${m.ruleId}: ${m.message} — ${m.selector}`));
    }
    expect(problems).toEqual([]);
  });
});
