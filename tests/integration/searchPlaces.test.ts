import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { place, startFakeNominatim, type FakeNominatim } from "../helpers/fakeNominatim.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// "Vicino a" an address or place typed, answered by a local Nominatim-compatible server.
let ctx: TestContext;
let offline: TestContext;
let fake: FakeNominatim;
const names = (text: string) =>
  [...text.matchAll(/<h3 class="card-title[^>]*><a href="\/registro\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const get = (url: string, app = ctx.app) => request(app).get(url);
const decode = (s: string) => s.replaceAll("&amp;", "&");

beforeAll(async () => {
  fake = await startFakeNominatim();
  ctx = await createTestContext({
    geocoder: {
      url: fake.url,
      userAgent: "registro-test",
      attribution: "© OpenStreetMap contributors",
      minIntervalMs: 0,
      timeoutMs: 2000,
    },
  });
  offline = await createTestContext();
  for (const c of [ctx, offline]) {
    await buildOrganization(c.db.prisma, {
      name: "Nido Bolognina",
      comuneCode: "037006",
      lat: 44.5101,
      lon: 11.3458,
      measures: [
        { title: "Asilo nido aziendale", category: "MINORI", openToCitizens: true, beneficiaries: ["CITIZENS"] },
      ],
    });
    await buildOrganization(c.db.prisma, {
      name: "Imola Salute",
      comuneCode: "037032",
      lat: 44.3531,
      lon: 11.7142,
      measures: [{ title: "Screening cardiologico", category: "SALUTE" }],
    });
  }
});
afterAll(async () => {
  await ctx?.db.close();
  await offline?.db.close();
  await fake?.close();
});
beforeEach(() => {
  fake.mode = "ok";
  fake.places.clear();
});

describe("near an address or place typed", () => {
  it("searches near the one place found, nearest first", async () => {
    fake.places.set("via di corticella 20", [place("Via di Corticella 20, Bolognina, Bologna", 44.512, 11.347)]);
    const res = await get("/registro?luogo=Via+di+Corticella+20&raggio=5");
    expect(res.status).toBe(200);
    expect(names(res.text)).toEqual(["Nido Bolognina"]);
    expect(res.text).toContain('value="Via di Corticella 20"');
    expect(res.text).toContain("© OpenStreetMap contributors");
  });

  it("lists the places to choose from when several match; each link carries lat and lon", async () => {
    fake.places.set("via emilia", [
      place("Via Emilia, San Lazzaro di Savena", 44.4706, 11.4085, 26),
      place("Via Emilia, Imola", 44.3533, 11.715, 26),
    ]);
    const res = await get("/registro?luogo=via+emilia&raggio=5");
    expect(res.status).toBe(200);
    expect(res.text).toContain("Quale luogo intendi con «via emilia»?");
    expect(names(res.text)).toEqual([]);
    const links = [...res.text.matchAll(/<li><a href="(\/registro\?[^"]+)">Via Emilia, Imola<\/a>/g)].map((m) =>
      decode(m[1]!),
    );
    expect(links).toHaveLength(1);
    expect(links[0]).toContain("lat=44.353300&lon=11.715000");
    const chosen = await get(links[0]!);
    expect(names(chosen.text)).toEqual(["Imola Salute"]);
    // A program cannot choose: the API says so.
    const api = await get("/api/v1/organizations?luogo=via+emilia");
    expect(api.status).toBe(400);
    expect(JSON.stringify(api.body)).toContain("luogo");
    // The map page offers the same choice.
    expect((await get("/mappa?luogo=via+emilia")).text).toContain("Quale luogo intendi");
  });

  it("matches a comune's name offline, as vicino, and keeps vicino and lat/lon links working", async () => {
    for (const app of [ctx.app, offline.app]) {
      expect(names((await get("/registro?luogo=imola&raggio=5", app)).text)).toEqual(["Imola Salute"]);
      expect(names((await get("/registro?vicino=037032&raggio=5", app)).text)).toEqual(["Imola Salute"]);
      expect(names((await get("/registro?lat=44.51&lon=11.345&raggio=5", app)).text)).toEqual(["Nido Bolognina"]);
    }
    expect(fake.requests.filter((r) => r.q.toLowerCase() === "imola")).toHaveLength(0);
  });

  it("says when nothing is found, and answers offline when the geocoder fails", async () => {
    const missing = await get("/registro?luogo=Atlantide");
    expect(missing.status).toBe(400);
    expect(missing.text).toContain("Non abbiamo trovato questo luogo");
    expect(missing.text).toContain('value="Atlantide"');
    fake.mode = "error";
    expect(names((await get("/registro?luogo=Via+Appia+1,+Imola&raggio=5")).text)).toEqual(["Imola Salute"]);
    fake.mode = "slow";
    expect((await get("/registro?luogo=Via+Lenta+2")).status).toBe(400);
    expect((await get("/registro?luogo=Casalecchio")).status).toBe(200);
  });
});

describe("a search with no result", () => {
  it("suggests dropping each filter, a wider radius and related categories, in Italian and English", async () => {
    const res = await get("/registro?q=badante&categoria=minori&aperte=1&vicino=037032&raggio=5");
    expect(names(res.text)).toEqual([]);
    const text = decode(res.text);
    expect(text).toContain("Prova a:");
    expect(text).toContain(
      'href="/registro?categoria=minori&aperte=1&vicino=037032&raggio=5">togliere le parole «badante»',
    );
    expect(text).toContain('href="/registro?q=badante&aperte=1&vicino=037032&raggio=5">togliere la categoria «');
    expect(text).toContain(
      'href="/registro?q=badante&categoria=minori&vicino=037032&raggio=5">togliere il filtro «aperte ai cittadini»',
    );
    expect(text).toContain(
      'href="/registro?q=badante&categoria=minori&aperte=1&vicino=037032&raggio=10">cercare entro 10 km',
    );
    expect(text).toContain(
      'href="/registro?aperte=1&vicino=037032&raggio=5&categoria=educazione">cercare le misure della categoria «',
    );
    const en = decode((await get("/registro?q=elderly&lang=en")).text);
    expect(en).toContain("Try:");
    expect(en).toContain('href="/registro">removing the words “elderly”');
    expect(en).toContain('href="/registro?categoria=anziani">searching the measures of the category “');
    // A search with results suggests nothing.
    expect((await get("/registro?q=asilo")).text).not.toContain("Prova a:");
  });
});
