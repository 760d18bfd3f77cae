import type request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildUser } from "../factories/applicationFactory.js";
import { nextVatNumber } from "../factories/organizationFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import {
  completeMeasure,
  completeOrganization,
  postForm,
  signedUpCompany,
  versionIn,
} from "../helpers/companyAgent.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// A draft reserves no Partita IVA: only a submitted application or a registered
// organization holds one, so a firm cannot be locked out by someone who typed
// its number first; staff see two organizations claiming a number and resolve it.
let ctx: TestContext;
let squatter: request.Agent;
let firm: request.Agent;
let reviewer: request.Agent;
const vatNumber = nextVatNumber();
const limits = { windowMs: 60_000, limit: 1000 };

const organizationOf = async (email: string) =>
  (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email }, include: { organization: true } })).organization!;
const applicationOf = async (email: string) =>
  ctx.db.prisma.application.findFirstOrThrow({ where: { organization: { users: { some: { email } } } } });

async function draft(agent: request.Agent, name: string, number = vatNumber) {
  const form = await agent.get("/impresa/organizzazione");
  const saved = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
    ...completeOrganization(number),
    name,
    version: versionIn(form.text),
  });
  const measureForm = await agent.get("/impresa/misure/nuova");
  await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
    ...completeMeasure,
    version: versionIn(measureForm.text),
  });
  return saved;
}

async function submit(agent: request.Agent) {
  const page = await agent.get("/impresa/domanda");
  return postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(page.text) });
}

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: { login: limits, publicForms: limits } });
  squatter = await signedUpCompany(ctx, "primo@example.org", "Primo Arrivato");
  firm = await signedUpCompany(ctx, "titolare@example.org", "Titolare Vero");
  const staff = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Istruttoria");
  reviewer = await loggedInAgent(ctx.app, staff.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("a Partita IVA is held only by a submitted application or a registered organization", () => {
  it("lets two drafts save the same number, and neither reserves it", async () => {
    expect((await draft(squatter, "Impresa Abusiva S.r.l.")).status).toBe(303);
    expect((await draft(firm, "Officine Titolari S.r.l.")).status).toBe(303);
    expect((await organizationOf("primo@example.org")).vatNumber).toBeNull();
    expect((await organizationOf("titolare@example.org")).vatNumber).toBeNull();
    expect((await applicationOf("titolare@example.org")).vatNumber).toBe(vatNumber);
  });

  it("reserves the number for the first to submit, and refuses the second with a message beside the field", async () => {
    expect((await submit(squatter)).status).toBe(303);
    expect((await organizationOf("primo@example.org")).vatNumber).toBe(vatNumber);

    const refused = await submit(firm);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(inHtml(t("company.application.vatTaken")));
    expect(refused.text).toContain('href="/impresa/organizzazione#campo-vatNumber"');
    expect(refused.text).toContain(inHtml(t("validation.vatTaken")));
    expect(t("validation.vatTaken")).toContain("Città metropolitana");
    expect((await applicationOf("titolare@example.org")).status).toBe("DRAFT");
    expect((await organizationOf("titolare@example.org")).vatNumber).toBeNull();
    expect((await firm.get("/impresa/organizzazione")).text).toMatch(fieldError("vatNumber", "validation.vatTaken"));
  });

  it("flags the conflict to staff in the list and in the application", async () => {
    const submitted = await applicationOf("primo@example.org");
    const claimant = await applicationOf("titolare@example.org");
    const list = (await reviewer.get("/admin/domande").expect(200)).text;
    const row = list.slice(list.indexOf(`/admin/domande/${submitted.id}"`)).split("</tr>")[0]!;
    expect(row).toContain(vatNumber);
    expect(row).toContain(t("admin.applications.vatConflict.badge"));

    const detail = (await reviewer.get(`/admin/domande/${submitted.id}`).expect(200)).text;
    expect(detail).toContain('id="conflitto-partita-iva"');
    expect(detail).toContain(t("admin.applications.vatConflict.title", "it", { vatNumber }));
    expect(detail).toContain(`href="/admin/domande/${claimant.id}">Officine Titolari S.r.l.</a>`);
    expect(detail).toContain(t("admin.applications.vatConflict.claims"));
    // The claimant's draft, seen from its side, names the one holding the number.
    const other = (await reviewer.get(`/admin/domande/${claimant.id}`).expect(200)).text;
    expect(other).toContain("Impresa Abusiva S.r.l.");
    expect(other).toContain(t("admin.applications.vatConflict.holds"));
  });

  it("is resolved by rejecting the squatter: the number is released and the firm can submit", async () => {
    const submitted = await applicationOf("primo@example.org");
    const page = `/admin/domande/${submitted.id}`;
    const rejected = await postForm(reviewer, page, `${page}/respingi`, {
      version: String(submitted.version),
      reason: "La Partita IVA appartiene a un'altra impresa.",
    });
    expect(rejected.status).toBe(303);
    expect((await organizationOf("primo@example.org")).vatNumber).toBeNull();
    const entry = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "application.reject", entityId: String(submitted.id) },
    });
    expect(entry.after).toMatchObject({ vatNumberReleased: vatNumber });

    expect((await submit(firm)).status).toBe(303);
    expect((await organizationOf("titolare@example.org")).vatNumber).toBe(vatNumber);
  });

  it("lets exactly one of two simultaneous submissions of a number through", async () => {
    const number = nextVatNumber();
    const [a, b] = await Promise.all([
      signedUpCompany(ctx, "gara-a@example.org"),
      signedUpCompany(ctx, "gara-b@example.org"),
    ]);
    for (const agent of [a, b]) await draft(agent, "Impresa in gara S.r.l.", number);
    const statuses = (await Promise.all([submit(a), submit(b)])).map((r) => r.status).sort();
    expect(statuses).toEqual([303, 422]);
    expect(await ctx.db.prisma.organization.count({ where: { vatNumber: number } })).toBe(1);
  });
});
