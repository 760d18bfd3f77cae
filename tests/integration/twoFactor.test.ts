// The second factor (TOTP, RFC 6238) through the real routes: staff cannot reach
// /admin on a password alone, codes are good once, wrong ones are counted and
// slowed down, recovery codes work once, staff are onboarded by invitation and
// set up the app before /admin, an admin resets a reviewer's enrolment (audited),
// company users may turn it on.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import {
  codeAt,
  currentCode,
  nextAppCode,
  nextCode,
  recoveryCodesOnPage,
  secretOnPage,
} from "../helpers/authenticator.js";
import { fieldError, t } from "../helpers/catalogue.js";
import { postForm } from "../helpers/companyAgent.js";
import { csrfFrom } from "../helpers/csrf.js";
import { enrolThroughPage, enrolTwoFactor, loggedInAgent } from "../helpers/login.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { buildApp, createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
});
afterAll(() => ctx?.db.close());

/** A fresh browser that typed the right password: where it was sent. */
async function passwordOnly(email: string) {
  const agent = request.agent(ctx.app);
  const res = await postForm(agent, "/accedi", "/accedi", { email, password: TEST_PASSWORD });
  expect(res.status).toBe(303);
  return { agent, location: res.headers.location as string };
}

/** Posts the second step's form (the app's code, or a recovery code to its own action). */
async function secondStep(agent: request.Agent, fields: { code: string } | { recoveryCode: string }) {
  const page = await agent.get("/accedi/codice");
  const action = "code" in fields ? "/accedi/codice" : "/accedi/codice-di-recupero";
  return agent
    .post(action)
    .type("form")
    .send({ _csrf: csrfFrom(page.text), ...fields });
}

async function enrolledReviewer(name: string) {
  const user = await buildUser(ctx.db.prisma, "REVIEWER", name);
  return { user, ...(await enrolTwoFactor(ctx.services, user)) };
}

const credentialOf = (userId: number) => ctx.db.prisma.twoFactorCredential.findUniqueOrThrow({ where: { userId } });
const sessionCookie = (res: request.Response) => String(res.headers["set-cookie"]).match(/rwb\.sid=([^;]+)/)?.[1];

