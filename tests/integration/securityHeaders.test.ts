// Security headers, cookies and session life cycle: what the other suites do not
// already check. Covered elsewhere, not repeated here: CSP without unsafe-inline,
// frame-ancestors, nosniff, no X-Powered-By, no anonymous session
// (foundation.test.ts); new session id at login, same answer for unknown e-mail and
// wrong password, lockout, rate limit, logout via POST (login.test.ts); no
// enumeration at /registrati and /password-dimenticata, single-use reset links
// (accounts.test.ts); lockout and rate limit across instances (scaleOut.test.ts).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/app.js";
import { hashPassword } from "../../src/services/accounts/passwords.js";
import { PASSWORD, postForm } from "../helpers/companyAgent.js";
import { csrfFrom, withCookies } from "../helpers/csrf.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { createTestContext, type TestContext, buildApp } from "../helpers/testApp.js";

let ctx: TestContext;
let production: ReturnType<typeof createApp>;
const roomy = { windowMs: 60_000, limit: 1000 };

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: { login: roomy, publicForms: roomy } });
  // The same app as NODE_ENV=production behind a reverse proxy (TRUST_PROXY=loopback).
  production = buildApp({ ...ctx.config, env: "production", isProduction: true, trustProxy: "loopback" }, ctx.db).app;
  await ctx.db.prisma.user.create({
    data: {
      email: "sicura@example.org",
      name: "Silvia Sicura",
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
    },
  });
});
afterAll(() => ctx?.db.close());

function cookies(res: request.Response): string[] {
  return ([] as string[]).concat(res.headers["set-cookie"] ?? []);
}
function sessionCookie(res: request.Response): string | undefined {
  // "__Host-rwb.sid" in production.
  return cookies(res).find((c) => /^(__Host-)?rwb\.sid=/.test(c));
}

async function login(app: ReturnType<typeof createApp>, https: boolean) {
  const proto = https ? "https" : "http";
  const form = await request(app).get("/accedi").set("X-Forwarded-Proto", proto);
  const jar = withCookies(form);
  return request(app)
    .post("/accedi")
    .set("X-Forwarded-Proto", proto)
    .set("Cookie", jar)
    .type("form")
    .send({ _csrf: csrfFrom(form.text), email: "sicura@example.org", password: PASSWORD });
}

describe("headers", () => {
  it("sends the referrer policy and a CSP that forbids inline scripts, plugins, framing and foreign form targets", async () => {
    const res = await request(ctx.app).get("/registro");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const csp = Object.fromEntries(
      String(res.headers["content-security-policy"])
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    ) as Record<string, string[]>;
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["script-src"]).toEqual(["'self'"]);
    expect(csp["script-src-attr"] ?? ["'none'"]).not.toContain("'unsafe-inline'");
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    // And the pages keep their side of it: no inline script or event handler attribute.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/i);
    expect(res.text).not.toMatch(/\son[a-z]+="/i);
  });

  it("sends HSTS and upgrade-insecure-requests only in production", async () => {
    const dev = await request(ctx.app).get("/");
    expect(dev.headers["strict-transport-security"]).toBeUndefined();
    const prod = await request(production).get("/").set("X-Forwarded-Proto", "https");
    expect(prod.status).toBe(200);
    expect(prod.headers["strict-transport-security"]).toMatch(/max-age=31536000; includeSubDomains/);
    expect(prod.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(prod.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("cookies", () => {
  it("marks the session cookie HttpOnly and SameSite=Lax, not Secure in development", async () => {
    const res = await login(ctx.app, false);
    expect(res.status).toBe(303);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it("adds Secure in production (HTTPS at the reverse proxy), and sends no cookie over plain HTTP", async () => {
    const res = await login(production, true);
    expect(res.status).toBe(303);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    // __Host-: Secure, Path=/, no Domain, so no other host can set or read it.
    expect(cookie).toMatch(/^__Host-rwb\.sid=/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/; Domain=/i);
    const plain = await request(production).get("/accedi").set("X-Forwarded-Proto", "http");
    expect(sessionCookie(plain)).toBeUndefined();
    // The CSRF cookie of the login form, likewise: __Host-, Secure, HttpOnly.
    const form = await request(production).get("/accedi").set("X-Forwarded-Proto", "https");
    const csrf = cookies(form).find((c) => c.startsWith("__Host-rwb.csrf="));
    expect(csrf).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it("marks the language cookie HttpOnly and SameSite=Lax too", async () => {
    const res = await request(production).get("/?lang=en").set("X-Forwarded-Proto", "https");
    const lang = cookies(res).find((c) => c.startsWith("lang="))!;
    expect(lang).toMatch(/; HttpOnly/i);
    expect(lang).toMatch(/; SameSite=Lax/i);
    expect(lang).toMatch(/; Secure/i);
  });
});

describe("session life cycle", () => {
  it("logout destroys the session: its row is gone and the old cookie no longer authenticates", async () => {
    const res = await login(ctx.app, false);
    const cookie = sessionCookie(res)!.split(";")[0]!;
    const sid = decodeURIComponent(cookie.slice("rwb.sid=".length)).replace(/^s:/, "").split(".")[0]!;
    expect(await ctx.db.prisma.session.count({ where: { sid } })).toBe(1);
    const page = await request(ctx.app).get("/account").set("Cookie", cookie);
    expect(page.status).toBe(200);
    const out = await request(ctx.app)
      .post("/esci")
      .set("Cookie", withCookies(page, cookie))
      .type("form")
      .send({ _csrf: csrfFrom(page.text) });
    expect(out.status).toBe(303);
    expect(await ctx.db.prisma.session.count({ where: { sid } })).toBe(0);
    // Replaying the old cookie (e.g. stolen before logout) gets nothing.
    const replay = await request(ctx.app).get("/account").set("Cookie", cookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toMatch(/^\/accedi/);
    expect((await request(ctx.app).get("/").set("Cookie", cookie)).text).not.toContain("Silvia Sicura");
  });

  it("e-mail verification links work once", async () => {
    await postForm(request.agent(ctx.app), "/registrati", "/registrati", {
      name: "Vera Verifica",
      email: "vera@example.org",
      password: PASSWORD,
      privacy: "1",
    });
    const link = linkIn((await lastMailTo(ctx.db.prisma, "vera@example.org")).text);
    expect(link).toMatch(/^\/verifica-email\//);
    expect((await request(ctx.app).get(link)).status).toBe(200);
    const again = await request(ctx.app).get(link);
    expect(again.status).toBe(410);
  });

  it("a forged or altered session cookie is ignored, never an error", async () => {
    const res = await login(ctx.app, false);
    const cookie = sessionCookie(res)!.split(";")[0]!;
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("AAA") ? "BBB" : "AAA");
    for (const value of [tampered, "rwb.sid=s%3Aforged.signature", "rwb.sid=%E0%A4%A", `rwb.sid=${"x".repeat(5000)}`]) {
      const page = await request(ctx.app).get("/account").set("Cookie", value);
      expect(page.status, value.slice(0, 40)).toBe(303);
    }
  });
});
