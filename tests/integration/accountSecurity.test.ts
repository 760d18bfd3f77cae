import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, postForm, signedUpCompany } from "../helpers/companyAgent.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { fieldError, t } from "../helpers/catalogue.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// OWASP ASVS 5.0 L2, chapter 7 (sessions): a session does not outlive the
// password or the address it was opened with; pages behind a login are not kept.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
});
afterAll(() => ctx?.db.close());

/** Whether the agent's session is still signed in (the company area answers, not the login page). */
const signedIn = async (agent: request.Agent) => (await agent.get("/impresa")).status === 200;

describe("sessions end with the credentials they were opened with", () => {
  it("a password reset ends every session, and the user is told by e-mail", async () => {
    const email = "reset-sessioni@example.org";
    const stolen = await signedUpCompany(ctx, email);
    expect(await signedIn(stolen)).toBe(true);
    await postForm(request.agent(ctx.app), "/password-dimenticata", "/password-dimenticata", { email });
    const link = linkIn((await lastMailTo(ctx.db.prisma, email)).text);
    const owner = request.agent(ctx.app);
    const reset = await postForm(owner, link, link, { password: "Nuova-password-lunga-9" });
    expect(reset.status).toBe(200);
    expect(await ctx.db.prisma.userToken.count({ where: { purpose: "RESET_PASSWORD", usedAt: null } })).toBe(0);
    expect(await signedIn(stolen)).toBe(false);
    expect((await lastMailTo(ctx.db.prisma, email)).subject).toBe(t("accounts.mail.passwordReset.subject"));
  });

  it("a password reset also clears the delays someone guessing the address earned", async () => {
    const email = "reset-ritardi@example.org";
    await signedUpCompany(ctx, email);
    const guess = () => postForm(request.agent(ctx.app), "/accedi", "/accedi", { email, password: "sbagliata" });
    for (let i = 0; i < 5; i++) await guess();
    expect((await guess()).status).toBe(429);
    await postForm(request.agent(ctx.app), "/password-dimenticata", "/password-dimenticata", { email });
    const link = linkIn((await lastMailTo(ctx.db.prisma, email)).text);
    await postForm(request.agent(ctx.app), link, link, { password: "Nuova-password-lunga-8" });
    const login = await postForm(request.agent(ctx.app), "/accedi", "/accedi", {
      email,
      password: "Nuova-password-lunga-8",
    });
    expect(login.status).toBe(303);
  });

  it("a password change ends the other sessions and keeps the one that changed it", async () => {
    const email = "cambio-password@example.org";
    const here = await signedUpCompany(ctx, email);
    const elsewhere = request.agent(ctx.app);
    await postForm(elsewhere, "/accedi", "/accedi", { email, password: PASSWORD });
    expect(await signedIn(elsewhere)).toBe(true);
    const changed = await postForm(here, "/account", "/account/password", {
      currentPassword: PASSWORD,
      newPassword: "Un-altra-password-lunga-2",
    });
    expect(changed.status).toBe(303);
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(elsewhere)).toBe(false);
  });

  it("a new e-mail address ends the other sessions and the old address is told", async () => {
    const email = "vecchio-indirizzo@example.org";
    const here = await signedUpCompany(ctx, email);
    const elsewhere = request.agent(ctx.app);
    await postForm(elsewhere, "/accedi", "/accedi", { email, password: PASSWORD });
    await postForm(here, "/account", "/account/email", {
      emailPassword: PASSWORD,
      email: "nuovo-indirizzo@example.org",
    });
    const link = linkIn((await lastMailTo(ctx.db.prisma, "nuovo-indirizzo@example.org")).text);
    await here.get(link).expect(200);
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(elsewhere)).toBe(false);
    const notice = await lastMailTo(ctx.db.prisma, email);
    expect(notice.subject).toBe(t("accounts.mail.emailChanged.subject"));
    expect(notice.text).toContain("nuovo-indirizzo@example.org");
  });
});

