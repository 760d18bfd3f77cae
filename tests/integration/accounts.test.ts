import request from "supertest";
import { t } from "../helpers/catalogue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { hashPassword } from "../../src/services/accounts/passwords.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { PASSWORD, completeOrganization, postForm, signedUpCompany } from "../helpers/companyAgent.js";
import { nextVatNumber } from "../factories/organizationFactory.js";

let ctx: TestContext;
const limits = { windowMs: 60_000, limit: 1000 };
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: { login: limits, publicForms: limits } });
  await ctx.db.prisma.user.create({
    data: {
      email: "gino@example.org",
      name: "Gino Verdi",
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
    },
  });
});
afterAll(() => ctx?.db.close());

const login = (agent: request.Agent, email: string, password: string) =>
  postForm(agent, "/accedi", "/accedi", { email, password });

describe("/registrati", () => {
  it("rejects bad input with 422, Italian messages beside the fields, a summary and the values kept", async () => {
    const res = await postForm(request.agent(ctx.app), "/registrati", "/registrati", {
      name: "Lia",
      email: "lia@",
      password: "corta",
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    expect(res.text).toContain("Scrivi un indirizzo email valido");
    expect(res.text).toContain("La password deve avere almeno 10 caratteri.");
    expect(res.text).toContain("Per continuare devi dichiarare di aver letto l&#39;informativa privacy.");
    expect(res.text).toContain('value="lia@"');
    expect(res.text).toContain('value="Lia"');
    expect(res.text).not.toContain('value="corta"');
  });

  it("gives the same answer for an address that already has an account, and tells its owner", async () => {
    const fresh = await postForm(request.agent(ctx.app), "/registrati", "/registrati", {
      name: "Nuovo",
      email: "nuovo@example.org",
      password: PASSWORD,
      privacy: "1",
    });
    const taken = await postForm(request.agent(ctx.app), "/registrati", "/registrati", {
      name: "Altro",
      email: "gino@example.org",
      password: PASSWORD,
      privacy: "1",
    });
    expect(taken.status).toBe(fresh.status);
    expect(taken.text.replace("gino@example.org", "X")).toBe(fresh.text.replace("nuovo@example.org", "X"));
    expect((await lastMailTo(ctx.db.prisma, "gino@example.org")).subject).toBe(
      "Tentativo di registrazione con il tuo indirizzo",
    );
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "gino@example.org" } })).name).toBe(
      "Gino Verdi",
    );
  });

  it("refuses a POST without CSRF token", async () => {
    const res = await request(ctx.app)
      .post("/registrati")
      .type("form")
      .send({ name: "X", email: "x@example.org", password: PASSWORD, privacy: "1" });
    expect(res.status).toBe(403);
  });
});