describe("the second step of the login", () => {
  it("keeps /admin closed on a password alone: its pages lead to the second step, its actions get 403", async () => {
    const admin = await buildUser(ctx.db.prisma, "ADMIN", "Ada Seconda");
    await enrolTwoFactor(ctx.services, admin);
    const { agent, location } = await passwordOnly(admin.email);
    expect(location).toBe("/accedi/codice");
    for (const path of ["/admin", "/admin/domande", "/admin/utenti", "/account"]) {
      const res = await agent.get(path);
      expect([res.status, res.headers.location], path).toEqual([303, "/accedi/codice"]);
    }
    const secondStepPage = await agent.get("/accedi/codice");
    const token = csrfFrom(secondStepPage.text);
    const invite = { _csrf: token, name: "Intruso", email: "intruso@example.org", role: "ADMIN" };
    expect((await agent.post("/admin/utenti").type("form").send(invite)).status).toBe(403);
    expect(await ctx.db.prisma.user.count({ where: { email: "intruso@example.org" } })).toBe(0);

    const passed = await secondStep(agent, nextCode(admin.email));
    expect([passed.status, passed.headers.location]).toEqual([303, "/admin"]);
    // A new session id once both factors passed: an id known before is useless.
    expect(sessionCookie(secondStepPage)).toBeDefined();
    expect(sessionCookie(passed)).toBeDefined();
    expect(sessionCookie(passed)).not.toBe(sessionCookie(secondStepPage));
    expect((await agent.get("/admin")).status).toBe(200);
  });

  it("sends staff without a second factor to set it up, and keeps /admin closed until they do", async () => {
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Rino Senzacodice");
    const { agent, location } = await passwordOnly(reviewer.email);
    expect(location).toBe("/account/due-fattori");
    expect((await agent.get("/admin")).headers.location).toBe("/accedi/codice");
    expect((await agent.get("/accedi/codice")).headers.location).toBe("/account/due-fattori");
    const token = csrfFrom((await agent.get("/account/due-fattori")).text);
    expect((await agent.post("/admin/domande/1/prendi").type("form").send({ _csrf: token })).status).toBe(403);
    // Only the set-up is open: not the rest of the account.
    expect(
      (await agent.post("/account/due-fattori/codici-di-recupero").type("form").send({ _csrf: token })).status,
    ).toBe(403);
  });

  it("refuses a wrong code beside the field and counts it; the right one clears the count", async () => {
    const { user, secret } = await enrolledReviewer("Wanda Sbagliata");
    const { agent } = await passwordOnly(user.email);
    const wrong = codeAt(secret, Math.floor(Date.now() / 30_000) + 20);
    const res = await secondStep(agent, { code: wrong });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("code", "accounts.twoFactor.wrongCode"));
    expect(res.text).toMatch(/autocomplete="one-time-code"/);
    expect(res.text).toMatch(/inputmode="numeric"/);
    expect((await credentialOf(user.id)).failedCodes).toBe(1);
    expect((await agent.get("/admin")).status).toBe(303);
    expect((await secondStep(agent, { code: "12ab" })).text).toMatch(fieldError("code", "validation.oneTimeCode"));

    expect((await secondStep(agent, nextCode(user.email))).status).toBe(303);
    expect((await credentialOf(user.id)).failedCodes).toBe(0);
  });

  it("refuses a code that was used already", async () => {
    const { user } = await enrolledReviewer("Ugo Riuso");
    const code = nextAppCode(user.email);
    const first = await passwordOnly(user.email);
    expect((await secondStep(first.agent, { code })).status).toBe(303);
    const second = await passwordOnly(user.email);
    const again = await secondStep(second.agent, { code });
    expect(again.status).toBe(422);
    expect(again.text).toMatch(fieldError("code", "accounts.twoFactor.wrongCode"));
    expect((await second.agent.get("/admin")).status).toBe(303);
  });

  it("lets a recovery code in once", async () => {
    const { user, recoveryCodes } = await enrolledReviewer("Rosa Recupero");
    expect(recoveryCodes).toHaveLength(10);
    const typed = recoveryCodes[3]!.toLowerCase().replaceAll("-", " ");
    const first = await passwordOnly(user.email);
    expect((await secondStep(first.agent, { recoveryCode: typed })).headers.location).toBe("/admin");
    const account = await first.agent.get("/account/due-fattori");
    expect(account.text).toContain(t("accounts.twoFactor.codesLeft", "it", { count: 9 }));

    const second = await passwordOnly(user.email);
    const again = await secondStep(second.agent, { recoveryCode: recoveryCodes[3]! });
    expect(again.status).toBe(422);
    expect(again.text).toMatch(fieldError("recoveryCode", "accounts.twoFactor.wrongCode"));
  });

  it("makes the sixth wrong code in a row wait, even if it is right", async () => {
    const { user, secret } = await enrolledReviewer("Bruno Bloccato");
    const { agent } = await passwordOnly(user.email);
    const wrong = codeAt(secret, Math.floor(Date.now() / 30_000) + 20);
    for (let i = 1; i <= 5; i++) expect((await secondStep(agent, { code: wrong })).status, `attempt ${i}`).toBe(422);
    const sixth = await secondStep(agent, { code: nextAppCode(user.email) });
    expect(sixth.status).toBe(429);
    expect(sixth.headers["retry-after"]).toBe("60");
    expect(sixth.text).toMatch(fieldError("code", "accounts.twoFactor.wait", { count: 1 }));
    expect((await agent.get("/admin")).status).toBe(303);

    // A minute later (moved back in the database: every instance reads the same row) it is heard again.
    await ctx.db.prisma.twoFactorCredential.update({
      where: { userId: user.id },
      data: { blockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await secondStep(agent, nextCode(user.email))).status).toBe(303);
  });

  it("counts parallel guesses one by one: past the fifth they all wait", async () => {
    const { user, secret } = await enrolledReviewer("Paolo Parallelo");
    const { agent } = await passwordOnly(user.email);
    const token = csrfFrom((await agent.get("/accedi/codice")).text);
    const step = Math.floor(Date.now() / 30_000);
    const guesses = Array.from({ length: 12 }, (_v, i) => codeAt(secret, step + 20 + i));
    const answers = await Promise.all(
      guesses.map((code) => agent.post("/accedi/codice").type("form").send({ _csrf: token, code })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array<number>(5).fill(422), ...Array<number>(7).fill(429)]);
    expect((await credentialOf(user.id)).failedCodes).toBe(5);
  });
});

