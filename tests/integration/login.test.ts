import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/services/accounts/passwords.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";
import { csrfFrom, withCookies } from "../helpers/csrf.js";
import { inHtml, t } from "../helpers/catalogue.js";
import { completeSecondStep, enrolThroughPage } from "../helpers/login.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  const passwordHash = await hashPassword("Password-lunga-123");
  await ctx.db.prisma.user.createMany({
    data: [
      { email: "rita@example.org", name: "Rita Rossi", passwordHash, emailVerifiedAt: new Date() },
      { email: "nuovo@example.org", name: "Non Verificato", passwordHash },
      { email: "blocco@example.org", name: "Da Bloccare", passwordHash, emailVerifiedAt: new Date() },
      { email: "confronto@example.org", name: "Da Confrontare", passwordHash, emailVerifiedAt: new Date() },
      { email: "staff@example.org", name: "Staff", passwordHash, role: "REVIEWER", emailVerifiedAt: new Date() },
    ],
  });
});
afterAll(() => ctx?.db.close());

/** Logs in from `/accedi`, or from `/accedi?torna=<returnTo>` posting the hidden field as the page filled it. */
async function attempt(agent: request.Agent, email: string, password: string, returnTo?: string) {
  const form = await agent.get(returnTo ? `/accedi?torna=${encodeURIComponent(returnTo)}` : "/accedi");
  const kept = form.text.match(/<input type="hidden" name="returnTo" value="([^"]*)">/)?.[1];
  expect(kept).toBe(returnTo ?? "");
  return agent
    .post("/accedi")
    .type("form")
    .send({ _csrf: csrfFrom(form.text), email, password, ...(returnTo ? { returnTo: kept } : {}) });
}

describe("/accedi", () => {
  it("logs in with a new session id and sends companies to their area", async () => {
    const agent = request.agent(ctx.app);
    // A session exists from the login on, never before it (see "CSRF before login" below).
    await agent.get("/registro").set("Cookie", "rwb.sid=planted-by-someone-else");
    const form = await agent.get("/accedi");
    const res = await agent
      .post("/accedi")
      .type("form")
      .send({ _csrf: csrfFrom(form.text), email: " RITA@example.org ", password: "Password-lunga-123" });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/impresa");
    const after = String(res.headers["set-cookie"]).match(/rwb\.sid=([^;]+)/)?.[1];
    expect(after).toBeDefined();
    expect(after).not.toBe("planted-by-someone-else");
    expect(String(res.headers["set-cookie"])).toMatch(/HttpOnly/i);
    expect(String(res.headers["set-cookie"])).toMatch(/SameSite=Lax/i);
    const home = await agent.get("/");
    expect(home.text).toContain("Rita Rossi");
  });

  it("sends staff, after the second factor, to the back office or back where they were going", async () => {
    const email = "staff@example.org";
    const first = request.agent(ctx.app);
    expect((await attempt(first, email, "Password-lunga-123")).headers.location).toBe("/account/due-fattori");
    expect((await enrolThroughPage(first, email)).text).toContain('href="/admin"');
    const cases: [string | undefined, string][] = [
      [undefined, "/admin"],
      ["/registro?q=x", "/registro?q=x"],
      ["//evil.example", "/admin"],
    ];
    for (const [returnTo, destination] of cases) {
      const agent = request.agent(ctx.app);
      expect((await attempt(agent, email, "Password-lunga-123", returnTo)).headers.location).toBe("/accedi/codice");
      expect((await completeSecondStep(agent, "/accedi/codice", email))?.headers.location, returnTo).toBe(destination);
    }
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const unknown = await attempt(request.agent(ctx.app), "nessuno@example.org", "Password-lunga-123");
    const wrong = await attempt(request.agent(ctx.app), "rita@example.org", "sbagliata");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.text).toContain("Indirizzo email o password non corretti.");
    expect(wrong.text).toContain("Indirizzo email o password non corretti.");
    expect(wrong.text).toContain('value="rita@example.org"');
  });

  it("asks unverified users to confirm their e-mail first", async () => {
    const res = await attempt(request.agent(ctx.app), "nuovo@example.org", "Password-lunga-123");
    expect(res.status).toBe(401);
    expect(res.text).toContain("conferma il tuo indirizzo email");
  });

  it("slows down guesses at one address with progressive delays, never a lockout of its owner", async () => {
    // Five wrong passwords from this client: the sixth attempt waits, even with the right password.
    for (let i = 0; i < 5; i++)
      expect((await attempt(request.agent(ctx.app), "blocco@example.org", "sbagliata")).status).toBe(401);
    const slowed = await attempt(request.agent(ctx.app), "blocco@example.org", "Password-lunga-123");
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers["retry-after"])).toBeGreaterThan(0);
    expect(slowed.text).toContain(inHtml(t("accounts.login.failure.throttled", "it", { count: 1 })));
    // Its owner, from another place, is not kept out.
    const owner = await ctx.services.auth.authenticate("blocco@example.org", "Password-lunga-123", "203.0.113.9");
    expect(owner.ok).toBe(true);
    // Every login of a known account is in the activity log.
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "blocco@example.org" } });
    const actions = await ctx.db.prisma.auditEntry.findMany({
      where: { entityType: "User", entityId: String(user.id) },
    });
    expect(actions.filter((a) => a.action === "user.loginFailed")).toHaveLength(5);
    expect(actions.filter((a) => a.action === "user.loginThrottled")).toHaveLength(1);
    expect(actions.filter((a) => a.action === "user.login")).toHaveLength(1);
  });

  it("answers a known and an unknown address byte for byte alike, also once slowed down", async () => {
    const answer = async (email: string) => {
      const res = await attempt(request.agent(ctx.app), email, "sbagliata");
      return { status: res.status, body: res.text.replace(/value="[^"]*"/g, "") };
    };
    for (let i = 0; i < 6; i++) {
      const [known, unknown] = [await answer("confronto@example.org"), await answer("mai-vista@example.org")];
      expect(unknown).toEqual(known);
    }
    expect((await answer("mai-vista@example.org")).status).toBe(429);
  });

  it("counts every one of 30 wrong passwords tried in parallel", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        ctx.services.auth.authenticate("parallelo@example.org", "sbagliata", "198.51.100.7"),
      ),
    );
    const refused = outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
    const slowed = outcomes.filter((o) => !o.ok && o.reason === "throttled").length;
    expect(refused + slowed).toBe(30);
    // Every password checked and refused is counted, under both keys: no increment lost to a race.
    const rows = await ctx.db.prisma.loginThrottle.findMany({ where: { key: { contains: "parallelo@example.org" } } });
    expect(rows.map((r) => r.failures)).toEqual([refused, refused]);
    expect(refused).toBeGreaterThanOrEqual(5);
  });

  it("validates the form with 422, messages beside the fields and the e-mail kept", async () => {
    const agent = request.agent(ctx.app);
    const form = await agent.get("/accedi");
    const res = await agent
      .post("/accedi")
      .type("form")
      .send({ _csrf: csrfFrom(form.text), email: "non-una-email", password: "" });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    expect(res.text).toContain("Scrivi un indirizzo email valido");
    expect(res.text).toContain("Questo campo è obbligatorio.");
    expect(res.text).toContain('value="non-una-email"');
  });

  it("refuses a login without CSRF token", async () => {
    const res = await request(ctx.app)
      .post("/accedi")
      .type("form")
      .send({ email: "rita@example.org", password: "Password-lunga-123" });
    expect(res.status).toBe(403);
  });

  it("logs out with a POST that destroys the session", async () => {
    const agent = request.agent(ctx.app);
    await attempt(agent, "rita@example.org", "Password-lunga-123");
    const home = await agent.get("/");
    const sessions = await ctx.db.prisma.session.count();
    const out = await agent
      .post("/esci")
      .type("form")
      .send({ _csrf: csrfFrom(home.text) });
    expect(out.status).toBe(303);
    expect((await agent.get("/")).text).not.toContain("Rita Rossi");
    expect(await ctx.db.prisma.session.count()).toBe(sessions - 1);
  });
});

