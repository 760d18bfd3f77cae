import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedPayload } from "../../src/data/review/publicationRepository.js";
import type { ApplicationPayload } from "../../src/domain/applicationPayload.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { TEST_PASSWORD, buildUser } from "../factories/applicationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { approveSubmitted } from "../helpers/approve.js";
import { t } from "../helpers/catalogue.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// A classification holds for what the measure was when staff gave it: an
// approved revision that changes what it was based on sends the measure back to
// re-examination, everywhere the outcome is used, and into the staff's queue.
let ctx: TestContext;
let reviewer: Awaited<ReturnType<typeof loggedInAgent>>;
let reviewerId: number;
beforeAll(async () => {
  ctx = await createTestContext({ searchCacheBytes: 0 });
  const user = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Classi");
  reviewerId = user.id;
  reviewer = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

/** A registered organization with one measure open to citizens, classified as territorial welfare. */
async function classifiedOrganization(slug: string) {
  const org = await buildOrganization(ctx.db.prisma, {
    slug,
    // complete, so that a revision of it can be approved
    legalForm: "S.r.l.",
    atecoSectionCode: "C",
    employees: 40,
    address: "Via Indipendenza 1",
    contactEmail: "info@example.org",
    measures: [
      {
        title: "Nido aperto al quartiere",
        category: "MINORI",
        openToCitizens: true,
        accessConditions: "Domanda al Comune.",
        beneficiaries: ["EMPLOYEES", "CITIZENS"],
      },
    ],
  });
  const measure = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId: org.id } });
  const classified = await ctx.services.registerUpkeep.classify(
    measure.id,
    { id: reviewerId, name: "Rita Classi" },
    {
      outcome: "TERRITORIAL_WELFARE",
      openToCitizens: true,
      integratesPublicService: true,
      wellbeingImpact: true,
      continuity: true,
      thirdSectorPartnership: false,
      rationale: "Posti riservati alle famiglie del quartiere.",
    },
  );
  expect(classified.ok).toBe(true);
  return { org, measure };
}

/** A submitted revision of the organization's public version, changed by `change`. */
async function submitRevision(organizationId: number, change: (payload: ApplicationPayload) => void) {
  const payload = await publishedPayload(ctx.db.prisma, organizationId);
  change(payload);
  return ctx.db.prisma.application.create({
    data: { organizationId, kind: "REVISION", status: "SUBMITTED", payload, submittedAt: new Date() },
  });
}

