// Scale out: two instances of the application on one database, as behind a load
// balancer without sticky sessions. Each instance is its own createApp with its
// own connection pool (its own services, session store and rate limiters), so
// nothing in one process's memory can help the other: whatever works across them
// works because it lives in PostgreSQL (sessions, CSRF secrets in the session,
// login failures, rate-limit counters, data).
import request from "supertest";
import { inHtml, t } from "../helpers/catalogue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/app.js";
import { connect, type Database } from "../../src/db/database.js";
import { hashPassword } from "../../src/services/accounts/passwords.js";
import { nextVatNumber } from "../factories/organizationFactory.js";
import { completeOrganization, PASSWORD, signedUpCompany } from "../helpers/companyAgent.js";
import { csrfFrom, withCookies } from "../helpers/csrf.js";
import { createTestContext, type TestContext, buildApp } from "../helpers/testApp.js";

let ctx: TestContext;
let secondDb: Database;
let a: ReturnType<typeof createApp>;
let b: ReturnType<typeof createApp>;

const roomy = { windowMs: 60_000, limit: 1000 };
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: { login: roomy, publicForms: roomy } });
  // The embedded PGlite serves one connection: there both instances share its pool.
  secondDb = ctx.db.kind === "server" ? connect(ctx.db.connectionString, 5, "server", async () => {}) : ctx.db;
  a = ctx.app;
  b = buildApp(ctx.config, secondDb).app;
  await ctx.db.prisma.user.create({
    data: {
      email: "doppia@example.org",
      name: "Doppia Istanza",
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
    },
  });
});
afterAll(async () => {
  if (secondDb && secondDb !== ctx.db) await secondDb.close();
  await ctx?.db.close();
});

function sessionCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const cookie = cookies.find((c) => c.startsWith("rwb.sid="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]!;
}

async function loginOn(app: ReturnType<typeof createApp>, email: string, password: string, cookie?: string) {
  const form = request(app).get("/accedi");
  const page = cookie ? await form.set("Cookie", cookie) : await form;
  const jar = withCookies(page, cookie);
  const res = await request(app)
    .post("/accedi")
    .set("Cookie", jar)
    .type("form")
    .send({ _csrf: csrfFrom(page.text), email, password });
  return res;
}

describe("two instances on one database", () => {
  it("keeps a user signed in on the other instance with the same cookie, and logs out everywhere", async () => {
    const login = await loginOn(a, "doppia@example.org", PASSWORD);
    expect(login.status).toBe(303);
    const cookie = sessionCookie(login);

    const onB = await request(b).get("/").set("Cookie", cookie);
    expect(onB.status).toBe(200);
    expect(onB.text).toContain("Doppia Istanza");
    const accountOnB = await request(b).get("/account").set("Cookie", cookie);
    expect(accountOnB.status).toBe(200);

    // Log out on B with the CSRF token of a page rendered by A: signed with the key every instance shares.
    const pageOnA = await request(a).get("/").set("Cookie", cookie);
    const out = await request(b)
      .post("/esci")
      .set("Cookie", withCookies(pageOnA, cookie))
      .type("form")
      .send({ _csrf: csrfFrom(pageOnA.text) });
    expect(out.status).toBe(303);
    const afterOnA = await request(a).get("/account").set("Cookie", cookie);
    expect(afterOnA.status).toBe(303);
    expect(afterOnA.headers.location).toMatch(/^\/accedi/);
  });

  it("shows on one instance a form submitted on the other", async () => {
    const agentOnA = await signedUpCompany(ctx, "forma@example.org", "Fabio Forma");
    const cookie = (
      await agentOnA.jar.getCookie("rwb.sid", { domain: "127.0.0.1", path: "/", script: false, secure: false })
    )?.toValueString();
    expect(cookie).toBeTruthy();
    // The form is rendered by A, posted to B.
    const formOnA = await request(a).get("/impresa/organizzazione").set("Cookie", cookie!);
    expect(formOnA.status).toBe(200);
    const saved = await request(b)
      .post("/impresa/organizzazione")
      .set("Cookie", withCookies(formOnA, cookie))
      .type("form")
      .send({
        _csrf: csrfFrom(formOnA.text),
        ...completeOrganization(nextVatNumber()),
        name: "Officine Bistanza S.r.l.",
        version: "",
      });
    expect(saved.status).toBe(303);
    // A sees what B stored.
    const againOnA = await request(a).get("/impresa/organizzazione").set("Cookie", cookie!);
    expect(againOnA.text).toContain('value="Officine Bistanza S.r.l."');
  });

  it("counts failed logins of one account across instances and slows it down on both", async () => {
    await ctx.db.prisma.user.create({
      data: {
        email: "alterna@example.org",
        name: "Alterna",
        passwordHash: await hashPassword(PASSWORD),
        emailVerifiedAt: new Date(),
      },
    });
    // Five failures in all, alternating instances: no instance alone saw five.
    for (const app of [a, b, a, b, a])
      expect((await loginOn(app, "alterna@example.org", "sbagliata")).status).toBe(401);
    for (const app of [a, b]) {
      const right = await loginOn(app, "alterna@example.org", PASSWORD);
      expect(right.status).toBe(429);
      expect(right.text).toContain(inHtml(t("accounts.login.failure.throttled", "it", { count: 1 })));
    }
  });

  it("shares the login rate limit: past the limit on both instances together, both answer 429", async () => {
    const limited = await createTestContext({
      rateLimits: { login: { windowMs: 60_000, limit: 4 }, publicForms: { windowMs: 60_000, limit: 4 } },
    });
    const otherDb =
      limited.db.kind === "server" ? connect(limited.db.connectionString, 3, "server", async () => {}) : limited.db;
    try {
      const other = buildApp(limited.config, otherDb).app;
      const statuses: number[] = [];
      for (const app of [limited.app, other, limited.app, other])
        statuses.push((await loginOn(app, "nessuno@example.org", "x")).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      expect((await loginOn(other, "nessuno@example.org", "x")).status).toBe(429);
      expect((await loginOn(limited.app, "nessuno@example.org", "x")).status).toBe(429);
    } finally {
      if (otherDb !== limited.db) await otherDb.close();
      await limited.db.close();
    }
  });
});
