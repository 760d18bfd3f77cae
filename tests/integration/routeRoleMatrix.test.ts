// Route × role matrix: every route of the application, enumerated from the Express
// router stack (so routes added later are covered without touching this file),
// requested by six visitors: anonymous, company A, company B, reviewer, admin and
// a local authority (the demo's, for Casalecchio di Reno).
// `:params` are filled with real ids/slugs of company A's data (demo data + A).
//
// Expectations, by path prefix (first match wins):
//
// | prefix                                            | anonymous     | company A / B          | reviewer | admin | local authority |
// | ------------------------------------------------- | ------------- | ---------------------- | -------- | ----- | --------------- |
// | /admin/utenti, /admin/enti, /admin/impostazioni/* | 303 → /accedi | 403                    | 403      | ok    | 403             |
// | /admin/rapporti/:anno/(pubblica|ritira)           | 303 → /accedi | 403                    | 403      | ok    | 403             |
// | /admin/* (news: /admin/notizie/*)                 | 303 → /accedi | 403                    | ok       | ok    | 403             |
// | /impresa/*                                        | 303 → /accedi | ok (B on A's: 404/403) | 403      | 403   | 403             |
// | /ente/*                                           | 303 → /accedi | 403                    | 403      | 403   | ok              |
// | /account*                                         | 303 → /accedi | ok                     | ok       | ok    | ok              |
// | /accedi/codice* (login's second step)             | 303 → /accedi | 303 onward             | 303      | 303   | 303             |
// | token links (/verifica-email/:token, /reimposta-password/:token, /invito/:token, /eventi/annulla/:token, /avvisi/{conferma,disiscrizione}/:token) | any non-5xx for all |
// | everything else (public)                          | 200           | 200                    | 200      | 200   | 200             |
//
// "ok" (GET) = 200, or 404 when no record of that kind exists to fill the param,
// or a 303 within the same area / 409 (a page that depends on the state of the
// entry, e.g. editing while a change awaits review). Public "200" also allows a
// 303 onward (a confirmation page reached directly) and 429 on /api/ (its own limit).
// POST: every visitor who is refused on GET is refused on POST too (403, or 303 to
// /accedi for anonymous) with a valid CSRF token; nothing is ever a 5xx.
// Company B never reads company A's records: on A's parametrized company-area
// routes B gets 404/403 and none of A's names appear.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed/demoData.js";
import { DEMO_LOCAL_AUTHORITY_EMAIL } from "../../src/db/seed/demoLocalAuthority.js";
import { hashPassword } from "../../src/services/accounts/passwords.js";
import { csrfFrom } from "../helpers/csrf.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

type Role = "anonymous" | "companyA" | "companyB" | "reviewer" | "admin" | "localAuthority";
const ROLES: Role[] = ["anonymous", "companyA", "companyB", "reviewer", "admin", "localAuthority"];
const PASSWORD = "Password-lunga-123";
const COMPANY_A = "impresa.lunaria@demo.invalid";
const COMPANY_B = "impresa.glicine@demo.invalid";

interface Route {
  method: "get" | "post";
  path: string;
}

/** Every route of the app: Express 5 keeps them in app.router.stack, nested routers in layer.handle.stack. */
export function enumerateRoutes(app: unknown): Route[] {
  const routes: Route[] = [];
  type Layer = {
    route?: { path: string | string[]; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    rawPath?: unknown;
  };
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const method of Object.keys(layer.route.methods)) {
            if (method === "get" || method === "post") routes.push({ method, path: normalize(prefix + path) });
          }
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack, "");
  const seen = new Set<string>();
  return routes.filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const normalize = (path: string) => (path.length > 1 ? path.replace(/\/$/, "") : path);

type Access = "adminOnly" | "staff" | "company" | "localAuthority" | "signedIn" | "token" | "secondStep" | "public";
function accessOf(path: string): Access {
  if (/^\/accedi\/codice/.test(path)) return "secondStep";
  if (/^\/admin\/(utenti|enti|impostazioni)(\/|$)/.test(path)) return "adminOnly";
  // Publishing a monitoring report is an admin's; writing it, any staff member's.
  if (/^\/admin\/rapporti\/:anno\/(pubblica|ritira)$/.test(path)) return "adminOnly";
  if (/^\/admin(\/|$)/.test(path)) return "staff";
  if (/^\/impresa(\/|$)/.test(path)) return "company";
  if (/^\/ente(\/|$)/.test(path)) return "localAuthority";
  if (/^\/account(\/|$)/.test(path)) return "signedIn";
  if (/:token/.test(path)) return "token";
  return "public";
}