describe("setting up the authenticator app", () => {
  it("refuses a wrong confirmation code with 422 beside the field, keeping the same key; the right one signs in", async () => {
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Sara Impostazione");
    const { agent } = await passwordOnly(reviewer.email);
    const page = await agent.get("/account/due-fattori");
    expect(page.status).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.text).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" width="220" height="220" alt="/);
    const secret = secretOnPage(page.text);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await agent
      .post("/account/due-fattori")
      .type("form")
      .send({ _csrf: csrfFrom(page.text), code: codeAt(secret, Math.floor(Date.now() / 30_000) + 20) });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toMatch(fieldError("code", "accounts.twoFactor.wrongCode"));
    expect(wrong.text).toContain('id="riepilogo-errori"');
    expect(secretOnPage(wrong.text)).toBe(secret);
    expect((await credentialOf(reviewer.id)).confirmedAt).toBeNull();
    expect((await agent.get("/admin")).status).toBe(303);

    const done = await agent
      .post("/account/due-fattori")
      .type("form")
      .send({ _csrf: csrfFrom(wrong.text), code: currentCode(secret).code });
    expect(done.status).toBe(200);
    expect(recoveryCodesOnPage(done.text)).toHaveLength(10);
    expect(done.text).toContain('href="/admin"');
    expect((await agent.get("/admin")).status).toBe(200);
    expect(
      await ctx.db.prisma.auditEntry.count({ where: { action: "user.enableTwoFactor", actorId: reviewer.id } }),
    ).toBe(1);
  });

  it("asks staff to set the app up again once SESSION_SECRET changed (the old secret cannot be read)", async () => {
    const { user } = await enrolledReviewer("Teo Chiavecambiata");
    const rotated = buildApp({ ...ctx.config, sessionSecret: "another-session-secret-of-32-characters" }, ctx.db);
    const res = await postForm(request.agent(rotated.app), "/accedi", "/accedi", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(res.headers.location).toBe("/account/due-fattori");
  });

  it("keeps the secret encrypted and the recovery codes hashed", async () => {
    const { user, secret, recoveryCodes } = await enrolledReviewer("Cesare Cifrato");
    const stored = await credentialOf(user.id);
    expect(stored.secret).not.toContain(secret);
    expect(Buffer.from(stored.secret, "base64url").toString("latin1")).not.toContain(secret);
    const hashes = (await ctx.db.prisma.recoveryCode.findMany({ where: { userId: user.id } })).map((c) => c.codeHash);
    expect(hashes).toHaveLength(10);
    for (const code of recoveryCodes) expect(hashes.join()).not.toContain(code.replaceAll("-", ""));
  });

  it("gives new recovery codes for a current code, and the old ones stop working; staff cannot turn it off", async () => {
    const { user, recoveryCodes } = await enrolledReviewer("Nadia Nuovicodici");
    const { agent } = await passwordOnly(user.email);
    expect((await secondStep(agent, { recoveryCode: recoveryCodes[9]! })).status).toBe(303);
    const page = await agent.get("/account/due-fattori");
    expect(page.text).not.toContain("/account/due-fattori/disattiva");
    const refused = await postForm(agent, "/account/due-fattori", "/account/due-fattori/codici-di-recupero", {
      code: "000000",
    });
    expect(refused.status).toBe(422);
    const renewed = await postForm(agent, "/account/due-fattori", "/account/due-fattori/codici-di-recupero", {
      code: nextAppCode(user.email),
    });
    expect(renewed.status).toBe(200);
    const fresh = recoveryCodesOnPage(renewed.text);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);

    const old = await passwordOnly(user.email);
    expect((await secondStep(old.agent, { recoveryCode: recoveryCodes[0]! })).status).toBe(422);
    expect((await secondStep(old.agent, { recoveryCode: fresh[0]! })).status).toBe(303);

    const off = await postForm(agent, "/account/due-fattori", "/account/due-fattori/disattiva", {
      disableCode: "123456",
    });
    expect(off.status).toBe(403);
    expect((await credentialOf(user.id)).confirmedAt).not.toBeNull();
  });
});

