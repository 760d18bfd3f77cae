// "Integrazione con i servizi pubblici" through the real routes: a local
// authority proposes one of its services for a published measure of its
// territory; a reviewer accepts or declines it with a comment (audited, the
// authority told by e-mail in its language, the firm told of an acceptance);
// an accepted integration shows on the firm's public page in both languages.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildLocalAuthority } from "../factories/localAuthorityFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { postForm } from "../helpers/companyAgent.js";
import { loggedInAgent } from "../helpers/login.js";
import { lastMailTo } from "../helpers/outbox.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

const CASALECCHIO = "037011";
const BOLOGNA = "037006";

let ctx: TestContext;
let officer: request.Agent;
let officerEmail: string;
let reviewer: request.Agent;
let firm: { id: number; slug: string; name: string };
let firmUserEmail: string;
let summerCamp: number;
let otherMeasure: number;
let outsideMeasure: number;

const proposal = (measureId: number, fields: Record<string, string> = {}) => ({
  measureId: String(measureId),
  comuneCode: CASALECCHIO,
  serviceName: "Servizi sociali",
  description: "Le assistenti sociali indicano il centro estivo alle famiglie seguite e pagano la retta a chi non può.",
  contact: "https://www.comune.casalecchio.example/servizi-sociali",
  ...fields,
});
const propose = (fields: Record<string, string>) =>
  postForm(officer, "/ente/integrazioni/nuova", "/ente/integrazioni", fields);
const integrations = () => ctx.db.prisma.serviceIntegration.findMany({ orderBy: { id: "asc" } });

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  const p = ctx.db.prisma;
  firm = await buildOrganization(p, {
    name: "Polisportiva Integrata",
    comuneCode: CASALECCHIO,
    measures: [
      { title: "Centro estivo per tutti", category: "MINORI", openToCitizens: true },
      { title: "Palestra dei dipendenti", category: "SALUTE" },
    ],
  });
  const measures = await p.measure.findMany({ where: { organizationId: firm.id }, orderBy: { id: "asc" } });
  [summerCamp, otherMeasure] = measures.map((m) => m.id) as [number, number];
  const outside = await buildOrganization(p, { name: "Bolognese Fuori", comuneCode: BOLOGNA });
  outsideMeasure = (await p.measure.findFirstOrThrow({ where: { organizationId: outside.id } })).id;
  firmUserEmail = (await buildCompanyUser(p, firm.id)).email;

  const local = await buildLocalAuthority(p, [CASALECCHIO], "Servizi sociali di Casalecchio");
  officerEmail = local.email;
  officer = await loggedInAgent(ctx.app, local.email, TEST_PASSWORD);
  // The officer's e-mails are written in English (the language of the site at their last login).
  await p.user.update({ where: { id: local.id }, data: { language: "en" } });
  reviewer = await loggedInAgent(ctx.app, (await buildUser(p, "REVIEWER", "Renata Revisora")).email, TEST_PASSWORD);
}, 120_000);
afterAll(() => ctx?.db.close());