function allowed(access: Access, role: Role): boolean {
  switch (access) {
    case "adminOnly":
      return role === "admin";
    case "staff":
      return role === "reviewer" || role === "admin";
    case "company":
      return role === "companyA" || role === "companyB";
    case "localAuthority":
      return role === "localAuthority";
    case "signedIn":
    case "secondStep":
      return role !== "anonymous";
    default:
      return true;
  }
}

let ctx: TestContext;
const agents = {} as Record<Role, request.Agent>;
const values = new Map<string, string>();
/** Params filled with a real record (the allowed roles must get 200, not 404). */
const realParams = new Set<string>();
let aNames: string[] = [];
let orgAId = 0;
let routes: Route[] = [];

beforeAll(async () => {
  const roomy = { windowMs: 60_000, limit: 10_000 };
  ctx = await createTestContext({ rateLimits: { login: roomy, publicForms: roomy } });
  await seedDemoData(ctx.db.prisma);
  const prisma = ctx.db.prisma;
  const passwordHash = await hashPassword(PASSWORD);
  await prisma.user.updateMany({
    where: { email: { in: [COMPANY_A, COMPANY_B, DEMO_LOCAL_AUTHORITY_EMAIL] } },
    data: { passwordHash, emailVerifiedAt: new Date() },
  });
  await prisma.user.createMany({
    data: [
      {
        email: "revisore.matrice@example.org",
        name: "Revisore Matrice",
        passwordHash,
        role: "REVIEWER",
        emailVerifiedAt: new Date(),
      },
      {
        email: "admin.matrice@example.org",
        name: "Admin Matrice",
        passwordHash,
        role: "ADMIN",
        emailVerifiedAt: new Date(),
      },
      // The staff member /admin/utenti/:id stands for: no agent logs in as them (a reset signs them out).
      { email: "riserva.matrice@example.org", name: "Riserva Matrice", passwordHash, role: "REVIEWER" },
    ],
  });
  const userA = await prisma.user.findUniqueOrThrow({ where: { email: COMPANY_A }, include: { organization: true } });
  const orgA = userA.organization!;
  aNames = [orgA.name];
  orgAId = orgA.id;

  // Values for :params, from A's data where a table is tied to an organization.
  // A failing query throws and a missing record fails here: a stand-in id would
  // turn a broken query into a 404 the matrix accepts.
  const optional = async (sql: string, ...args: unknown[]): Promise<string | undefined> => {
    const rows = await prisma.$queryRawUnsafe<{ v: unknown }[]>(sql, ...args);
    return rows[0]?.v === undefined || rows[0]?.v === null ? undefined : String(rows[0].v);
  };
  const first = async (sql: string, ...args: unknown[]): Promise<string> => {
    const value = await optional(sql, ...args);
    if (value === undefined) throw new Error(`The demo data has no record for the matrix: ${sql}`);
    return value;
  };
  /** `value` is a record of A's (or the only kind there is); `fallback` stands in when there is none. */
  const set = (name: string, value: string | undefined, fallback?: string) => {
    if (value === undefined && fallback === undefined) throw new Error(`No value for :${name}`);
    values.set(name, value ?? fallback!);
    if (value !== undefined) realParams.add(name);
  };
  set("org.slug", orgA.slug);
  set("org.id", String(orgA.id));
  set("user.id", String(userA.id));
  set(
    "staff.id",
    String((await prisma.user.findUniqueOrThrow({ where: { email: "riserva.matrice@example.org" } })).id),
  );
  set(
    "measure.id",
    await first(`SELECT id AS v FROM "Measure" WHERE "organizationId" = $1 ORDER BY id LIMIT 1`, orgA.id),
  );
  // A key of A's measures that B's entry does not also use (keys are per entry, e.g. "m1").
  const orgB = (await prisma.user.findUniqueOrThrow({ where: { email: COMPANY_B } })).organizationId;
  set(
    "measure.key",
    await first(
      `SELECT m->>'key' AS v FROM "Application" a, jsonb_array_elements(a.payload->'measures') m
       WHERE a."organizationId" = $1 AND m->>'key' NOT IN (
         SELECT b->>'key' FROM "Application" x, jsonb_array_elements(x.payload->'measures') b WHERE x."organizationId" = $2)
       ORDER BY a.id DESC LIMIT 1`,
      orgA.id,
      orgB,
    ),
  );
  set(
    "application.id",
    await first(`SELECT id AS v FROM "Application" WHERE "organizationId" = $1 ORDER BY id LIMIT 1`, orgA.id),
  );
  // A network of A's if A is in one (the company area shows only those), any network otherwise.
  const ownNetwork = await optional(
    `SELECT n.slug AS v FROM "Network" n JOIN "NetworkMembership" m ON m."networkId" = n.id WHERE m."organizationId" = $1 AND m.status = 'ACTIVE' LIMIT 1`,
    orgA.id,
  );
  set("company.network.slug", ownNetwork, "rete-inesistente");
  set("network.slug", ownNetwork ?? (await first(`SELECT slug AS v FROM "Network" ORDER BY id LIMIT 1`)));
  set("network.id", await first(`SELECT id AS v FROM "Network" WHERE slug = $1`, values.get("network.slug")));
  set(
    "networkMeasure.id",
    await first(`SELECT id AS v FROM "Measure" WHERE "networkId" IS NOT NULL ORDER BY id LIMIT 1`),
  );
  // An event with people signed up, so that its staff list and public sign-up form are rendered.
  set("event.id", await first(`SELECT "eventId" AS v FROM "EventRegistration" ORDER BY id LIMIT 1`));
  set("event.slug", await first(`SELECT slug AS v FROM "Event" WHERE id = $1`, Number(values.get("event.id"))));
  set("contribution.id", await first(`SELECT id AS v FROM "Contribution" ORDER BY id LIMIT 1`));
  set("advice.id", await first(`SELECT id AS v FROM "AdviceRequest" ORDER BY id LIMIT 1`));
  // The demo data has no problem report: one about A, so that the report pages are reached.
  const report = await prisma.problemReport.create({
    data: { organizationId: orgA.id, message: "Il telefono indicato non risponde." },
  });
  set("report.id", String(report.id));
  // An open goal of A's improvement plan, so that its pages are reached (B must not find it).
  const goal = await prisma.improvementGoal.create({
    data: {
      organizationId: orgA.id,
      kind: "OPEN_TO_CITIZENS",
      description: "Aprire il nido.",
      dueOn: new Date("2027-06-30"),
    },
  });
  set("goal.id", String(goal.id));
  set("pact.id", await first(`SELECT id AS v FROM "PactSignature" ORDER BY id LIMIT 1`));
  // A published item (its public page answers) and any item (the staff's form); a partner of the project.
  set("news.slug", await first(`SELECT slug AS v FROM "NewsItem" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`));
  set("news.id", await first(`SELECT id AS v FROM "NewsItem" WHERE status = 'DRAFT' ORDER BY id LIMIT 1`));
  set("partner.id", await first(`SELECT id AS v FROM "ProjectPartner" ORDER BY id LIMIT 1`));
  set("localAuthority.id", await first(`SELECT id AS v FROM "User" WHERE email = $1`, DEMO_LOCAL_AUTHORITY_EMAIL));
  set(
    "integration.id",
    await first(`SELECT id AS v FROM "ServiceIntegration" WHERE status = 'PROPOSED' ORDER BY id LIMIT 1`),
  );
  // The demo data's published monitoring report (its public page, its PDF, the staff's pages) and one activity.
  set("report.year", await first(`SELECT year AS v FROM "MonitoringReport" WHERE status = 'PUBLISHED' LIMIT 1`));
  set("report.activity", "patto");
  values.set("token", "gettone-inesistente-0123456789");

  agents.anonymous = request.agent(ctx.app);
  agents.companyA = await loggedInAgent(ctx.app, COMPANY_A, PASSWORD);
  agents.companyB = await loggedInAgent(ctx.app, COMPANY_B, PASSWORD);
  agents.reviewer = await loggedInAgent(ctx.app, "revisore.matrice@example.org", PASSWORD);
  agents.admin = await loggedInAgent(ctx.app, "admin.matrice@example.org", PASSWORD);
  agents.localAuthority = await loggedInAgent(ctx.app, DEMO_LOCAL_AUTHORITY_EMAIL, PASSWORD);
  routes = enumerateRoutes(ctx.app);
}, 120_000);
afterAll(() => ctx?.db.close());