describe("staff onboarded by invitation", () => {
  it("an invited reviewer chooses a password, then must set up the app before reaching /admin", async () => {
    const admin = await buildUser(ctx.db.prisma, "ADMIN", "Anna Invitante");
    const adminAgent = await loggedInAgent(ctx.app, admin.email, TEST_PASSWORD);
    const invited = await postForm(adminAgent, "/admin/utenti", "/admin/utenti", {
      name: "Ivo Invitato",
      email: "ivo.invitato@example.org",
      role: "REVIEWER",
    });
    expect(invited.headers.location).toBe("/admin/utenti?esito=invitato");
    const mail = await lastMailTo(ctx.db.prisma, "ivo.invitato@example.org");
    expect(mail.subject).toBe(t("accounts.mail.staffInvite.subject"));
    expect(mail.text).toContain("Anna Invitante");

    // Before the invitation is accepted the account has no password anyone knows.
    expect(
      (
        await postForm(request.agent(ctx.app), "/accedi", "/accedi", {
          email: "ivo.invitato@example.org",
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(401);

    const agent = request.agent(ctx.app);
    const form = await agent.get(linkIn(mail.text));
    expect(form.status).toBe(200);
    expect(form.text).not.toContain('name="privacy"');
    const accepted = await postForm(agent, linkIn(mail.text), linkIn(mail.text), { password: "Password-di-Ivo-1" });
    expect(accepted.headers.location).toBe("/account/due-fattori");
    expect((await agent.get("/admin")).headers.location).toBe("/accedi/codice");
    expect((await agent.get(linkIn(mail.text))).status).toBe(410);

    const codes = await enrolThroughPage(agent, "ivo.invitato@example.org");
    expect(codes.text).toContain('href="/admin"');
    expect((await agent.get("/admin")).status).toBe(200);
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "ivo.invitato@example.org" } });
    expect(user).toMatchObject({ role: "REVIEWER", privacyAcceptedAt: null });
    expect(user.emailVerifiedAt).not.toBeNull();

    // The next login asks for the code of the app set up.
    const next = await postForm(request.agent(ctx.app), "/accedi", "/accedi", {
      email: "ivo.invitato@example.org",
      password: "Password-di-Ivo-1",
    });
    expect(next.headers.location).toBe("/accedi/codice");
  });
});

describe("an admin resets a staff member's second factor", () => {
  it("signs the reviewer out, makes them set it up again at the next login, and is audited", async () => {
    const admin = await buildUser(ctx.db.prisma, "ADMIN", "Alba Azzeratrice");
    const reviewer = await buildUser(ctx.db.prisma, "REVIEWER", "Remo Telefonoperso");
    const adminAgent = await loggedInAgent(ctx.app, admin.email, TEST_PASSWORD);
    const reviewerAgent = await loggedInAgent(ctx.app, reviewer.email, TEST_PASSWORD);
    expect((await reviewerAgent.get("/admin")).status).toBe(200);

    const list = await adminAgent.get("/admin/utenti");
    expect(list.text).toContain(`href="/admin/utenti/${reviewer.id}/due-fattori"`);
    const confirm = await adminAgent.get(`/admin/utenti/${reviewer.id}/due-fattori`);
    expect(confirm.text).toContain(`action="/admin/utenti/${reviewer.id}/due-fattori"`);
    const res = await adminAgent
      .post(`/admin/utenti/${reviewer.id}/due-fattori`)
      .type("form")
      .send({ _csrf: csrfFrom(confirm.text) });
    expect(res.headers.location).toBe("/admin/utenti?esito=azzerato");

    const audit = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "user.resetTwoFactor", entityId: String(reviewer.id) },
    });
    expect(audit).toMatchObject({ actorId: admin.id, before: { enrolled: true }, after: { enrolled: false } });
    expect((await reviewerAgent.get("/admin")).headers.location).toBe("/accedi?torna=%2Fadmin");
    expect((await passwordOnly(reviewer.email)).location).toBe("/account/due-fattori");
    expect(await ctx.db.prisma.recoveryCode.count({ where: { userId: reviewer.id } })).toBe(0);
  });
});

describe("company users", () => {
  it("may turn it on from /account: then the code is asked at login, and a code turns it off", async () => {
    const company = await buildUser(ctx.db.prisma, "COMPANY", "Carla Facoltativa");
    const agent = await loggedInAgent(ctx.app, company.email, TEST_PASSWORD);
    expect((await agent.get("/account")).text).toContain('href="/account/due-fattori"');
    const codes = await enrolThroughPage(agent, company.email);
    expect(codes.text).toContain('href="/account?fatto=dueFattori"');

    const { agent: next, location } = await passwordOnly(company.email);
    expect(location).toBe("/accedi/codice");
    expect((await next.get("/impresa")).headers.location).toBe("/accedi/codice");
    const recoveryCode = recoveryCodesOnPage(codes.text)[0]!;
    expect((await secondStep(next, { recoveryCode })).headers.location).toBe("/impresa");

    const off = await postForm(next, "/account/due-fattori", "/account/due-fattori/disattiva", {
      disableCode: nextAppCode(company.email),
    });
    expect(off.headers.location).toBe("/account?fatto=dueFattoriDisattivata");
    expect((await passwordOnly(company.email)).location).toBe("/impresa");
  });
});
