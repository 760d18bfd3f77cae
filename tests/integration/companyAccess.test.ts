import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { loggedInAgent } from "../helpers/login.js";
import { buildOrganization, nextVatNumber } from "../factories/organizationFactory.js";
import { hashPassword } from "../../src/services/accounts/passwords.js";
import { fieldError } from "../helpers/catalogue.js";
import {
  PASSWORD,
  completeMeasure,
  completeOrganization,
  postForm,
  signedUpCompany,
  versionIn,
} from "../helpers/companyAgent.js";

let ctx: TestContext;
let agent: request.Agent;
let other: Awaited<ReturnType<typeof buildOrganization>>;
const limits = { windowMs: 60_000, limit: 1000 };
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: { login: limits, publicForms: limits } });
  other = await buildOrganization(ctx.db.prisma, { name: "Altra Impresa Registrata" });
  await ctx.db.prisma.user.create({
    data: {
      email: "altro@example.org",
      name: "Altro",
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
      organizationId: other.id,
    },
  });
  await ctx.db.prisma.user.create({
    data: {
      email: "staff@example.org",
      name: "Staff",
      passwordHash: await hashPassword(PASSWORD),
      role: "REVIEWER",
      emailVerifiedAt: new Date(),
    },
  });
  agent = await signedUpCompany(ctx, "elena@example.org", "Elena Rosa");
  await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
    ...completeOrganization(nextVatNumber()),
    version: "",
  });
});
afterAll(() => ctx?.db.close());

describe("company area authorization", () => {
  it("sends anonymous visitors to log in and back", async () => {
    const res = await request(ctx.app).get("/impresa/organizzazione");
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/accedi?torna=%2Fimpresa%2Forganizzazione");
  });

  it("gives staff 403 in the company area, and companies 403 in the back office", async () => {
    const staff = await loggedInAgent(ctx.app, "staff@example.org", PASSWORD);
    expect((await staff.get("/impresa")).status).toBe(403);
    expect((await agent.get("/admin")).status).toBe(403);
  });

  it("shows only the user's own organization; another company's measures give 404", async () => {
    const home = await agent.get("/impresa");
    expect(home.text).toContain("Officine Felsinee S.r.l.");
    expect(home.text).not.toContain("Altra Impresa Registrata");
    const foreign = await ctx.db.prisma.measure.findFirstOrThrow({ where: { organizationId: other.id } });
    expect((await agent.get(`/impresa/misure/m${foreign.id}`)).status).toBe(404);
    const post = await postForm(agent, "/impresa/misure/nuova", `/impresa/misure/m${foreign.id}`, {
      ...completeMeasure,
      version: "",
    });
    expect(post.status).toBe(404);
    const removal = await postForm(agent, "/impresa", `/impresa/misure/m${foreign.id}/elimina`, { version: "" });
    expect(removal.status).toBe(404);
    expect(await ctx.db.prisma.measure.count({ where: { organizationId: other.id } })).toBe(1);
  });

  it("speaks English when asked", async () => {
    const res = await agent.get("/impresa").set("Accept-Language", "en");
    expect(res.text).toContain("Company area");
    expect(res.text).toContain("Edit the organization&#39;s data");
  });

  it("refuses a POST without CSRF token", async () => {
    const res = await agent.post("/impresa/organizzazione").type("form").send({ name: "Senza token" });
    expect(res.status).toBe(403);
  });
});

describe("company forms", () => {
  it("rejects a bad organization form with 422, messages beside the fields and values kept", async () => {
    const form = await agent.get("/impresa/organizzazione");
    const res = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      version: versionIn(form.text),
      name: "Officine Felsinee S.r.l.",
      vatNumber: "12345678901",
      employees: "tanti",
      comuneCode: "999999",
      lat: "45,9",
      lon: "abc",
      website: "www.senza-protocollo",
      contactEmail: "info@",
      phone: "telefono",
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="riepilogo-errori"');
    for (const message of [
      "Scrivi una Partita IVA valida",
      "Scrivi un numero intero.",
      "Scrivi una latitudine",
      "Scrivi una longitudine",
      "Scrivi un indirizzo web completo",
      "Scrivi un indirizzo email valido",
      "Scrivi un numero di telefono valido",
    ]) {
      expect(res.text).toContain(message);
    }
    expect(res.text).toContain('value="12345678901"');
    expect(res.text).toContain('value="tanti"');
  });

  it("saves a draft with a registered firm's Partita IVA, and says beside the field it cannot be submitted", async () => {
    const form = await agent.get("/impresa/organizzazione");
    const res = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(other.vatNumber!),
      version: versionIn(form.text),
    });
    expect(res.status).toBe(303);
    const again = await agent.get("/impresa/organizzazione");
    expect(again.text).toContain(`value="${other.vatNumber}"`);
    expect(again.text).toMatch(fieldError("vatNumber", "validation.vatTaken"));
    // Back to a number of its own for the tests below.
    await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(nextVatNumber()),
      version: versionIn(again.text),
    });
  });

  it("rejects a bad measure form with 422 and keeps the values", async () => {
    const res = await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      ...completeMeasure,
      version: "",
      category: "INVENTATA",
      capacity: "-3",
      startsOn: "2026-13-45",
      endsOn: "2026-01-01",
      beneficiaries: ["EMPLOYEES", "ALIENI"],
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain("Scegli una delle opzioni proposte.");
    expect(res.text).toContain("Scrivi un numero intero.");
    expect(res.text).toContain("Scrivi una data valida");
    expect(res.text).toContain('value="Nido aziendale Il Girasole"');
  });

  it("refuses a save built on a stale version (optimistic lock)", async () => {
    const form = await agent.get("/impresa/organizzazione");
    const stale = versionIn(form.text);
    expect(
      (
        await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
          ...completeOrganization(nextVatNumber()),
          version: stale,
        })
      ).status,
    ).toBe(303);
    const res = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      ...completeOrganization(nextVatNumber()),
      version: stale,
    });
    expect(res.status).toBe(409);
    expect(res.text).toContain("I dati sono stati modificati nel frattempo");
  });

  it("never answers 500 to odd input", async () => {
    const odd = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
      version: "abc",
      unexpected: "x",
      name: ["a", "b"],
    });
    expect(odd.status).toBe(422);
    const measure = await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      version: "abc",
      beneficiaries: "EMPLOYEES",
      openToCitizens: ["1", "1"],
    });
    expect(measure.status).toBe(422);
    // No version at all once an application exists: the optimistic lock refuses it.
    const versionless = await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      version: "",
      title: "Misura senza versione",
      beneficiaries: "EMPLOYEES",
    });
    expect(versionless.status).toBe(409);
    expect(measure.text).toContain('id="riepilogo-errori"');
  });
});