/** Which record a :param of a path stands for. */
function paramKind(path: string, param: string): string {
  if (param === "token") return "token";
  if (param === "orgId") return "org.id";
  if (param === "measureId") return "networkMeasure.id";
  if (param === "key") return "measure.key";
  if (param === "goalId") return "goal.id";
  if (param === "anno") return "report.year";
  if (param === "attivita") return "report.activity";
  if (param === "slug" && /^\/impresa\/reti\//.test(path)) return "company.network.slug";
  const table: [RegExp, string, string][] = [
    [/^\/(impresa\/)?reti\//, "network.slug", "network.id"],
    [/^\/admin\/reti\//, "network.slug", "network.id"],
    [/^\/(admin\/)?eventi\//, "event.slug", "event.id"],
    [/^\/admin\/domande\//, "org.slug", "application.id"],
    [/^\/admin\/imprese\//, "org.slug", "org.id"],
    [/^\/admin\/misure\//, "org.slug", "measure.id"],
    [/^\/admin\/segnalazioni\//, "org.slug", "report.id"],
    [/^\/admin\/contributi\//, "org.slug", "contribution.id"],
    [/^\/admin\/consulenze\//, "org.slug", "advice.id"],
    [/^\/admin\/utenti\//, "org.slug", "staff.id"],
    // A's own account: A is refused (409, nobody removes themselves), B does not find it.
    [/^\/impresa\/colleghi\//, "org.slug", "user.id"],
    [/^\/admin\/patto\//, "org.slug", "pact.id"],
    [/^\/(admin\/)?notizie\//, "news.slug", "news.id"],
    [/^\/admin\/impostazioni\/progetto\/partner\//, "org.slug", "partner.id"],
    [/^\/admin\/enti\//, "org.slug", "localAuthority.id"],
    [/^\/admin\/integrazioni\//, "org.slug", "integration.id"],
  ];
  const hit = table.find(([re]) => re.test(path));
  if (param === "slug") return hit?.[1] ?? "org.slug";
  if (param === "id") return hit?.[2] ?? "unknown";
  // A param this table does not know yet (e.g. a file name): filled with a stand-in, 404 is fine.
  return "unknown";
}

function fill(path: string): { url: string; real: boolean } {
  let real = true;
  const url = path.replace(/:(\w+)/g, (_m, param: string) => {
    const kind = paramKind(path, param);
    if (!realParams.has(kind)) real = false;
    return encodeURIComponent(values.get(kind) ?? "999999");
  });
  return { url, real };
}

describe("route × role matrix", () => {
  it("fills the company area's params with A's real records, so that B's refusals mean something", () => {
    expect(realParams.has("measure.key"), `measure key ${values.get("measure.key")}`).toBe(true);
  });

  it("finds the routes of every area in the router stack", () => {
    const paths = routes.map((r) => r.path);
    for (const expected of [
      "/",
      "/registro/:slug",
      "/avvisi",
      "/avvisi/disiscrizione/:token",
      "/accedi",
      "/impresa",
      "/admin",
      "/admin/utenti",
      "/admin/impostazioni",
      "/admin/eventi/:id/iscritti",
      "/admin/eventi/:id/iscritti.csv",
      "/admin/eventi/:id/presenze",
      "/eventi/:slug/iscrizione",
      "/eventi/annulla/:token",
      "/progetto",
      "/notizie",
      "/notizie/:slug",
      "/notizie/feed.xml",
      "/admin/notizie/nuova",
      "/admin/notizie/:id",
      "/admin/notizie/:id/pubblica",
      "/admin/impostazioni/progetto/partner/:id",
      "/admin/enti",
      "/admin/integrazioni",
      "/ente",
      "/ente/imprese",
      "/ente/lacune",
      "/ente/integrazioni/nuova",
      "/admin/rapporti",
      "/admin/rapporti/:anno/:attivita",
      "/admin/rapporti/:anno/pubblica",
      "/statistiche/rapporto/:anno",
      "/statistiche/rapporto/:anno.pdf",
    ]) {
      expect(paths).toContain(expected);
    }
    expect(routes.length).toBeGreaterThan(60);
  });

  it("GET: every route, every role, as the table says, never a 5xx", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method === "get")) {
      const access = accessOf(route.path);
      const { url, real } = fill(route.path);
      for (const role of ROLES) {
        const res = await agents[role].get(url);
        const where = `${role} GET ${url} (${route.path}) → ${res.status}${res.headers.location ? ` ${res.headers.location}` : ""}`;
        if (res.status >= 500) {
          failures.push(`${where}: server error`);
          continue;
        }
        if (access === "token") continue;
        if (access === "secondStep" && role !== "anonymous") {
          // Only a login whose password was just typed stays here; the signed-in go to their area.
          if (res.status !== 303 || /^\/accedi/.test(res.headers.location ?? ""))
            failures.push(`${where}: expected 303 onward`);
          continue;
        }
        if (!allowed(access, role)) {
          const ok =
            role === "anonymous"
              ? res.status === 303 && /^\/accedi/.test(res.headers.location ?? "")
              : res.status === 403;
          if (!ok) failures.push(`${where}: expected ${role === "anonymous" ? "303 → /accedi" : "403"}`);
          continue;
        }
        if (access === "public") {
          // A public page is there for everyone; a confirmation page reached directly sends back
          // to its form (303, never to /accedi); the read-only API has its own, tighter rate limit.
          const onward = res.status === 303 && !/^\/accedi/.test(res.headers.location ?? "");
          const missing = !real && res.status === 404;
          const apiLimit = route.path.startsWith("/api/") && res.status === 429;
          if (res.status !== 200 && !onward && !missing && !apiLimit) failures.push(`${where}: expected 200`);
          continue;
        }
        if (role === "companyB" && access === "company" && /:/.test(route.path)) {
          // A's records: B must not get them.
          if (res.status === 200 && aNames.some((name) => res.text.includes(name)))
            failures.push(`${where}: B sees A's record`);
          if (![403, 404, 303].includes(res.status)) failures.push(`${where}: expected 404/403 for B on A's record`);
          continue;
        }
        // 303 within the area or 409 (e.g. no editing while a change awaits review): the state of
        // the entry decides, not the role.
        const stateful = (res.status === 303 && !/^\/accedi/.test(res.headers.location ?? "")) || res.status === 409;
        const ok = res.status === 200 || stateful || (!real && res.status === 404);
        if (!ok) failures.push(`${where}: expected 200`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("POST: refused roles are refused with a valid CSRF token, and nothing answers 5xx", async () => {
    const tokens = {} as Record<Role, string>;
    // Any page with a form carries the session's token (the header's logout form for signed-in users).
    for (const role of ROLES)
      tokens[role] = csrfFrom((await agents[role].get(role === "anonymous" ? "/accedi" : "/account")).text);
    // What a refused POST must leave as it was: every row of A's, and the activity log.
    const snapshot = async () => {
      const q = async (sql: string) => (await ctx.db.pool.query(sql, [orgAId])).rows;
      return JSON.stringify([
        await q(`SELECT * FROM "Organization" WHERE id = $1`),
        await q(`SELECT * FROM "Application" WHERE "organizationId" = $1 ORDER BY id`),
        await q(`SELECT * FROM "Measure" WHERE "organizationId" = $1 ORDER BY id`),
        await q(`SELECT * FROM "NetworkMembership" WHERE "organizationId" = $1 ORDER BY "networkId"`),
        await q(`SELECT * FROM "PactSignature" WHERE "organizationId" = $1 ORDER BY id`),
        await q(`SELECT id, "organizationId", active, email FROM "User" WHERE "organizationId" = $1 ORDER BY id`),
        (await ctx.db.pool.query(`SELECT count(*)::int AS n FROM "AuditEntry"`)).rows,
      ]);
    };
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method === "post")) {
      const access = accessOf(route.path);
      const { url } = fill(route.path);
      for (const role of ROLES) {
        if (allowed(access, role) && !(role === "companyB" && access === "company" && /:/.test(route.path))) continue;
        const res = await agents[role].post(url).type("form").send({ _csrf: tokens[role] });
        const where = `${role} POST ${url} → ${res.status}${res.headers.location ? ` ${res.headers.location}` : ""}`;
        if (res.status >= 500) failures.push(`${where}: server error`);
        else if (role === "companyB") {
          if (![403, 404, 303, 422].includes(res.status))
            failures.push(`${where}: expected refusal for B on A's record`);
        } else if (role === "anonymous") {
          if (!(res.status === 303 && /^\/accedi/.test(res.headers.location ?? "")))
            failures.push(`${where}: expected 303 → /accedi`);
        } else if (res.status !== 403) failures.push(`${where}: expected 403`);
      }
    }
    expect(failures).toEqual([]);
    // Whatever status a refusal had (a 422 may come before the ownership check), nothing was written.
    expect(await snapshot()).toBe(before);
    // A is still signed in and sees its entry.
    expect((await agents.companyA.get("/impresa")).status).toBe(200);
  }, 120_000);
});