describe("the ADMIN-only rules", () => {
  it("hold inside the services too, not only in the routers", async () => {
    const reviewer = await ctx.db.prisma.user.create({
      data: { email: "solo-revisore@example.org", name: "Solo Revisore", passwordHash: "", role: "REVIEWER" },
    });
    const actor = { id: reviewer.id, name: reviewer.name, role: reviewer.role };
    const invite = { email: "nuovo-staff@example.org", name: "Nuovo Staff", role: "ADMIN" as const, language: "it" };
    await expect(ctx.services.staff.invite(actor, invite)).rejects.toMatchObject({ status: 403 });
    await expect(ctx.services.staff.update(reviewer.id, actor, { role: "ADMIN", active: true })).rejects.toMatchObject({
      status: 403,
    });
    await expect(ctx.services.twoFactor.reset(actor, reviewer.id)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.prisma.user.count({ where: { email: "nuovo-staff@example.org" } })).toBe(0);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })).role).toBe("REVIEWER");
  });
});

describe("passwords", () => {
  it("refuses one of the passwords everybody tries first, beside the field, and keeps the rest typed", async () => {
    const agent = request.agent(ctx.app);
    const res = await postForm(agent, "/registrati", "/registrati", {
      name: "Pia Prudente",
      email: "pia@example.org",
      password: "Password123",
      privacy: "1",
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("password", "validation.commonPassword"));
    expect(res.text).toContain('value="pia@example.org"');
    expect(await ctx.db.prisma.user.count({ where: { email: "pia@example.org" } })).toBe(0);
  });
});

describe("reset links and invitations", () => {
  it("are limited per address named (5 an hour), whoever asks, and the same for unknown addresses", async () => {
    const email = "casella-piena@example.org";
    await signedUpCompany(ctx, email);
    const ask = (address: string) =>
      postForm(request.agent(ctx.app), "/password-dimenticata", "/password-dimenticata", { email: address });
    for (let i = 0; i < 5; i++) expect((await ask(email)).status).toBe(200);
    expect((await ask(email)).status).toBe(429);
    expect(
      await ctx.db.prisma.outboxMessage.count({ where: { to: email, subject: t("accounts.mail.reset.subject") } }),
    ).toBe(5);
    for (let i = 0; i < 5; i++) await ask("nessuno-qui@example.org");
    expect((await ask("nessuno-qui@example.org")).status).toBe(429);
    // Another address is not held back.
    expect((await ask("altra-casella@example.org")).status).toBe(200);
  });
});

describe("a login's lifetime", () => {
  it("ends SESSION_MAX_HOURS (12) after the login however active the session, the idle limit aside", async () => {
    const email = "dodici-ore@example.org";
    const agent = await signedUpCompany(ctx, email);
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const ago = (hours: number) => Date.now() - hours * 3_600_000;
    const loginAt = (at: number) =>
      ctx.db.prisma
        .$executeRaw`UPDATE "session" SET sess = jsonb_set(sess::jsonb, '{loginAt}', to_jsonb(${at}::bigint))::json
        WHERE sess -> 'passport' ->> 'user' = ${String(user.id)}`;
    await loginAt(ago(11.5));
    expect(await signedIn(agent)).toBe(true);
    await loginAt(ago(12.5));
    expect(await signedIn(agent)).toBe(false);
    expect(ctx.config.sessionMaxMs).toBe(12 * 3_600_000);
  });
});

describe("pages behind a login", () => {
  it("are sent with Cache-Control: no-store; public pages for visitors are not", async () => {
    const agent = await signedUpCompany(ctx, "no-store@example.org");
    for (const path of ["/impresa", "/account", "/"]) {
      expect((await agent.get(path)).headers["cache-control"], path).toBe("no-store");
    }
    expect((await request(ctx.app).get("/")).headers["cache-control"]).not.toBe("no-store");
  });
});

describe("the language switch", () => {
  it("only ever links to a path of this site, whatever address was asked", async () => {
    for (const path of ["/.//evil.example/x", "/%2e//evil.example/", "/registro/.//evil.example"]) {
      const page = await request(ctx.app).get(path);
      const hrefs = [...page.text.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.filter((h) => h.includes("lang=")).length, path).toBeGreaterThan(0);
      // "//evil.example/…" would be another site; "/registro//evil.example" is still a path of this one.
      for (const href of hrefs) expect(href, `${path}: ${href}`).not.toMatch(/^\/\/|^\/\\/);
    }
  });
});
