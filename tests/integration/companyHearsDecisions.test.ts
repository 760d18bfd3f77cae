import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildSubmittedApplication, buildUser } from "../factories/applicationFactory.js";
import { approveSubmitted, requestChanges } from "../helpers/approve.js";
import { lastMailTo } from "../helpers/outbox.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser, buildNetwork } from "../factories/territoryFactory.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// A company asked for changes reads what staff wrote where it looks first (its
// summary and its application), and is not told "the data are complete: submit".
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

describe("a request for changes", () => {
  it("shows the reviewer's comment on the company's summary and application pages", async () => {
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    const company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const before = (await company.get("/impresa").expect(200)).text;
    expect(before).not.toContain('id="messaggio-personale"');

    await requestChanges(ctx, org.id, "Indicate il costo per i cittadini & gli orari dell'asilo.");
    for (const path of ["/impresa", "/impresa/domanda"]) {
      const page = (await company.get(path).expect(200)).text;
      expect(page).toContain('id="messaggio-personale"');
      expect(page).toContain(inHtml("Indicate il costo per i cittadini & gli orari dell'asilo."));
      expect(page).toContain(inHtml(t("company.staffMessage.changesRequested")));
      // Complete data or not, the company is told that staff asked for changes.
      expect(page).toContain(inHtml(t("company.next.changesRequested")));
      expect(page).not.toContain(inHtml(t("company.next.complete")));
    }
  });
});

describe("a suspension and a reinstatement", () => {
  it("reach the company by e-mail, with the reason, also shown on its page", async () => {
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    await approveSubmitted(ctx, org.id);
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Registro");
    const staff = { id: reviewer.id, name: reviewer.name };
    const reason = "Il sito indicato non risponde da tre mesi: aggiornate i contatti.";
    expect(await ctx.services.registerUpkeep.suspend(org.id, staff, reason)).toEqual({ ok: true });
    const suspended = await lastMailTo(ctx.db.prisma, user.email);
    expect(suspended.subject).toBe(t("admin.mail.SUSPENDED.subject", "it", { organization: org.name }));
    expect(suspended.text).toContain(reason);
    // And the company's own page says why.
    const company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const home = (await company.get("/impresa").expect(200)).text;
    expect(home).toContain('id="messaggio-personale"');
    expect(home).toContain(inHtml(reason));
    expect(await ctx.services.registerUpkeep.reinstate(org.id, staff, "Contatti aggiornati.")).toEqual({ ok: true });
    const reinstated = await lastMailTo(ctx.db.prisma, user.email);
    expect(reinstated.subject).toBe(t("admin.mail.REINSTATED.subject", "it", { organization: org.name }));
    expect(reinstated.text).toContain("Contatti aggiornati.");
  });
});

describe("a classification", () => {
  it("reaches the company by e-mail: outcome, criteria met and rationale", async () => {
    const org = await buildOrganization(ctx.db.prisma, { measures: [{ title: "Sportello badanti" }] });
    const user = await buildCompanyUser(ctx.db.prisma, org.id);
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Classi");
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId: org.id } });
    const outcome = await ctx.services.registerUpkeep.classify(
      measure.id,
      { id: reviewer.id, name: reviewer.name },
      {
        outcome: "COMPANY_BENEFIT",
        openToCitizens: false,
        integratesPublicService: false,
        wellbeingImpact: true,
        continuity: true,
        thirdSectorPartnership: false,
        rationale: "Riservata ai dipendenti.",
      },
    );
    expect(outcome.ok).toBe(true);
    const mail = await lastMailTo(ctx.db.prisma, user.email);
    expect(mail.subject).toBe(t("admin.mail.CLASSIFIED.subject", "it", { measure: "Sportello badanti" }));
    expect(mail.text).toContain(t("outcomes.COMPANY_BENEFIT"));
    expect(mail.text).toContain(
      `${t("admin.classification.criterionShort.wellbeingImpact")}, ${t("admin.classification.criterionShort.continuity")}`,
    );
    expect(mail.text).toContain("Riservata ai dipendenti.");
  });
});

describe("a decision on a request to sign the Pact", () => {
  it("reaches the company by e-mail, with the reason of a refusal", async () => {
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Patto");
    const staff = { id: reviewer.id, name: reviewer.name };
    const latest = async (organizationId: number) =>
      ctx.db.prisma.pactSignature.findFirstOrThrow({ where: { organizationId }, orderBy: { id: "desc" } });

    const confirmed = await buildOrganization(ctx.db.prisma);
    const first = await buildCompanyUser(ctx.db.prisma, confirmed.id);
    expect((await ctx.services.pact.requestSignature(first, "Apriremo il nido al quartiere.")).ok).toBe(true);
    expect(await ctx.services.pact.decide((await latest(confirmed.id)).id, staff, "CONFIRMED")).toEqual({ ok: true });
    expect((await lastMailTo(ctx.db.prisma, first.email)).subject).toBe(
      t("admin.mail.PACT_CONFIRMED.subject", "it", { organization: confirmed.name }),
    );

    const refused = await buildOrganization(ctx.db.prisma);
    const second = await buildCompanyUser(ctx.db.prisma, refused.id);
    expect((await ctx.services.pact.requestSignature(second, "Impegni generici.")).ok).toBe(true);
    const reason = "Gli impegni vanno descritti con azioni e tempi.";
    expect(await ctx.services.pact.decide((await latest(refused.id)).id, staff, "REJECTED", reason)).toEqual({
      ok: true,
    });
    const mail = await lastMailTo(ctx.db.prisma, second.email);
    expect(mail.subject).toBe(t("admin.mail.PACT_REJECTED.subject", "it", { organization: refused.name }));
    expect(mail.text).toContain(reason);
  });
});

describe("a decision on a network's proposed measure", () => {
  it("reaches the lead firm by e-mail, with the reason of a refusal", async () => {
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Reti");
    const staff = { id: reviewer.id, name: reviewer.name };
    const lead = await buildOrganization(ctx.db.prisma);
    const leadUser = await buildCompanyUser(ctx.db.prisma, lead.id);
    const network = await buildNetwork(ctx.db.prisma, lead.id, [], "rete-che-propone");
    const propose = (title: string) =>
      ctx.db.prisma.measure.create({
        data: { networkId: network.id, title, description: "-", category: "MOBILITA", networkReview: "PROPOSED" },
      });
    const shuttle = await propose("Navetta condivisa");
    expect((await ctx.services.network.reviewMeasure(staff, network.id, shuttle.id, true, null)).ok).toBe(true);
    const approved = await lastMailTo(ctx.db.prisma, leadUser.email);
    expect(approved.subject).toBe(t("admin.mail.NETWORK_MEASURE_APPROVED.subject", "it", { organization: lead.name }));
    expect(approved.text).toContain("«Navetta condivisa»");

    const canteen = await propose("Mensa comune");
    const reason = "Manca l'elenco delle imprese che la finanziano.";
    expect((await ctx.services.network.reviewMeasure(staff, network.id, canteen.id, false, reason)).ok).toBe(true);
    const rejected = await lastMailTo(ctx.db.prisma, leadUser.email);
    expect(rejected.subject).toBe(t("admin.mail.NETWORK_MEASURE_REJECTED.subject", "it", { organization: lead.name }));
    expect(rejected.text).toContain(reason);
  });
});
