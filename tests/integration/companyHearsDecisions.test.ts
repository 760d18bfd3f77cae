import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  TEST_PASSWORD,
  buildSubmittedApplication,
  buildUser,
  completePayload,
} from "../factories/applicationFactory.js";
import { MAX_MEASURES } from "../../src/domain/applicationPayload.js";
import { approveSubmitted, requestChanges } from "../helpers/approve.js";
import { lastMailTo } from "../helpers/outbox.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser, buildNetwork } from "../factories/territoryFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { postForm } from "../helpers/companyAgent.js";
import request from "supertest";
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

describe("the company's reply to a request for changes", () => {
  it("goes into the application's history, which staff read, and is e-mailed to the reviewer handling it", async () => {
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Risposte");
    const other = await buildUser(ctx.db.prisma, "REVIEWER", "Remo Altro");
    await requestChanges(ctx, org.id, "Manca il costo per i cittadini.", { id: reviewer.id, name: reviewer.name });
    const application = await ctx.db.prisma.application.findFirstOrThrow({ where: { organizationId: org.id } });
    await ctx.db.prisma.application.update({ where: { id: application.id }, data: { assigneeId: reviewer.id } });
    const company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    // The summary links to the reply box, which is on the application page.
    expect((await company.get("/impresa").expect(200)).text).toContain('href="/impresa/domanda#titolo-risposta"');
    expect((await company.get("/impresa/domanda").expect(200)).text).toContain('action="/impresa/domanda/risposta"');

    const reply = "Il servizio è gratuito per i cittadini: lo aggiungiamo alla misura <subito>.";
    const sent = await postForm(company, "/impresa/domanda", "/impresa/domanda/risposta", { comment: reply });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe("/impresa/domanda?risposta=1#storia");
    const event = await ctx.db.prisma.applicationEvent.findFirstOrThrow({
      where: { applicationId: application.id, type: "COMPANY_REPLY" },
    });
    expect(event).toMatchObject({ comment: reply, actorId: user.id });
    // The application is still waiting for the company's changes: a reply is not a resubmission.
    expect((await ctx.db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "CHANGES_REQUESTED",
    );
    const mail = await lastMailTo(ctx.db.prisma, reviewer.email);
    expect(mail.subject).toBe(t("company.mail.staff.replied.subject", "it", { name: org.name }));
    expect(mail.text).toContain(reply);
    expect(await ctx.db.prisma.outboxMessage.count({ where: { to: other.email } })).toBe(0);
    // Staff read it in the application's history; the company too.
    const staff = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
    const detail = (await staff.get(`/admin/domande/${application.id}`).expect(200)).text;
    expect(detail).toContain(inHtml(t("admin.events.COMPANY_REPLY")));
    expect(detail).toContain(inHtml(reply));
    expect((await company.get("/impresa/domanda").expect(200)).text).toContain(inHtml(reply));
    expect(
      await ctx.db.prisma.auditEntry.count({
        where: { action: "application.reply", entityId: String(application.id) },
      }),
    ).toBe(1);
  });

  it("refuses an empty reply beside the field (422, nothing written), and a reply with no request open (409)", async () => {
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    const company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    // Nothing to reply to yet: the application is only submitted.
    const early = await postForm(company, "/impresa/domanda", "/impresa/domanda/risposta", { comment: "Domanda?" });
    expect(early.status).toBe(409);
    expect(early.text).toContain(inHtml(t("company.application.refused.noRequest")));

    await requestChanges(ctx, org.id, "Aggiungete gli orari.");
    const empty = await postForm(company, "/impresa/domanda", "/impresa/domanda/risposta", { comment: "   " });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="riepilogo-errori"');
    expect(empty.text).toMatch(fieldError("comment", "validation.required"));
    const events = await ctx.db.prisma.applicationEvent.count({
      where: { application: { organizationId: org.id }, type: "COMPANY_REPLY" },
    });
    expect(events).toBe(0);
  });
});

describe("e-mails in the user's language", () => {
  it("are written in the language of the site at sign-up, and at the last login", async () => {
    // Signed up on the English site: the verification e-mail is in English.
    const agent = request.agent(ctx.app);
    await agent.get("/?lang=en");
    const email = `english-${Date.now()}@example.org`;
    await postForm(agent, "/registrati", "/registrati", {
      name: "Emma English",
      email,
      password: TEST_PASSWORD,
      privacy: "1",
    });
    expect((await lastMailTo(ctx.db.prisma, email)).subject).toBe(t("accounts.mail.verify.subject", "en"));

    // An Italian company user who logs in on the English site hears of decisions in English.
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma);
    const english = request.agent(ctx.app);
    await english.get("/accedi?lang=en");
    expect((await postForm(english, "/accedi", "/accedi", { email: user.email, password: TEST_PASSWORD })).status).toBe(
      303,
    );
    await requestChanges(ctx, org.id, "Please add the opening hours.");
    const mail = await lastMailTo(ctx.db.prisma, user.email);
    expect(mail.subject).toBe(t("admin.mail.CHANGES_REQUESTED.subject", "en", { organization: org.name }));
    // The staff comment, written in Italian, is marked as Italian on the English page.
    const page = (await english.get("/impresa").expect(200)).text;
    expect(page).toMatch(/<p class="text-preline mb-1" lang="it">Please add the opening hours\.<\/p>/);
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

describe("network membership decisions", () => {
  it("reach the firms by e-mail: the lead hears of a request, the firm of the answer, of being added or removed", async () => {
    const lead = await buildOrganization(ctx.db.prisma);
    const leadUser = await buildCompanyUser(ctx.db.prisma, lead.id);
    const firm = await buildOrganization(ctx.db.prisma);
    const firmUser = await buildCompanyUser(ctx.db.prisma, firm.id);
    const network = await buildNetwork(ctx.db.prisma, lead.id, [], "rete-che-decide");
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Membri");
    const member = await loggedInAgent(ctx.app, firmUser.email, TEST_PASSWORD);
    const leader = await loggedInAgent(ctx.app, leadUser.email, TEST_PASSWORD);
    const staff = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
    const subject = (kind: string, organization: string) => t(`admin.mail.${kind}.subject`, "it", { organization });

    // The firm asks to join: the lead firm is told who asked.
    expect((await postForm(member, "/impresa/reti", `/impresa/reti/${network.slug}/adesione`, {})).status).toBe(303);
    const request = await lastMailTo(ctx.db.prisma, leadUser.email);
    expect(request.subject).toBe(subject("NETWORK_JOIN_REQUESTED", lead.name));
    expect(request.text).toContain(`${network.name} — ${firm.name}`);
    // The lead declines: the firm hears it.
    const decline = `/impresa/reti/${network.slug}/membri/${firm.id}/respingi`;
    expect((await postForm(leader, `/impresa/reti/${network.slug}`, decline, {})).status).toBe(303);
    expect((await lastMailTo(ctx.db.prisma, firmUser.email)).subject).toBe(
      subject("NETWORK_MEMBER_REJECTED", firm.name),
    );
    // It asks again and staff accept.
    await postForm(member, "/impresa/reti", `/impresa/reti/${network.slug}/adesione`, {});
    const accept = `/admin/reti/${network.id}/membri/${firm.id}/accetta`;
    expect((await postForm(staff, `/admin/reti/${network.id}`, accept, {})).status).toBe(303);
    const accepted = await lastMailTo(ctx.db.prisma, firmUser.email);
    expect(accepted.subject).toBe(subject("NETWORK_MEMBER_ACCEPTED", firm.name));
    expect(accepted.text).toContain(network.name);
    // Staff remove it, then add it back.
    const remove = `/admin/reti/${network.id}/membri/${firm.id}/rimuovi`;
    expect((await postForm(staff, remove, remove, {})).status).toBe(303);
    expect((await lastMailTo(ctx.db.prisma, firmUser.email)).subject).toBe(
      subject("NETWORK_MEMBER_REMOVED", firm.name),
    );
    const add = await postForm(staff, `/admin/reti/${network.id}`, `/admin/reti/${network.id}/membri`, {
      organization: String(firm.id),
    });
    expect(add.status).toBe(303);
    expect((await lastMailTo(ctx.db.prisma, firmUser.email)).subject).toBe(subject("NETWORK_MEMBER_ADDED", firm.name));
  });
});

describe("an application's measures", () => {
  it("stop at MAX_MEASURES (422 with an explanation), and each save is audited as its change only", async () => {
    const payload = completePayload({ measures: Array.from({ length: MAX_MEASURES }, () => ({})) });
    const { org, user } = await buildSubmittedApplication(ctx.db.prisma, payload);
    await requestChanges(ctx, org.id, "Aggiornate le misure.");
    const company = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    const version = async () =>
      String((await ctx.db.prisma.application.findFirstOrThrow({ where: { organizationId: org.id } })).version);
    const add = async (title: string) =>
      postForm(company, "/impresa/misure/nuova", "/impresa/misure/nuova", {
        version: await version(),
        title,
        category: "MINORI",
        status: "ACTIVE",
      });
    const refused = await add("Una misura di troppo");
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(inHtml(t("company.refused.tooManyMeasures", "it", { max: MAX_MEASURES })));

    // An edit of one measure: the activity log holds what changed, not the whole application.
    const edit = await postForm(company, "/impresa/misure/k1", "/impresa/misure/k1", {
      version: await version(),
      title: "Asilo nido con orari nuovi",
      category: "MINORI",
      status: "ACTIVE",
    });
    expect(edit.status).toBe(303);
    const entry = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "application.saveMeasure" },
      orderBy: { id: "desc" },
    });
    const after = entry.after as { organization: unknown[]; measures: { key: string; change: string }[] };
    expect(after.organization).toEqual([]);
    expect(after.measures.map((m) => [m.key, m.change])).toEqual([["k1", "changed"]]);
    expect(JSON.stringify(after)).not.toContain(payload.measures[5]!.title!);
  });
});
