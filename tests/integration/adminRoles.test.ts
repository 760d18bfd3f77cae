import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubmittedApplication, buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";

// Every /admin route against every kind of visitor: the role is checked on the server.
let ctx: TestContext;
const agents: Record<string, request.Agent> = {};
let gets: string[] = [];
let posts: string[] = [];
let staffGets: string[] = [];
let staffPosts: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({
    rateLimits: roomyRateLimits,
  });
  const p = ctx.db.prisma;
  const { application, user: company } = await buildSubmittedApplication(p);
  const org = await buildOrganization(p);
  const measure = await p.measure.findFirstOrThrow({ where: { organizationId: org.id } });
  const report = await p.problemReport.create({ data: { organizationId: org.id, message: "Dato errato" } });
  const reviewer = await buildUser(p, "REVIEWER");
  const admin = await buildUser(p, "ADMIN");
  gets = [
    "/admin",
    "/admin/domande",
    `/admin/domande/${application.id}`,
    "/admin/imprese",
    `/admin/imprese/${org.id}`,
    "/admin/segnalazioni",
    `/admin/segnalazioni/${report.id}`,
    "/admin/registro-attivita",
  ];
  posts = [
    `/admin/domande/${application.id}/prendi-in-carico`,
    `/admin/domande/${application.id}/approva`,
    `/admin/domande/${application.id}/richiedi-integrazioni`,
    `/admin/domande/${application.id}/respingi`,
    `/admin/imprese/${org.id}/verifica`,
    `/admin/imprese/${org.id}/sospendi`,
    `/admin/imprese/${org.id}/riattiva`,
    `/admin/misure/${measure.id}/classifica`,
    `/admin/segnalazioni/${report.id}`,
  ];
  staffGets = ["/admin/utenti"];
  staffPosts = ["/admin/utenti", `/admin/utenti/${reviewer.id}`];
  agents.anonymous = request.agent(ctx.app);
  agents.company = await loggedInAgent(ctx.app, company.email, TEST_PASSWORD);
  agents.reviewer = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
  agents.admin = await loggedInAgent(ctx.app, admin.email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

const expected = {
  anonymous: { review: 303, staff: 303 },
  company: { review: 403, staff: 403 },
  reviewer: { review: 200, staff: 403 },
  admin: { review: 200, staff: 200 },
} as const;

describe.each(Object.keys(expected) as (keyof typeof expected)[])("as %s", (who) => {
  it("GET of every /admin page", async () => {
    for (const [paths, area] of [
      [gets, "review"],
      [staffGets, "staff"],
    ] as const) {
      for (const path of paths) {
        const res = await agents[who]!.get(path);
        expect(res.status, path).toBe(expected[who][area]);
        if (res.status === 303) expect(res.headers.location, path).toBe(`/accedi?torna=${encodeURIComponent(path)}`);
      }
    }
  });

  it("POST to every /admin action (empty form: allowed roles get past the check)", async () => {
    const token = await tokenFor(agents[who]!, who === "anonymous" ? "/accedi" : "/");
    for (const [paths, area] of [
      [posts, "review"],
      [staffPosts, "staff"],
    ] as const) {
      for (const path of paths) {
        const res = await agents[who]!.post(path).type("form").send({ _csrf: token });
        const allowed = expected[who][area] === 200;
        if (allowed) expect([303, 400, 404, 409, 422], path).toContain(res.status);
        else expect(res.status, path).toBe(expected[who][area]);
        if (res.status === 303 && !allowed) expect(res.headers.location, path).toBe("/accedi");
      }
    }
  });
});

it("refuses an /admin POST without CSRF token even to an admin", async () => {
  expect((await agents.admin!.post(posts[0]!).type("form").send({})).status).toBe(403);
});

it("answers odd ids with 404, never 500", async () => {
  for (const path of [
    "/admin/domande/abc",
    "/admin/domande/99999999999",
    "/admin/imprese/0",
    "/admin/segnalazioni/-1",
    "/admin/domande/1.5",
  ]) {
    expect((await agents.admin!.get(path)).status, path).toBe(404);
  }
  const token = await tokenFor(agents.admin!, "/admin");
  expect(
    (await agents.admin!.post("/admin/misure/99999999999/classifica").type("form").send({ _csrf: token })).status,
  ).toBe(404);
  expect(
    (await agents.admin!.post("/admin/utenti/abc").type("form").send({ _csrf: token, role: "ADMIN" })).status,
  ).toBe(404);
});