describe("password reset", () => {
  it("answers the same for known and unknown addresses and resets by a single-use link", async () => {
    const unknown = await postForm(request.agent(ctx.app), "/password-dimenticata", "/password-dimenticata", {
      email: "nessuno@example.org",
    });
    const known = await postForm(request.agent(ctx.app), "/password-dimenticata", "/password-dimenticata", {
      email: "gino@example.org",
    });
    expect(known.status).toBe(unknown.status);
    expect(known.text.replace("gino@example.org", "X")).toBe(unknown.text.replace("nessuno@example.org", "X"));
    expect(await ctx.db.prisma.outboxMessage.count({ where: { to: "nessuno@example.org" } })).toBe(0);
    const link = linkIn((await lastMailTo(ctx.db.prisma, "gino@example.org")).text);
    expect(link).toMatch(/^\/reimposta-password\//);

    const agent = request.agent(ctx.app);
    const short = await postForm(agent, link, link, { password: "breve" });
    expect(short.status).toBe(422);
    expect(short.text).toContain("La password deve avere almeno 10 caratteri.");
    expect((await postForm(agent, link, link, { password: "Nuova-password-456" })).status).toBe(200);
    expect((await agent.get(link)).status).toBe(410);
    expect((await login(request.agent(ctx.app), "gino@example.org", PASSWORD)).status).toBe(401);
    expect((await login(request.agent(ctx.app), "gino@example.org", "Nuova-password-456")).status).toBe(303);
  });

  it("refuses an expired link", async () => {
    await postForm(request.agent(ctx.app), "/password-dimenticata", "/password-dimenticata", {
      email: "gino@example.org",
    });
    const link = linkIn((await lastMailTo(ctx.db.prisma, "gino@example.org")).text);
    await ctx.db.prisma.userToken.updateMany({
      where: { purpose: "RESET_PASSWORD", usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await request(ctx.app).get(link);
    expect(res.status).toBe(410);
    expect(res.text).toContain("Link non valido o scaduto");
  });
});

describe("/account", () => {
  it("changes the password, checking the current one", async () => {
    const agent = await signedUpCompany(ctx, "marta@example.org", "Marta Neri");
    const wrong = await postForm(agent, "/account", "/account/password", {
      currentPassword: "sbagliata",
      newPassword: "Un-altra-password-1",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain("La password attuale non è corretta.");
    const ok = await postForm(agent, "/account", "/account/password", {
      currentPassword: PASSWORD,
      newPassword: "Un-altra-password-1",
    });
    expect(ok.status).toBe(303);
    expect((await login(request.agent(ctx.app), "marta@example.org", "Un-altra-password-1")).status).toBe(303);
  });

  it("changes the e-mail address only after the new one is confirmed", async () => {
    const agent = await signedUpCompany(ctx, "piero@example.org", "Piero Gialli");
    const invalid = await postForm(agent, "/account", "/account/email", {
      email: "non-valida",
      emailPassword: PASSWORD,
    });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('value="non-valida"');
    expect(
      (
        await postForm(agent, "/account", "/account/email", {
          email: "piero.nuovo@example.org",
          emailPassword: PASSWORD,
        })
      ).status,
    ).toBe(303);
    expect(await ctx.db.prisma.user.count({ where: { email: "piero@example.org" } })).toBe(1);
    await request(ctx.app)
      .get(linkIn((await lastMailTo(ctx.db.prisma, "piero.nuovo@example.org")).text))
      .expect(200);
    expect(await ctx.db.prisma.user.count({ where: { email: "piero.nuovo@example.org" } })).toBe(1);
  });
});

describe("inviting colleagues", () => {
  it("gives the colleague an own account in the same organization", async () => {
    const agent = await signedUpCompany(ctx, "titolare@example.org", "Anna Titolare");
    await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(nextVatNumber()),
      version: "",
    });
    const invalid = await postForm(agent, "/impresa/colleghi", "/impresa/colleghi", {
      name: "",
      email: "collega@example.org",
    });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain("Questo campo è obbligatorio.");
    expect(invalid.text).toContain('value="collega@example.org"');
    expect(
      (
        await postForm(agent, "/impresa/colleghi", "/impresa/colleghi", {
          name: "Bruno Collega",
          email: "collega@example.org",
        })
      ).status,
    ).toBe(303);
    // An address that has an account: the same answer (nobody learns who is registered), and that
    // address is told by e-mail instead of being invited.
    const taken = await postForm(agent, "/impresa/colleghi", "/impresa/colleghi", {
      name: "Gino",
      email: "gino@example.org",
    });
    expect(taken.status).toBe(303);
    expect(taken.headers.location).toBe("/impresa/colleghi?invitato=1");
    expect((await lastMailTo(ctx.db.prisma, "gino@example.org")).subject).toBe(
      t("accounts.mail.inviteExisting.subject"),
    );

    const mail = await lastMailTo(ctx.db.prisma, "collega@example.org");
    expect(mail.text).toContain("Anna Titolare ti ha invitato");
    const link = linkIn(mail.text);
    const colleague = request.agent(ctx.app);
    const noPrivacy = await postForm(colleague, link, link, { password: "Password-collega-1" });
    expect(noPrivacy.status).toBe(422);
    expect((await postForm(colleague, link, link, { password: "Password-collega-1", privacy: "1" })).status).toBe(200);
    expect((await login(colleague, "collega@example.org", "Password-collega-1")).status).toBe(303);
    expect((await colleague.get("/impresa")).text).toContain("Officine Felsinee S.r.l.");
    const [owner, invited] = await Promise.all(
      ["titolare@example.org", "collega@example.org"].map((email) =>
        ctx.db.prisma.user.findUniqueOrThrow({ where: { email } }),
      ),
    );
    expect(invited!.organizationId).toBe(owner!.organizationId);
  });
});
