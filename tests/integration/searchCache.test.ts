import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { createRegistrySearchRepository } from "../../src/data/registry/registrySearchRepository.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { loggedInAgent } from "../helpers/login.js";
import { queriesDuring } from "../helpers/queryCounter.js";

// The app under test caches search results (the default SEARCH_CACHE_MB):
// every change below must reach the next search at once. PostgreSQL answers
// the searches (no in-process index), so a new search costs statements a
// cached one does not, which "cache entries" counts; memorySearchIndex.test.ts
// checks the index's own exactness after a change.
let ctx: TestContext;
const names = (html: string) =>
  [...html.matchAll(/<h3 class="card-title[^>]*><a href="\/registro\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const search = async (query: string) => names((await request(ctx.app).get(`/registro${query}`)).text);
const mapNames = async (query: string) =>
  (
    (await request(ctx.app).get(`/mappa/dati.geojson${query}`)).body as { features: { properties: { name: string } }[] }
  ).features
    .map((f) => f.properties.name)
    .sort();

beforeAll(async () => {
  ctx = await createTestContext({ searchMemoryIndex: false });
  expect(ctx.config.searchCacheBytes).toBeGreaterThan(0);
  await buildOrganization(ctx.db.prisma, {
    name: "Lavanderia Reno S.r.l.",
    slug: "lavanderia-reno",
    measures: [{ title: "Lavanderia aziendale", category: "CONCILIAZIONE", openToCitizens: true }],
  });
  await buildOrganization(ctx.db.prisma, {
    name: "Officine Savena S.r.l.",
    slug: "officine-savena",
    measures: [{ title: "Lavanderia di quartiere", category: "CONCILIAZIONE", openToCitizens: false }],
  });
});
afterAll(() => ctx?.db.close());

describe("cached search results", () => {
  it("drop an organization from the very next search once it is suspended", async () => {
    expect(await search("?q=lavanderia")).toEqual(["Lavanderia Reno S.r.l.", "Officine Savena S.r.l."]);
    expect(await mapNames("?q=lavanderia")).toEqual(["Lavanderia Reno S.r.l.", "Officine Savena S.r.l."]);
    await ctx.db.prisma.organization.update({
      where: { slug: "officine-savena" },
      data: { registryStatus: "SUSPENDED" },
    });
    expect(await search("?q=lavanderia")).toEqual(["Lavanderia Reno S.r.l."]);
    expect(await mapNames("?q=lavanderia")).toEqual(["Lavanderia Reno S.r.l."]);
    await ctx.db.prisma.organization.update({
      where: { slug: "officine-savena" },
      data: { registryStatus: "REGISTERED" },
    });
    expect(await search("?q=lavanderia")).toEqual(["Lavanderia Reno S.r.l.", "Officine Savena S.r.l."]);
  });

  it("follow a change to a measure alone", async () => {
    expect(await search("?q=lavanderia&aperte=1")).toEqual(["Lavanderia Reno S.r.l."]);
    await ctx.db.prisma.measure.updateMany({
      where: { title: "Lavanderia di quartiere" },
      data: { openToCitizens: true },
    });
    expect(await search("?q=lavanderia&aperte=1")).toEqual(["Lavanderia Reno S.r.l.", "Officine Savena S.r.l."]);
  });
});

describe("the validators of search answers", () => {
  it("answer 304 while the register is unchanged and the whole new answer once it changes", async () => {
    for (const path of [
      "/registro?q=lavanderia",
      "/mappa/dati.geojson?q=lavanderia",
      "/api/v1/organizations?q=lavanderia",
    ]) {
      const first = await request(ctx.app).get(path).expect(200);
      const etag = first.headers.etag!;
      // The validator says which answer it is without hashing the body; the same one each time.
      expect(etag, path).toMatch(/^W\/"/);
      expect((await request(ctx.app).get(path)).headers.etag, path).toBe(etag);
      await request(ctx.app).get(path).set("If-None-Match", etag).expect(304);
      const other = await request(ctx.app).get(`${path}&lang=en`);
      if (!path.includes("mappa")) expect(other.headers.etag, path).not.toBe(etag); // another language
      await ctx.db.prisma.organization.update({
        where: { slug: "officine-savena" },
        data: { name: "Officine Idice S.r.l." },
      });
      try {
        const changed = await request(ctx.app).get(path).set("If-None-Match", etag).expect(200);
        expect(changed.text, path).toContain("Officine Idice S.r.l.");
        expect(changed.headers.etag, path).not.toBe(etag);
      } finally {
        await ctx.db.prisma.organization.update({
          where: { slug: "officine-savena" },
          data: { name: "Officine Savena S.r.l." },
        });
      }
    }
  });
});

describe("whole cached pages for visitors who are not signed in", () => {
  it("are kept per language", async () => {
    const italian = await request(ctx.app).get("/registro?q=lavanderia").set("Accept-Language", "it");
    const english = await request(ctx.app).get("/registro?q=lavanderia").set("Cookie", "lang=en");
    expect(italian.text).toContain('<html lang="it"');
    expect(english.text).toContain('<html lang="en"');
    expect((await request(ctx.app).get("/mappa?q=lavanderia").set("Accept-Language", "en")).text).toContain(
      '<html lang="en"',
    );
  });

  it("are never served to a signed-in user, nor built from one", async () => {
    const user = await buildUser(ctx.db.prisma, "REVIEWER", "Rita Cachetti");
    const agent = await loggedInAgent(ctx.app, user.email, TEST_PASSWORD);
    await request(ctx.app).get("/registro?q=reno");
    const signedIn = await agent.get("/registro?q=reno");
    expect(signedIn.text).toContain("Rita Cachetti");
    await agent.get("/mappa?q=savena");
    expect((await request(ctx.app).get("/mappa?q=savena")).text).not.toContain("Rita Cachetti");
  });
});

describe("cache entries", () => {
  // A request answered from the cache asks PostgreSQL only for the search
  // version (with the text query: one statement); one that makes a new entry
  // asks more (a new search runs its queries).
  const cost = async (path: string) => (await queriesDuring(() => request(ctx.app).get(path).expect(200))).length;

  it("are not made by junk parameters, another order or repeated values", async () => {
    for (const [first, variants] of [
      [
        "/registro?q=lavanderia&categoria=conciliazione&categoria=minori",
        [
          "/registro?q=lavanderia&categoria=conciliazione&categoria=minori&utm_source=newsletter",
          "/registro?categoria=minori&q=lavanderia&categoria=conciliazione",
          "/registro?q=lavanderia&categoria=minori&categoria=conciliazione&categoria=minori&x=1",
          "/registro?q=lavanderia&categoria=conciliazione&categoria=minori&comune=",
        ],
      ],
      [
        "/api/v1/organizations?q=lavanderia&categoria=conciliazione",
        ["/api/v1/organizations?categoria=conciliazione&q=lavanderia&categoria=conciliazione"],
      ],
      // A shared position a few centimetres away asks the same search.
      [
        "/mappa/dati.geojson?lat=44.49381&lon=11.33871&raggio=20",
        ["/mappa/dati.geojson?lon=11.338709&lat=44.493812&raggio=20&zoom=3"],
      ],
    ] as const) {
      // Kept from the second request on (searchCache.ts): the third is answered from the cache.
      await cost(first);
      await cost(first);
      const hit = await cost(first);
      for (const variant of variants) expect(await cost(variant), variant).toBe(hit);
      // Control: a search really new costs more.
      expect(await cost(`${first}&aperte=1`)).toBeGreaterThan(hit);
    }
  });

  it("keep the page's links free of the junk", async () => {
    const page = await request(ctx.app).get("/registro?utm_source=x&q=lavanderia&pagina=1");
    expect(page.text).not.toContain("utm_source");
    expect(page.text).toContain('href="/mappa?q=lavanderia');
  });
});

describe("the register's search version", () => {
  it("moves when a change commits, not before, and once per transaction", async () => {
    const versions = createRegistrySearchRepository(ctx.db.prisma, ctx.db.pool);
    const before = BigInt(await versions.version());
    let inside = 0n;
    await ctx.db.prisma.$transaction(async (tx) => {
      await tx.organization.updateMany({ data: { description: "Aggiornata." } });
      await tx.measure.updateMany({ data: { partners: "Comune" } });
      // Another connection still reads the committed version.
      inside = BigInt(await versions.version());
    });
    expect(inside).toBe(before);
    expect(BigInt(await versions.version())).toBe(before + 1n);
  });

  it("fails closed when its row is missing, rather than caching forever", async () => {
    const versions = createRegistrySearchRepository(ctx.db.prisma, ctx.db.pool);
    const [row] = await ctx.db.prisma.searchState.findMany();
    await ctx.db.prisma.searchState.deleteMany();
    try {
      await expect(versions.version()).rejects.toThrow(/SearchState/);
    } finally {
      await ctx.db.prisma.searchState.create({ data: row! });
    }
  });

  it("stays put when nothing public-search related changes", async () => {
    const versions = createRegistrySearchRepository(ctx.db.prisma, ctx.db.pool);
    const before = await versions.version();
    await ctx.db.prisma.user.create({ data: { email: "nessuno@example.org", name: "Nessuno", passwordHash: "x" } });
    // A first draft: an organization row that never was public.
    const draft = await ctx.db.prisma.organization.create({ data: { slug: "bozza-cache", name: "Bozza" } });
    await ctx.db.prisma.organization.update({ where: { id: draft.id }, data: { name: "Bozza rivista" } });
    expect(await versions.version()).toBe(before);
    // Published at last: now it counts.
    await ctx.db.prisma.organization.update({ where: { id: draft.id }, data: { registryStatus: "REGISTERED" } });
    expect(BigInt(await versions.version())).toBe(BigInt(before) + 1n);
  });
});
