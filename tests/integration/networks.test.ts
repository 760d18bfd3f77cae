import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.js";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser, buildNetwork } from "../factories/territoryFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent } from "../helpers/login.js";
import { postForm } from "../helpers/companyAgent.js";
import { fieldError } from "../helpers/catalogue.js";

type Org = { id: number; slug: string; name: string };
let ctx: TestContext;
let lead: Org, applicant: Org, outsider: Org, unregisteredOrg: { id: number };
const agents: Record<"lead" | "applicant" | "outsider" | "unregistered" | "reviewer" | "admin", request.Agent> =
  {} as never;
let networkId: number;
let slug: string;

const proposal = {
  title: "Assistente familiare condivisa",
  description: "Un'assistente familiare condivisa tra le imprese della rete.",
  category: "ANZIANI",
  status: "ACTIVE",
  beneficiaries: ["EMPLOYEES", "CITIZENS"],
  openToCitizens: "1",
  areaServed: "Bologna",
  accessConditions: "Richiesta alla segreteria della rete.",
  costToCitizens: "",
  capacity: "",
  startsOn: "",
  endsOn: "",
  partners: "",
};

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: { ...testConfig().rateLimits, login: { windowMs: 60_000, limit: 100 } },
  });
  const p = ctx.db.prisma;
  lead = await buildOrganization(p, { name: "Capofila Rete S.r.l." });
  applicant = await buildOrganization(p, { name: "Aderente Nuova S.n.c." });
  outsider = await buildOrganization(p, { name: "Esterna Alla Rete S.p.A." });
  const submitted = await buildSubmittedApplication(p);
  unregisteredOrg = submitted.org;
  const login = async (email: string) => loggedInAgent(ctx.app, email, TEST_PASSWORD);
  agents.lead = await login((await buildCompanyUser(p, lead.id)).email);
  agents.applicant = await login((await buildCompanyUser(p, applicant.id)).email);
  agents.outsider = await login((await buildCompanyUser(p, outsider.id)).email);
  agents.unregistered = await login(submitted.user.email);
  agents.reviewer = await login((await buildUser(p, "REVIEWER")).email);
  agents.admin = await login((await buildUser(p, "ADMIN")).email);
});
afterAll(() => ctx?.db.close());

const audits = (action: string) => ctx.db.prisma.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });
const publicPage = async (path: string) => (await request(ctx.app).get(path)).text;
const clearSearchData = (ids: number[]) =>
  ctx.db.prisma.$executeRaw`UPDATE "Organization" SET "searchVector" = NULL WHERE id = ANY(${ids}::int[])`;
const withSearchData = async (ids: number[]) =>
  (
    await ctx.db.prisma.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Organization" WHERE id = ANY(${ids}::int[]) AND "searchVector" IS NOT NULL ORDER BY id`
  ).map((r) => r.id);
const membership = (organizationId: number) =>
  ctx.db.prisma.networkMembership.findUnique({ where: { networkId_organizationId: { networkId, organizationId } } });