describe("a local authority proposes an integration", () => {
  it("chooses among the published measures of its territory, the one it came from already chosen", async () => {
    const form = await officer.get(`/ente/integrazioni/nuova?misura=${summerCamp}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(
      `<option value="${summerCamp}" selected>Polisportiva Integrata – Centro estivo per tutti`,
    );
    expect(form.text).toContain(`<option value="${otherMeasure}">`);
    expect(form.text).not.toContain(`<option value="${outsideMeasure}"`);
    // Its only comune is the service's comune already.
    expect(form.text).toContain(`<option value="${CASALECCHIO}" selected>Casalecchio di Reno`);
  });

  it("gets the errors beside the fields with what was typed kept, and nothing is saved", async () => {
    const missing = await propose(proposal(summerCamp, { serviceName: "", contact: "" }));
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(fieldError("serviceName", "validation.required"));
    expect(missing.text).toMatch(fieldError("contact", "validation.required"));
    expect(missing.text).toContain("Le assistenti sociali indicano");

    const outside = await propose(proposal(outsideMeasure));
    expect(outside.status).toBe(422);
    expect(outside.text).toMatch(fieldError("measureId", "validation.choice"));
    const otherComune = await propose(proposal(summerCamp, { comuneCode: BOLOGNA }));
    expect(otherComune.status).toBe(422);
    expect(otherComune.text).toMatch(fieldError("comuneCode", "validation.choice"));
    expect(await integrations()).toEqual([]);
  });

  it("sends a valid proposal to the staff's queue, audited, and the firm's page does not show it yet", async () => {
    const sent = await propose(proposal(summerCamp));
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe("/ente/integrazioni?esito=inviata");
    const [saved] = await integrations();
    expect(saved).toMatchObject({ status: "PROPOSED", measureId: summerCamp, measureTitle: "Centro estivo per tutti" });
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "integration.propose" } });
    expect(audit).toMatchObject({ entityType: "ServiceIntegration", entityId: String(saved!.id) });

    const list = await officer.get("/ente/integrazioni?esito=inviata");
    expect(list.text).toContain(inHtml(t("localAuthority.integrations.sent")));
    expect(list.text).toContain(inHtml(t("localAuthority.status.PROPOSED")));
    expect((await reviewer.get("/admin")).text).toMatch(/id="coda-integrations"[\s\S]*?data-count>1</);
    expect((await reviewer.get("/admin/integrazioni")).text).toContain("Servizi sociali (Casalecchio di Reno)");
    expect((await request(ctx.app).get(`/registro/${firm.slug}`)).text).not.toContain("Servizi sociali");
  });
});

describe("staff decide", () => {
  it("declining needs a reason; accepting e-mails the authority in English and the firm in Italian", async () => {
    const [proposed] = await integrations();
    const id = proposed!.id;
    const noReason = await postForm(reviewer, "/admin/integrazioni", `/admin/integrazioni/${id}/rifiuta`, {
      comment: " ",
    });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toMatch(fieldError("comment", "validation.required"));

    const accepted = await postForm(reviewer, "/admin/integrazioni", `/admin/integrazioni/${id}/accetta`, {
      comment: "Ottima collaborazione.",
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe("/admin/integrazioni?esito=ACCEPTED");
    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "integration.accept" } });
    expect(audit.after).toEqual({ status: "ACCEPTED", comment: "Ottima collaborazione." });

    const service = "Servizi sociali (Casalecchio di Reno)";
    const toOfficer = await lastMailTo(ctx.db.prisma, officerEmail);
    expect(toOfficer.subject).toBe(t("localAuthority.mail.ACCEPTED.subject", "en", { service }));
    expect(toOfficer.text).toContain("Ottima collaborazione.");
    expect(toOfficer.text).toContain("/ente/integrazioni");
    const toFirm = await lastMailTo(ctx.db.prisma, firmUserEmail);
    expect(toFirm.subject).toBe(t("admin.mail.INTEGRATION_ACCEPTED.subject", "it", { organization: firm.name }));
    expect(toFirm.text).toContain("Centro estivo per tutti");

    // A colleague who had the page open: the proposal is decided already.
    const late = await postForm(reviewer, "/admin/integrazioni", `/admin/integrazioni/${id}/rifiuta`, {
      comment: "Troppo tardi.",
    });
    expect(late.status).toBe(409);
    expect((await integrations())[0]!.status).toBe("ACCEPTED");
  });

  it("shows the accepted integration under the measure on the firm's public page, in Italian and English", async () => {
    const it = await request(ctx.app).get(`/registro/${firm.slug}`);
    expect(it.text).toContain(inHtml(t("organization.measure.integrationsTitle")));
    const italian = t("organization.measure.integrationService", "it", {
      service: "Servizi sociali",
      comune: "Casalecchio di Reno",
    });
    expect(it.text).toContain(inHtml(italian));
    expect(it.text).toContain('href="https://www.comune.casalecchio.example/servizi-sociali"');
    const en = await request(ctx.app).get(`/registro/${firm.slug}?lang=en`);
    expect(en.text).toContain(inHtml(t("organization.measure.integrationsTitle", "en")));
    expect(en.text).toContain(
      inHtml(
        t("organization.measure.integrationService", "en", {
          service: "Servizi sociali",
          comune: "Casalecchio di Reno",
        }),
      ),
    );
    const list = await officer.get("/ente/integrazioni");
    expect(list.text).toContain(inHtml(t("localAuthority.status.ACCEPTED")));
    expect(list.text).toContain("Ottima collaborazione.");
  });

  it("a declined proposal is not public, and the authority reads the reason", async () => {
    await propose(proposal(otherMeasure, { serviceName: "Sportello anziani" }));
    const declined = (await integrations()).at(-1)!;
    const res = await postForm(reviewer, "/admin/integrazioni", `/admin/integrazioni/${declined.id}/rifiuta`, {
      comment: "La misura è riservata ai dipendenti.",
    });
    expect(res.headers.location).toBe("/admin/integrazioni?esito=DECLINED");
    const mail = await lastMailTo(ctx.db.prisma, officerEmail);
    expect(mail.subject).toBe(
      t("localAuthority.mail.DECLINED.subject", "en", { service: "Sportello anziani (Casalecchio di Reno)" }),
    );
    expect(mail.text).toContain("La misura è riservata ai dipendenti.");
    expect((await request(ctx.app).get(`/registro/${firm.slug}`)).text).not.toContain("Sportello anziani");
    expect((await reviewer.get("/admin/integrazioni?stato=DECLINED")).text).toContain(
      "La misura è riservata ai dipendenti.",
    );
  });

  it("keeps a proposal on record when the firm removes the measure", async () => {
    await ctx.db.prisma.measure.delete({ where: { id: otherMeasure } });
    const kept = (await integrations()).at(-1)!;
    expect(kept).toMatchObject({ measureId: null, measureTitle: "Palestra dei dipendenti" });
    const list = await officer.get("/ente/integrazioni");
    expect(list.status).toBe(200);
    expect(list.text).toContain(inHtml(t("localAuthority.integrations.measureGone")));
  });
});
