import type request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readPayload } from "../../src/domain/applicationPayload.js";
import { nextVatNumber } from "../factories/organizationFactory.js";
import { approveSubmitted } from "../helpers/approve.js";
import {
  completeMeasure,
  completeOrganization,
  postForm,
  signedUpCompany,
  versionIn,
} from "../helpers/companyAgent.js";
import { place, startFakeNominatim, type FakeNominatim } from "../helpers/fakeNominatim.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

// The seat's point, found from the address by a local Nominatim-compatible server.
let ctx: TestContext;
let fake: FakeNominatim;
const BOLOGNA_CENTRE = { lat: 44.494367, lon: 11.341721 };

beforeAll(async () => {
  fake = await startFakeNominatim();
  ctx = await createTestContext({
    rateLimits: roomyRateLimits,
    geocoder: { url: fake.url, userAgent: "registro-test", attribution: "© OSM", minIntervalMs: 0, timeoutMs: 2000 },
  });
});
afterAll(async () => {
  await ctx?.db.close();
  await fake?.close();
});
beforeEach(() => {
  fake.mode = "ok";
  fake.places.clear();
  fake.places.set("via della beverara 12", [place("Via della Beverara 12, Bologna", 44.5143, 11.3296)]);
});

async function draftOf(email: string) {
  const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email } });
  const app = await ctx.db.prisma.application.findFirstOrThrow({ where: { organizationId: user.organizationId! } });
  return { organizationId: user.organizationId!, organization: readPayload(app.payload).organization };
}
const save = async (agent: request.Agent, fields: Record<string, string>) => {
  const form = await agent.get("/impresa/organizzazione");
  return postForm(agent, "/impresa/organizzazione", "/impresa/organizzazione", {
    ...fields,
    version: versionIn(form.text),
  });
};

// Each test signs up and saves several times: slow on a busy machine.
describe("the seat's position", { timeout: 60_000 }, () => {
  it("is found from the address when saved, then kept, and EXACT once the company moves the pin", async () => {
    const agent = await signedUpCompany(ctx, "sede@example.org");
    const fields = completeOrganization(nextVatNumber());
    expect((await save(agent, fields)).status).toBe(303);
    expect((await draftOf("sede@example.org")).organization).toMatchObject({
      lat: 44.5143,
      lon: 11.3296,
      positionPrecision: "ADDRESS",
    });
    expect(fake.requests.at(-1)).toMatchObject({ q: "Via della Beverara 12, Bologna", userAgent: "registro-test" });
    const page = await agent.get("/impresa/organizzazione");
    expect(page.text).toContain("Abbiamo trovato la sede dal suo indirizzo");

    // Saved again as shown: the same point, the same precision.
    expect((await save(agent, { ...fields, lat: "44.5143", lon: "11.3296" })).status).toBe(303);
    expect((await draftOf("sede@example.org")).organization.positionPrecision).toBe("ADDRESS");
    expect(page.text).toContain('name="positionConfirmed"');
    // Confirmed where it is.
    expect((await save(agent, { ...fields, lat: "44.5143", lon: "11.3296", positionConfirmed: "1" })).status).toBe(303);
    expect((await draftOf("sede@example.org")).organization.positionPrecision).toBe("EXACT");
    // A new address with the old point: found again from the address.
    fake.places.set("via stalingrado 5", [place("Via Stalingrado 5, Bologna", 44.5172, 11.3703)]);
    expect(
      (await save(agent, { ...fields, address: "Via Stalingrado 5", lat: "44.5143", lon: "11.3296" })).status,
    ).toBe(303);
    expect((await draftOf("sede@example.org")).organization).toMatchObject({
      lat: 44.5172,
      lon: 11.3703,
      positionPrecision: "ADDRESS",
    });
    // Moved on the map.
    expect((await save(agent, { ...fields, lat: "44.5150", lon: "11.3300" })).status).toBe(303);
    expect((await draftOf("sede@example.org")).organization).toMatchObject({
      lat: 44.515,
      lon: 11.33,
      positionPrecision: "EXACT",
    });
  });

  it("falls back to the comune's centre, marked approximate, when the geocoder fails or is slow: the save works", async () => {
    for (const [mode, email] of [
      ["error", "rotto@example.org"],
      ["slow", "lento@example.org"],
    ] as const) {
      fake.mode = mode;
      const agent = await signedUpCompany(ctx, email);
      const started = Date.now();
      // A new address each time: answers are cached.
      expect((await save(agent, { ...completeOrganization(nextVatNumber()), address: `Via ${mode} 1` })).status).toBe(
        303,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await draftOf(email)).organization).toMatchObject({
        ...BOLOGNA_CENTRE,
        positionPrecision: "APPROXIMATE",
      });
      expect((await agent.get("/impresa/organizzazione")).text).toContain("Posizione approssimativa");
    }
  });

  it("is published as approximate and never shown 0 km away", async () => {
    fake.mode = "error";
    const agent = await signedUpCompany(ctx, "approssimata@example.org");
    await save(agent, {
      ...completeOrganization(nextVatNumber()),
      name: "Approssimata S.r.l.",
      address: "Via Ignota 3",
    });
    const measureForm = await agent.get("/impresa/misure/nuova");
    await postForm(agent, "/impresa/misure/nuova", "/impresa/misure/nuova", {
      ...completeMeasure,
      version: versionIn(measureForm.text),
    });
    const submitPage = await agent.get("/impresa/domanda");
    expect(
      (await postForm(agent, "/impresa/domanda", "/impresa/domanda", { version: versionIn(submitPage.text) })).status,
    ).toBe(303);
    const { organizationId } = await draftOf("approssimata@example.org");
    await approveSubmitted(ctx, organizationId);
    const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org.positionPrecision).toBe("APPROXIMATE");

    const publicPage = await agent.get(`/registro/${org.slug}`);
    expect(publicPage.text).toContain("posizione approssimativa");
    const near = await agent.get("/registro?vicino=037006");
    expect(near.text).toContain("Approssimata S.r.l.");
    expect(near.text).toContain("nel comune di Bologna");
    expect(near.text).not.toMatch(/a 0 km/);
    const farther = await agent.get("/registro?vicino=037011");
    expect(farther.text).toMatch(/a circa \d+ km/);
    const api = await agent.get("/api/v1/organizations?q=approssimata");
    expect(api.body.items[0]).toMatchObject({ approximatePosition: true });
  });
});