describe("a classified measure revised to employees only", () => {
  it("is re-examined everywhere once staff approve the revision, after being warned", async () => {
    const { org, measure } = await classifiedOrganization("nido-di-quartiere");
    const territorial = async () =>
      (await request(ctx.app).get("/api/v1/organizations?classificazione=welfare-territoriale").expect(200)).body
        .items as { slug: string }[];
    expect((await territorial()).map((o) => o.slug)).toContain(org.slug);

    const revision = await submitRevision(org.id, (p) => {
      p.measures[0]!.openToCitizens = false;
      p.measures[0]!.beneficiaries = ["EMPLOYEES"];
    });
    // Before approving, staff see which classification the change affects.
    const detail = await reviewer.get(`/admin/domande/${revision.id}`).expect(200);
    expect(detail.text).toContain('id="da-riesaminare"');
    expect(detail.text).toContain(t("admin.diff.reexamine", "it", { count: 1 }));
    await approveSubmitted(ctx, org.id);

    const after = await ctx.db.prisma.measure.findUniqueOrThrow({
      where: { id: measure.id },
      include: { classifications: true },
    });
    expect(after).toMatchObject({ openToCitizens: false, currentOutcome: "UNDER_REVIEW" });
    // History keeps the outcome staff gave.
    expect(after.classifications.map((c) => c.outcome)).toEqual(["TERRITORIAL_WELFARE"]);

    // The public page says it is being re-examined, without the old rationale.
    const page = (await request(ctx.app).get(`/registro/${org.slug}`).expect(200)).text;
    expect(page).toContain(t("outcomes.UNDER_REVIEW", "it"));
    expect(page).not.toContain("Posti riservati alle famiglie del quartiere.");
    // The territorial filter, the API, the statistics and the open data no longer count it.
    expect((await territorial()).map((o) => o.slug)).not.toContain(org.slug);
    const registry = (await request(ctx.app).get("/registro?classificazione=welfare-territoriale").expect(200)).text;
    expect(registry).not.toContain(`/registro/${org.slug}"`);
    const api = (await request(ctx.app).get(`/api/v1/organizations/${org.slug}`).expect(200)).body;
    expect(JSON.stringify(api)).toContain('"classification":"da-riesaminare"');
    const byOutcome = await ctx.db.prisma.measure.groupBy({
      by: ["currentOutcome"],
      where: { organizationId: org.id },
      _count: { _all: true },
    });
    expect(byOutcome).toEqual([{ currentOutcome: "UNDER_REVIEW", _count: { _all: 1 } }]);

    // And it waits in the staff's classification queue.
    const queue = (await reviewer.get("/admin/classificazioni").expect(200)).text;
    expect(queue).toContain(`/admin/imprese/${org.id}#misura-${measure.id}`);
  });

  it("keeps its classification when only the title changes", async () => {
    const { org, measure } = await classifiedOrganization("nido-rinominato");
    const revision = await submitRevision(org.id, (p) => {
      p.measures[0]!.title = "Nido aziendale aperto al quartiere";
    });
    const detail = await reviewer.get(`/admin/domande/${revision.id}`).expect(200);
    expect(detail.text).not.toContain('id="da-riesaminare"');
    await approveSubmitted(ctx, org.id);
    const after = await ctx.db.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect(after).toMatchObject({ title: "Nido aziendale aperto al quartiere", currentOutcome: "TERRITORIAL_WELFARE" });
    const queue = (await reviewer.get("/admin/classificazioni").expect(200)).text;
    expect(queue).not.toContain(`#misura-${measure.id}"`);
  });
});

describe("the classification queue", () => {
  it("lists measures never classified, pages with a total, and is for staff only", async () => {
    const org = await buildOrganization(ctx.db.prisma, {
      slug: "tante-da-classificare",
      measures: Array.from({ length: 55 }, (_, i) => ({ title: `Misura in coda ${i}` })),
    });
    const first = (await reviewer.get("/admin/classificazioni").expect(200)).text;
    const total = Number(/id="totale-da-classificare"><strong>(\d+)/.exec(first)?.[1]);
    expect(total).toBeGreaterThanOrEqual(55);
    expect(first).toContain('href="/admin/classificazioni?pagina=2"');
    const second = (await reviewer.get("/admin/classificazioni?pagina=2").expect(200)).text;
    const listed = (html: string) => [...html.matchAll(/#misura-(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set([...listed(first), ...listed(second)]).size).toBe(listed(first).length + listed(second).length);
    expect(listed(first)).toHaveLength(50);
    // A nonsense page is the first one, not an error.
    await reviewer.get("/admin/classificazioni?pagina=abc").expect(200);

    const company = await buildCompanyUser(ctx.db.prisma, org.id);
    const agent = await loggedInAgent(ctx.app, company.email, TEST_PASSWORD);
    expect((await agent.get("/admin/classificazioni")).status).toBe(403);
    expect((await request(ctx.app).get("/admin/classificazioni")).status).toBe(303);
  });

  it("refuses UNDER_REVIEW as a reviewer's outcome", async () => {
    const { measure } = await classifiedOrganization("nido-scelta-riservata");
    const form = await reviewer.get(`/admin/imprese/${measure.organizationId}`).expect(200);
    expect(form.text).not.toContain('value="UNDER_REVIEW"');
  });
});