describe("login rate limit", () => {
  it("answers 429 past the limit, counted in PostgreSQL", async () => {
    const limited = await createTestContext({
      rateLimits: { login: { windowMs: 60_000, limit: 3 }, publicForms: { windowMs: 60_000, limit: 3 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await attempt(request.agent(limited.app), "x@example.org", "y")).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(await limited.db.prisma.rateLimitHit.count()).toBe(1);
    } finally {
      await limited.db.close();
    }
  });
});

describe("CSRF before login", () => {
  const credentials = { email: "rita@example.org", password: "Password-lunga-123" };

  it("opening a form page writes no session row: the token is a signed cookie", async () => {
    const before = await ctx.db.prisma.session.count();
    for (const path of ["/accedi", "/registrati", "/password-dimenticata", "/consulenza"]) {
      const page = await request(ctx.app).get(path);
      expect(page.status, path).toBe(200);
      expect(csrfFrom(page.text)).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{64}$/);
      const set = String(page.headers["set-cookie"]);
      expect(set, path).not.toMatch(/rwb\.sid=/);
      expect(set, path).toMatch(/^rwb\.csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    }
    expect(await ctx.db.prisma.session.count()).toBe(before);
  });

  it("refuses a post without the cookie, with another visitor's cookie or with an unsigned pair", async () => {
    const mine = await request(ctx.app).get("/accedi");
    const theirs = await request(ctx.app).get("/accedi");
    const post = (cookie: string | undefined, token: string) => {
      const req = request(ctx.app).post("/accedi").type("form");
      return (cookie ? req.set("Cookie", cookie) : req).send({ _csrf: token, ...credentials });
    };
    expect((await post(undefined, csrfFrom(mine.text))).status).toBe(403);
    expect((await post(withCookies(theirs), csrfFrom(mine.text))).status).toBe(403);
    const unsigned = `${"0".repeat(64)}.${"1".repeat(64)}`;
    expect((await post(`rwb.csrf=${unsigned}`, unsigned)).status).toBe(403);
    const sessions = await ctx.db.prisma.session.count();
    expect((await post(withCookies(mine), csrfFrom(mine.text))).status).toBe(303);
    expect(await ctx.db.prisma.session.count()).toBe(sessions + 1);
  });

  it("binds the token to the session once signed in: the one from before the login is refused after it", async () => {
    const agent = request.agent(ctx.app);
    const form = await agent.get("/accedi");
    const before = csrfFrom(form.text);
    await agent
      .post("/accedi")
      .type("form")
      .send({ _csrf: before, ...credentials })
      .expect(303);
    expect((await agent.post("/esci").type("form").send({ _csrf: before })).status).toBe(403);
    const page = await agent.get("/account");
    expect(csrfFrom(page.text)).not.toBe(before);
    expect(
      (
        await agent
          .post("/esci")
          .type("form")
          .send({ _csrf: csrfFrom(page.text) })
      ).status,
    ).toBe(303);
  });
});
