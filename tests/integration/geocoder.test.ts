import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGeocoder } from "../../src/services/geocoding/index.js";
import { place, startFakeNominatim, type FakeNominatim } from "../helpers/fakeNominatim.js";

const comuni = [
  { istatCode: "037006", name: "Bologna", lat: 44.494887, lon: 11.342616 },
  { istatCode: "037032", name: "Imola", lat: 44.35311, lon: 11.71417 },
  { istatCode: "037011", name: "Casalecchio di Reno", lat: 44.47528, lon: 11.27523 },
];
const bologna = comuni[0]!;
let fake: FakeNominatim;
const geocoder = (overrides: { minIntervalMs?: number; timeoutMs?: number } = {}) =>
  createGeocoder(
    {
      url: fake.url,
      userAgent: "registro-test (http://localhost)",
      attribution: "© OSM",
      minIntervalMs: 0,
      timeoutMs: 2000,
      ...overrides,
    },
    async () => comuni,
  );

beforeAll(async () => {
  fake = await startFakeNominatim();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.places.clear();
  fake.mode = "ok";
});

describe("Nominatim-compatible geocoder", () => {
  it("locates an address in its comune, asking in jsonv2 with its User-Agent", async () => {
    fake.places.set("via della beverara 12", [place("Via della Beverara 12, Bologna", 44.5143, 11.3296)]);
    expect(await geocoder().locate("Via della Beverara 12", bologna)).toEqual({
      lat: 44.5143,
      lon: 11.3296,
      approximate: false,
    });
    expect(fake.requests).toMatchObject([
      { q: "Via della Beverara 12, Bologna", format: "jsonv2", userAgent: "registro-test (http://localhost)" },
    ]);
  });

  it("keeps results in the metropolitan area and near the comune", async () => {
    fake.places.set("via roma 1", [place("Via Roma 1, Roma", 41.9, 12.49), place("Via Roma 1, Imola", 44.354, 11.713)]);
    expect(await geocoder().locate("Via Roma 1", comuni[1]!)).toMatchObject({ lat: 44.354, lon: 11.713 });
    // The only Via Roma 1 nearby is 30 km from Bologna: some other street, so the comune's centre.
    expect(await geocoder().locate("Via Roma 1", bologna)).toMatchObject({ lat: bologna.lat, approximate: true });
    expect((await geocoder().search("via roma 1")).map((m) => m.label)).toEqual(["Via Roma 1, Imola"]);
  });

  it("marks areas (a place_rank below a street's) as approximate", async () => {
    fake.places.set("borgo panigale", [place("Borgo Panigale, Bologna", 44.51, 11.28, 20)]);
    expect(await geocoder().search("Borgo Panigale")).toMatchObject([{ approximate: true }]);
  });

  it("answers a comune's name offline, without a request", async () => {
    expect(await geocoder().search("imola")).toMatchObject([
      { label: "Imola", comuneCode: "037032", approximate: true },
    ]);
    expect(fake.requests).toHaveLength(0);
  });

  it("caches answers: the same words are asked once", async () => {
    fake.places.set("piazza maggiore", [place("Piazza Maggiore, Bologna", 44.4937, 11.343, 26)]);
    const g = geocoder();
    await g.search("Piazza Maggiore");
    await g.search("piazza maggiore ");
    expect(fake.requests).toHaveLength(1);
  });

  it("leaves at least the configured interval between two requests", async () => {
    const g = geocoder({ minIntervalMs: 300 });
    await Promise.all([g.search("uno"), g.search("due"), g.search("tre")]);
    // Measured where they arrive (the fake service), so a loaded machine's scheduling delays one
    // arrival more than the next: half the interval is the bound that still tells the rule
    // apart (without it the three arrive within a few milliseconds) without failing on jitter.
    const [a, b, c] = fake.requests.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(150);
    expect(c! - b!).toBeGreaterThanOrEqual(150);
    expect(c! - a!).toBeGreaterThanOrEqual(450);
  });

  it("falls back to the comune's centre when the service fails or is too slow", async () => {
    fake.mode = "error";
    expect(await geocoder().locate("Via Emilia 1", bologna)).toEqual({
      lat: bologna.lat,
      lon: bologna.lon,
      approximate: true,
    });
    expect(await geocoder().search("Casalecchio")).toMatchObject([{ label: "Casalecchio di Reno" }]);
    fake.mode = "slow";
    const started = Date.now();
    expect(await geocoder({ timeoutMs: 200 }).locate("Via Emilia 2", bologna)).toMatchObject({ approximate: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("offline: comuni only, by name or by the start of their name", async () => {
    const offline = createGeocoder(null, async () => comuni);
    expect(offline.attribution).toBeNull();
    expect(await offline.search("casalecchio")).toMatchObject([{ comuneCode: "037011" }]);
    expect(await offline.search("Via Roma 3, Imola")).toMatchObject([{ comuneCode: "037032" }]);
    expect(await offline.search("Parigi")).toEqual([]);
    expect(await offline.locate("Via Emilia 1", bologna)).toEqual({
      lat: bologna.lat,
      lon: bologna.lon,
      approximate: true,
    });
  });
});
