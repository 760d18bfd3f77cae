import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { loggedInAgent } from "../helpers/login.js";
import { lastMailTo } from "../helpers/outbox.js";
import { postForm } from "../helpers/companyAgent.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
let staff: request.Agent;
let firm: request.Agent;
let other: request.Agent;
let orgId: number;
let slug: string;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  const org = await buildOrganization(ctx.db.prisma, { name: "Officine del Piano S.r.l." });
  const otherOrg = await buildOrganization(ctx.db.prisma, { name: "Altra Impresa S.r.l." });
  orgId = org.id;
  slug = org.slug;
  const user = await buildUser(ctx.db.prisma, "COMPANY", "Paola Piano", org.id);
  const otherUser = await buildUser(ctx.db.prisma, "COMPANY", "Oscar Altro", otherOrg.id);
  const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Revisora");
  staff = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
  firm = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
  other = await loggedInAgent(ctx.app, otherUser.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

const planPath = () => `/admin/imprese/${orgId}/piano`;
const goals = () =>
  ctx.db.prisma.improvementGoal.findMany({ where: { organizationId: orgId }, orderBy: { id: "asc" } });
const addGoal = (fields: Record<string, string>) => postForm(staff, planPath(), planPath(), fields);

describe("improvement plans", () => {
  it("staff add agreed goals: 422 beside the fields with the values kept; the firm is e-mailed; audited", async () => {
    const bad = await addGoal({ kind: "", description: "Aprire il nido alle famiglie", dueOn: "2027-02-30" });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="riepilogo-errori"');
    // The error says what to do, not the select's placeholder ("Scegli…").
    expect(bad.text).toMatch(fieldError("kind", "validation.choice"));
    expect(bad.text).toContain('id="campo-dueOn-errore"');
    expect(bad.text).toContain("Aprire il nido alle famiglie");
    expect(await goals()).toHaveLength(0);

    const added = await addGoal({
      kind: "OPEN_TO_CITIZENS",
      description: "Aprire il nido a 5 famiglie",
      dueOn: "2027-06-30",
    });
    expect(added.status).toBe(303);
    await addGoal({ kind: "JOIN_NETWORK", description: "Entrare nella rete della Bassa", dueOn: "2027-03-31" });
    await addGoal({ kind: "SIGN_PACT", description: "Firmare il Patto entro l'estate", dueOn: "2027-08-31" });
    expect((await goals()).map((g) => g.status)).toEqual(["OPEN", "OPEN", "OPEN"]);
    const mail = await lastMailTo(
      ctx.db.prisma,
      (await ctx.db.prisma.user.findFirstOrThrow({ where: { organizationId: orgId } })).email,
    );
    expect(mail.subject).toBe(
      t("admin.mail.PLAN_GOAL_ADDED.subject", "it", { organization: "Officine del Piano S.r.l." }),
    );
    expect(await ctx.db.prisma.auditEntry.count({ where: { action: "improvementGoal.add" } })).toBe(3);
  });

  it("the firm reports progress on its own goals only; another firm finds nothing and changes nothing", async () => {
    const [first] = await goals();
    const page = await firm.get("/impresa/piano");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Aprire il nido a 5 famiglie");
    expect(page.text).toContain(`href="/impresa/piano/${first!.id}"`);
    const empty = await postForm(firm, `/impresa/piano/${first!.id}`, `/impresa/piano/${first!.id}`, { progress: " " });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="campo-progress-errore"');
    const sent = await postForm(firm, `/impresa/piano/${first!.id}`, `/impresa/piano/${first!.id}`, {
      progress: "Accordo firmato con il quartiere; apertura a settembre.",
    });
    expect(sent.status).toBe(303);
    expect((await goals())[0]!.progress).toBe("Accordo firmato con il quartiere; apertura a settembre.");

    expect((await other.get(`/impresa/piano/${first!.id}`)).status).toBe(404);
    const foreign = await postForm(other, "/impresa/piano", `/impresa/piano/${first!.id}`, { progress: "Intruso" });
    expect(foreign.status).toBe(404);
    expect((await goals())[0]!.progress).not.toContain("Intruso");
    expect((await other.get("/impresa/piano")).text).not.toContain("Aprire il nido a 5 famiglie");
    // Companies never reach the staff's plan pages.
    expect((await firm.get(planPath())).status).toBe(403);
  });

  it("staff close goals as met or not, once; the public page shows the plan only with the firm's consent, never what failed", async () => {
    const [open, network, pact] = await goals();
    const close = (id: number, fields: Record<string, string>) =>
      postForm(staff, `${planPath()}/${id}/chiudi`, `${planPath()}/${id}/chiudi`, fields);
    const missing = await close(open!.id, { status: "", closingNote: "" });
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(fieldError("status", "validation.choice"));
    expect((await close(open!.id, { status: "MET", closingNote: "Nido aperto a settembre." })).status).toBe(303);
    expect((await close(network!.id, { status: "NOT_MET", closingNote: "La rete non è partita." })).status).toBe(303);
    // Closed already: the form is gone and a late post changes nothing.
    expect((await staff.get(`${planPath()}/${open!.id}/chiudi`)).status).toBe(404);
    const late = await postForm(staff, planPath(), `${planPath()}/${open!.id}/chiudi`, {
      status: "NOT_MET",
      closingNote: "",
    });
    expect(late.status).toBe(409);
    expect((await goals())[0]!.status).toBe("MET");
    expect((await firm.get(`/impresa/piano/${open!.id}`)).status).toBe(404);

    const before = await request(ctx.app).get(`/registro/${slug}`);
    expect(before.text).not.toContain('id="piano"');
    expect((await postForm(firm, "/impresa/piano", "/impresa/piano/pubblicazione", { publishPlan: "1" })).status).toBe(
      303,
    );
    const after = await request(ctx.app).get(`/registro/${slug}`);
    expect(after.text).toContain('id="piano"');
    expect(after.text).toContain("Aprire il nido a 5 famiglie");
    expect(after.text).toContain(inHtml(t("plan.statuses.MET")));
    expect(after.text).toContain(pact!.description.replace("'", "&#39;"));
    expect(after.text).not.toContain("Entrare nella rete della Bassa");
    const english = await request(ctx.app).get(`/registro/${slug}?lang=en`);
    expect(english.text).toContain(t("plan.publicTitle", "en"));

    expect((await postForm(firm, "/impresa/piano", "/impresa/piano/pubblicazione", {})).status).toBe(303);
    expect((await request(ctx.app).get(`/registro/${slug}`)).text).not.toContain('id="piano"');
    expect(await ctx.db.prisma.auditEntry.count({ where: { action: "organization.publishPlan" } })).toBe(2);
  });
});
