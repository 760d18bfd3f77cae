import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type request from "supertest";
import { TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization, nextVatNumber } from "../factories/organizationFactory.js";
import { buildCompanyUser, buildNetwork } from "../factories/territoryFactory.js";
import {
  completeMeasure,
  completeOrganization,
  postForm,
  signedUpCompany,
  versionIn,
} from "../helpers/companyAgent.js";
import { csrfFrom } from "../helpers/csrf.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// A company's draft: a measure needs a title to be saved; removing a measure or leaving a network asks first.
let ctx: TestContext;
let agent: request.Agent;

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits });
  agent = await signedUpCompany(ctx, "conferme@example.org");
  const saved = await postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
    ...completeOrganization(nextVatNumber()),
    version: "",
  });
  expect(saved.status).toBe(303);
});
afterAll(() => ctx?.db.close());

const measureKeys = async () =>
  [...(await agent.get("/impresa")).text.matchAll(/href="\/impresa\/misure\/([^"/]+)\/elimina"/g)].map((m) => m[1]);

describe("saving a new measure", () => {
  it("refuses a measure without a title with 422, keeps what was typed and saves nothing", async () => {
    const form = await agent.get("/impresa/misure/nuova");
    const res = await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      title: "   ",
      description: "Una descrizione scritta prima del titolo.",
      version: versionIn(form.text),
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="campo-title-errore"[^>]*>Scrivi il titolo della misura\./);
    expect(res.text).toContain("Una descrizione scritta prima del titolo.");
    const home = await agent.get("/impresa");
    expect(home.text).not.toContain("Misura senza titolo");
    expect(await measureKeys()).toEqual([]);
  });
});

describe("removing a measure", () => {
  it("asks on a page of its own before removing, and removes only after the confirmed POST", async () => {
    const form = await agent.get("/impresa/misure/nuova");
    const saved = await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      ...completeMeasure,
      version: versionIn(form.text),
    });
    expect(saved.status).toBe(303);
    const [key] = await measureKeys();
    expect(key).toBeDefined();

    // The list offers a link to the question, not a form that removes at once.
    const home = await agent.get("/impresa");
    expect(home.text).not.toContain(`action="/impresa/misure/${key}/elimina"`);

    const question = await agent.get(`/impresa/misure/${key}/elimina`);
    expect(question.status).toBe(200);
    expect(question.text).toContain("Eliminare la misura?");
    expect(question.text).toContain(completeMeasure.title);
    expect(question.text).toContain(`action="/impresa/misure/${key}/elimina"`);
    expect(question.text).toContain('href="/impresa"');

    const withoutToken = await agent
      .post(`/impresa/misure/${key}/elimina`)
      .type("form")
      .send({ version: versionIn(question.text) });
    expect(withoutToken.status).toBe(403);
    expect(await measureKeys()).toEqual([key]);

    const confirmed = await agent
      .post(`/impresa/misure/${key}/elimina`)
      .type("form")
      .send({ _csrf: csrfFrom(question.text), version: versionIn(question.text) });
    expect(confirmed.status).toBe(303);
    expect(await measureKeys()).toEqual([]);
  });

  it("asks in English on the English site, and answers 404 for a measure that is not there", async () => {
    const form = await agent.get("/impresa/misure/nuova");
    await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      ...completeMeasure,
      version: versionIn(form.text),
    });
    const [key] = await measureKeys();
    const question = await agent.get(`/impresa/misure/${key}/elimina?lang=en`);
    expect(question.text).toContain("Remove the measure?");
    expect((await agent.get("/impresa/misure/non-esiste/elimina")).status).toBe(404);
  });
});

describe("leaving a network", () => {
  it("asks before leaving, then leaves on the confirmed POST", async () => {
    const prisma = ctx.db.prisma;
    const lead = await buildOrganization(prisma);
    const member = await buildOrganization(prisma);
    const network = await buildNetwork(prisma, lead.id, [member.id], `rete-conferma-${process.pid}`);
    const user = await buildCompanyUser(prisma, member.id);
    const memberAgent = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);

    const list = await memberAgent.get("/impresa/reti");
    expect(list.text).toContain(`href="/impresa/reti/${network.slug}/recesso"`);
    expect(list.text).not.toContain(`action="/impresa/reti/${network.slug}/recesso"`);

    const question = await memberAgent.get(`/impresa/reti/${network.slug}/recesso`);
    expect(question.status).toBe(200);
    expect(question.text).toContain(`Uscire dalla rete «${network.name}»?`);
    expect(question.text).toContain('href="/impresa/reti"');
    const status = () =>
      prisma.networkMembership.findFirstOrThrow({ where: { networkId: network.id, organizationId: member.id } });
    expect((await status()).status).toBe("ACTIVE");

    expect((await memberAgent.post(`/impresa/reti/${network.slug}/recesso`).type("form").send({})).status).toBe(403);
    const left = await memberAgent
      .post(`/impresa/reti/${network.slug}/recesso`)
      .type("form")
      .send({ _csrf: csrfFrom(question.text) });
    expect(left.status).toBe(303);
    expect((await status()).status).not.toBe("ACTIVE");
    // Nothing left to confirm once out of the network.
    expect((await memberAgent.get(`/impresa/reti/${network.slug}/recesso`)).status).toBe(404);
  });
});