describe("staff create a network", () => {
  it("keeps anonymous visitors and companies out of /admin/reti", async () => {
    const res = await request(ctx.app).get("/admin/reti");
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/accedi?torna=%2Fadmin%2Freti");
    expect((await agents.lead.get("/admin/reti")).status).toBe(403);
    expect((await request(ctx.app).get("/impresa/reti")).status).toBe(303);
  });

  it("answers 422 with messages and kept values; the lead must be in the register", async () => {
    const res = await postForm(agents.reviewer, "/admin/reti", "/admin/reti", {
      name: "",
      description: "Descrizione scritta",
      leadOrganization: "",
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain("Questo campo è obbligatorio.");
    expect(res.text).toContain("Scegli una delle opzioni proposte.");
    expect(res.text).toContain("Descrizione scritta</textarea>");
    const notRegistered = await postForm(agents.reviewer, "/admin/reti", "/admin/reti", {
      name: "Rete Bozza",
      description: "D",
      leadOrganization: String(unregisteredOrg.id),
    });
    expect(notRegistered.status).toBe(422);
    expect(notRegistered.text).toContain("Scegli un&#39;impresa iscritta al registro.");
    expect(await ctx.db.prisma.network.count()).toBe(0);
  });

  it("creates it with the lead as active member, audited, and public at /reti", async () => {
    const res = await postForm(agents.reviewer, "/admin/reti", "/admin/reti", {
      name: "Rete Conciliazione Prova",
      description: "Servizi condivisi.",
      leadOrganization: String(lead.id),
    });
    expect(res.status).toBe(303);
    const network = await ctx.db.prisma.network.findFirstOrThrow();
    networkId = network.id;
    slug = network.slug;
    expect(slug).toBe("rete-conciliazione-prova");
    expect(res.headers.location).toBe(`/admin/reti/${networkId}?esito=creata`);
    expect((await membership(lead.id))?.status).toBe("ACTIVE");
    expect(await audits("network.create")).toHaveLength(1);
    expect(await publicPage("/reti")).toContain(`href="/reti/${slug}"`);
    const page = await publicPage(`/reti/${slug}`);
    expect(page).toContain("Rete Conciliazione Prova");
    expect(page).toContain(lead.name);
    expect(await publicPage(`/registro/${lead.slug}`)).toContain(`href="/reti/${slug}"`);
  });
});

describe("firms join and leave", () => {
  it("refuses firms outside the register", async () => {
    const res = await postForm(agents.unregistered, "/impresa/reti", `/impresa/reti/${slug}/adesione`, {});
    expect(res.status).toBe(409);
    expect(await membership(unregisteredOrg.id)).toBeNull();
  });

  it("records a request that stays off every public page", async () => {
    const res = await postForm(agents.applicant, "/impresa/reti", `/impresa/reti/${slug}/adesione`, {});
    expect(res.status).toBe(303);
    expect((await membership(applicant.id))?.status).toBe("REQUESTED");
    expect(await audits("network.member.request")).toHaveLength(1);
    expect(await publicPage(`/reti/${slug}`)).not.toContain(applicant.name);
    expect(await publicPage(`/registro/${applicant.slug}`)).not.toContain(`/reti/${slug}`);
    expect((await postForm(agents.applicant, "/impresa/reti", `/impresa/reti/${slug}/adesione`, {})).status).toBe(409);
  });

  it("lets only the lead decide requests from the company area", async () => {
    expect((await agents.outsider.get(`/impresa/reti/${slug}`)).status).toBe(404);
    const stranger = await postForm(
      agents.outsider,
      "/impresa/reti",
      `/impresa/reti/${slug}/membri/${applicant.id}/accetta`,
      {},
    );
    expect(stranger.status).toBe(404);
    expect((await membership(applicant.id))?.status).toBe("REQUESTED");
    await clearSearchData([applicant.id]);
    const page = await agents.lead.get(`/impresa/reti/${slug}`);
    expect(page.text).toContain(applicant.name);
    const res = await postForm(
      agents.lead,
      `/impresa/reti/${slug}`,
      `/impresa/reti/${slug}/membri/${applicant.id}/accetta`,
      {},
    );
    expect(res.status).toBe(303);
    expect((await membership(applicant.id))?.status).toBe("ACTIVE");
    expect(await withSearchData([applicant.id])).toEqual([applicant.id]);
    const [entry] = await audits("network.member.accept");
    expect(entry).toMatchObject({
      entityId: String(networkId),
      after: { organizationId: applicant.id, status: "ACTIVE" },
    });
    expect(await publicPage(`/reti/${slug}`)).toContain(applicant.name);
  });

  it("lets a member leave, but not the lead", async () => {
    expect((await postForm(agents.lead, "/impresa/reti", `/impresa/reti/${slug}/recesso`, {})).status).toBe(409);
    const res = await postForm(agents.applicant, "/impresa/reti", `/impresa/reti/${slug}/recesso`, {});
    expect(res.status).toBe(303);
    expect((await membership(applicant.id))?.status).toBe("LEFT");
    expect(await audits("network.member.leave")).toHaveLength(1);
    expect(await publicPage(`/reti/${slug}`)).not.toContain(applicant.name);
  });

  it("lets staff add, accept and remove members; never the lead", async () => {
    const invalid = await postForm(agents.reviewer, `/admin/reti/${networkId}`, `/admin/reti/${networkId}/membri`, {
      organization: "",
    });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain("Scegli una delle opzioni proposte.");
    const add = await postForm(agents.reviewer, `/admin/reti/${networkId}`, `/admin/reti/${networkId}/membri`, {
      organization: String(outsider.id),
    });
    expect(add.status).toBe(303);
    expect((await membership(outsider.id))?.status).toBe("ACTIVE");
    await postForm(agents.applicant, "/impresa/reti", `/impresa/reti/${slug}/adesione`, {});
    const accept = await postForm(
      agents.reviewer,
      `/admin/reti/${networkId}`,
      `/admin/reti/${networkId}/membri/${applicant.id}/accetta`,
      {},
    );
    expect(accept.status).toBe(303);
    expect((await membership(applicant.id))?.status).toBe("ACTIVE");
    // Removing asks first, on a page of its own: the GET changes nothing.
    const confirmUrl = `/admin/reti/${networkId}/membri/${outsider.id}/rimuovi`;
    expect((await agents.reviewer.get(`/admin/reti/${networkId}`)).text).toContain(`href="${confirmUrl}"`);
    const confirmation = await agents.reviewer.get(confirmUrl);
    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toContain('id="domanda-conferma"');
    expect((await membership(outsider.id))?.status).toBe("ACTIVE");
    // The lead cannot be removed: no confirmation, back to the network.
    const leadConfirmation = await agents.reviewer.get(`/admin/reti/${networkId}/membri/${lead.id}/rimuovi`);
    expect([leadConfirmation.status, leadConfirmation.headers.location]).toEqual([303, `/admin/reti/${networkId}`]);
    const remove = await postForm(agents.reviewer, confirmUrl, confirmUrl, {});
    expect(remove.status).toBe(303);
    expect((await membership(outsider.id))?.status).toBe("LEFT");
    const removeLead = await postForm(
      agents.reviewer,
      `/admin/reti/${networkId}`,
      `/admin/reti/${networkId}/membri/${lead.id}/rimuovi`,
      {},
    );
    expect(removeLead.status).toBe(409);
    expect((await membership(lead.id))?.status).toBe("ACTIVE");
    expect((await audits("network.member.add")).length + (await audits("network.member.remove")).length).toBe(2);
  });
});

describe("network measures", () => {
  it("are proposed only by the lead, with the measure form's validation", async () => {
    expect((await agents.applicant.get(`/impresa/reti/${slug}/misure/nuova`)).status).toBe(404);
    const notLead = await postForm(agents.applicant, "/impresa/reti", `/impresa/reti/${slug}/misure/nuova`, proposal);
    expect(notLead.status).toBe(404);
    const res = await postForm(
      agents.lead,
      `/impresa/reti/${slug}/misure/nuova`,
      `/impresa/reti/${slug}/misure/nuova`,
      { ...proposal, title: "", beneficiaries: [], capacity: "tanti" },
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain("Scrivi un numero intero.");
    const second = await postForm(
      agents.lead,
      `/impresa/reti/${slug}/misure/nuova`,
      `/impresa/reti/${slug}/misure/nuova`,
      { ...proposal, title: "", beneficiaries: [] },
    );
    expect(second.status).toBe(422);
    expect(second.text).toContain("Scrivi il titolo della misura.");
    expect(second.text).toContain("Scegli almeno un gruppo di destinatari.");
    expect(second.text).toContain("Un&#39;assistente familiare condivisa tra le imprese della rete.</textarea>");
    expect(await ctx.db.prisma.measure.count({ where: { networkId } })).toBe(0);
  });

  it("stay off every public page while proposed", async () => {
    const res = await postForm(
      agents.lead,
      `/impresa/reti/${slug}/misure/nuova`,
      `/impresa/reti/${slug}/misure/nuova`,
      proposal,
    );
    expect(res.status).toBe(303);
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { networkId } });
    expect(measure).toMatchObject({ networkReview: "PROPOSED", organizationId: null, openToCitizens: true });
    expect(await audits("network.measure.propose")).toHaveLength(1);
    for (const path of [`/reti/${slug}`, `/registro/${lead.slug}`, `/registro/${applicant.slug}`]) {
      expect(await publicPage(path), path).not.toContain(proposal.title);
    }
    expect((await agents.lead.get(`/impresa/reti/${slug}`)).text).toContain("Proposta, in attesa di esame");
  });

  it("need a reason to be rejected; approved ones are public on the network and member pages", async () => {
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { networkId } });
    const admin = `/admin/reti/${networkId}`;
    const empty = await postForm(agents.reviewer, admin, `${admin}/misure/${measure.id}/respingi`, { reason: "" });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("Questo campo è obbligatorio.");
    // through another network's address the measure is simply not found
    const other = await buildNetwork(ctx.db.prisma, outsider.id, [], `altra-rete-${process.pid}`);
    const elsewhere = await postForm(
      agents.reviewer,
      admin,
      `/admin/reti/${other.id}/misure/${measure.id}/approva`,
      {},
    );
    expect(elsewhere.status).toBe(404);
    // approving refreshes the search data of every active member (and of nobody else), in the same transaction
    await clearSearchData([lead.id, applicant.id, outsider.id]);
    expect((await postForm(agents.reviewer, admin, `${admin}/misure/${measure.id}/approva`, {})).status).toBe(303);
    expect(await withSearchData([lead.id, applicant.id, outsider.id])).toEqual([lead.id, applicant.id]);
    expect((await ctx.db.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } })).networkReview).toBe(
      "APPROVED",
    );
    expect(await audits("network.measure.approve")).toHaveLength(1);
    for (const path of [`/reti/${slug}`, `/registro/${lead.slug}`, `/registro/${applicant.slug}`]) {
      expect(await publicPage(path), path).toContain(proposal.title);
    }
    expect(await publicPage(`/registro/${outsider.slug}`)).not.toContain(proposal.title);
    expect((await postForm(agents.reviewer, admin, `${admin}/misure/${measure.id}/approva`, {})).status).toBe(409);
  });

  it("are classified like any other measure, and the outcome is public", async () => {
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { networkId } });
    const admin = `/admin/reti/${networkId}`;
    const invalid = await postForm(agents.reviewer, admin, `${admin}/misure/${measure.id}/classifica`, {
      openToCitizens: "1",
      rationale: "",
    });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toMatch(fieldError("outcome", "validation.choice"));
    expect(invalid.text).toMatch(fieldError("rationale", "validation.required"));
    expect(invalid.text).toContain('href="#campo-outcome"');
    expect(invalid.text).toContain('id="campo-outcome"');
    const res = await postForm(agents.reviewer, admin, `${admin}/misure/${measure.id}/classifica`, {
      outcome: "TERRITORIAL_WELFARE",
      openToCitizens: "1",
      rationale: "Aperta ai residenti.",
    });
    expect(res.status).toBe(303);
    expect((await ctx.db.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } })).currentOutcome).toBe(
      "TERRITORIAL_WELFARE",
    );
    const [entry] = await audits("measure.classify");
    expect(entry).toMatchObject({
      entityId: String(measure.id),
      after: { outcome: "TERRITORIAL_WELFARE", rationale: "Aperta ai residenti." },
    });
    expect(await publicPage(`/reti/${slug}`)).toContain("Welfare territoriale");
    // the organization-measure route keeps its behaviour: it does not handle network measures
    const orgRoute = await postForm(agents.reviewer, admin, `/admin/misure/${measure.id}/classifica`, {
      outcome: "COMPANY_BENEFIT",
      rationale: "x",
    });
    expect(orgRoute.status).toBe(404);
  });

  it("leave the public pages when staff withdraw them with a reason", async () => {
    const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { networkId } });
    const admin = `/admin/reti/${networkId}`;
    const res = await postForm(agents.reviewer, admin, `${admin}/misure/${measure.id}/respingi`, {
      reason: "Servizio sospeso",
    });
    expect(res.status).toBe(303);
    expect(await ctx.db.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({
      networkReview: "REJECTED",
      reviewNote: "Servizio sospeso",
    });
    const [entry] = await audits("network.measure.reject");
    expect(entry).toMatchObject({
      before: { networkReview: "APPROVED" },
      after: { networkReview: "REJECTED", reason: "Servizio sospeso" },
    });
    expect(await publicPage(`/reti/${slug}`)).not.toContain(proposal.title);
    expect((await agents.lead.get(`/impresa/reti/${slug}`)).text).toContain("Servizio sospeso");
  });
});

describe("a network whose lead leaves the register", () => {
  it("is no longer public", async () => {
    await ctx.db.prisma.organization.update({ where: { id: lead.id }, data: { registryStatus: "SUSPENDED" } });
    expect(await publicPage("/reti")).not.toContain(`/reti/${slug}`);
    expect((await request(ctx.app).get(`/reti/${slug}`)).status).toBe(404);
    expect(await publicPage(`/registro/${applicant.slug}`)).not.toContain(`/reti/${slug}`);
    await ctx.db.prisma.organization.update({ where: { id: lead.id }, data: { registryStatus: "REGISTERED" } });
  });
});
