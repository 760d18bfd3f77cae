import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.js";
import { refreshSearchData } from "../../src/data/registry/searchIndexRepository.js";
import { seedSynthetic } from "../../src/db/seed/syntheticData.js";
import { Prng } from "../../src/db/seed/prng.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { textQuery } from "../../src/data/registry/registrySearchRepository.js";
import { parseTsquery, rankedLexemes } from "../../src/domain/tsquery.js";
import type { RegistrySearch } from "../../src/domain/registrySearch.js";
import { beneficiaries, categories, searchableStatuses, sizeClasses, sortOrders } from "../../src/domain/vocabulary.js";
import { buildNetwork } from "../factories/territoryFactory.js";
import { queriesDuring } from "../helpers/queryCounter.js";
import { buildApp, createTestContext, type TestContext } from "../helpers/testApp.js";

// The in-process search index answers exactly what PostgreSQL answers: the
// same random searches asked of a server with the index and of one without it
// give the same counts and the same pages, in the same order.
let ctx: TestContext;
let withIndex: TestContext["services"]["registry"];
let withoutIndex: TestContext["services"]["registry"];
const SIZE = 1500;

beforeAll(async () => {
  ctx = await createTestContext({ searchCacheBytes: 0 });
  await seedSynthetic(ctx.db.pool, SIZE, () => {});
  const ids = (await ctx.db.prisma.organization.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (o) => o.id,
  );
  // What the synthetic register lacks: Pact signatures, networks with measures, classifications.
  await ctx.db.prisma.pactSignature.createMany({
    data: ids
      .filter((_, i) => i % 7 === 0)
      .map((organizationId) => ({
        signatoryType: "FIRM" as const,
        name: "Firma",
        organizationId,
        status: "CONFIRMED" as const,
      })),
  });
  const network = await buildNetwork(ctx.db.prisma, ids[3]!, ids.slice(10, 40), "rete-indice");
  await ctx.db.prisma.measure.create({
    data: {
      networkId: network.id,
      title: "Sportello condiviso di orientamento",
      description: "-",
      category: "MOBILITA",
      beneficiaries: ["CITIZENS"],
      openToCitizens: true,
      networkReview: "APPROVED",
    },
  });
  await ctx.db.prisma.$executeRaw`UPDATE "Measure" SET "currentOutcome" = 'TERRITORIAL_WELFARE' WHERE id % 5 = 0`;
  // The other outcomes: the cards and the API show each one (a search only asks "territorial or not").
  await ctx.db.prisma.$executeRaw`UPDATE "Measure" SET "currentOutcome" = 'COMPANY_BENEFIT' WHERE id % 5 = 1`;
  await ctx.db.prisma.$executeRaw`UPDATE "Measure" SET "currentOutcome" = 'UNDER_REVIEW' WHERE id % 25 = 2`;
  // Titles of more bytes than characters: the index keeps them as UTF-8.
  await ctx.db.prisma.$executeRaw`UPDATE "Measure" SET title = 'Caffè “più” – ' || title || ' 😀' WHERE id % 11 = 0`;
  await refreshSearchData(ctx.db.prisma, null);
  withIndex = ctx.services.registry;
  withoutIndex = buildApp(testConfig({ searchCacheBytes: 0, searchMemoryIndex: false }), ctx.db).services.registry;
  expect(await withIndex.buildMemoryIndex()).toMatchObject({ size: SIZE });
});
afterAll(() => ctx?.db.close());

const WORDS = [
  "welfare",
  "asilo",
  "mensa",
  "palestra",
  "servizi",
  "bimbi",
  "nonni",
  "sportello",
  "orientamento",
  "il",
  "palestra or mensa",
  "asilo -mensa",
  "centro servizi",
  "xyzzy",
];
const PLACES = [
  { lat: 44.4949, lon: 11.3426 },
  { lat: 44.35, lon: 11.7 },
  { lat: 44.6, lon: 11.05 },
];

function randomSearch(rng: Prng): RegistrySearch {
  const some = <T>(items: readonly T[], p: number) => (rng.next() < p ? [rng.pick(items)] : []);
  const origin = rng.next() < 0.4 ? rng.pick(PLACES) : undefined;
  const text = rng.next() < 0.6 ? rng.pick(WORDS) : undefined;
  return {
    text,
    categories: some(categories.slugs, 0.3).map((s) => categories.code(s)),
    comuneCode: rng.next() < 0.15 ? rng.pick(["037006", "037011", "037054"]) : undefined,
    origin,
    radiusKm: rng.pick([2, 5, 10, 25]),
    openOnly: rng.next() < 0.2,
    beneficiaries: some(beneficiaries.slugs, 0.15).map((s) => beneficiaries.code(s)),
    sizes: some(sizeClasses.slugs, 0.15).map((s) => sizeClasses.code(s)),
    ateco: rng.next() < 0.1 ? rng.pick(["C", "G", "Q"]) : undefined,
    statuses: some(searchableStatuses.slugs, 0.15).map((s) => searchableStatuses.code(s)),
    territorialOnly: rng.next() < 0.1,
    pactOnly: rng.next() < 0.1,
    sort: rng.pick(sortOrders),
    page: rng.pick([1, 1, 2, 3]),
  };
}

/** A page as a result page shows it: every field of the cards (the index's come from memory). */
const summary = (outcome: Awaited<ReturnType<typeof withIndex.search>>, byDistance: boolean) => ({
  total: outcome.total,
  moreThanMax: outcome.moreThanMax,
  approximateOrder: outcome.approximateOrder,
  // Organizations at the same distance may come in any order from PostgreSQL's nearest-first walk.
  results: byDistance
    ? outcome.results.map((r) => r.distanceKm?.toFixed(6))
    : outcome.results.map((r) => [
        r.id,
        r.slug,
        r.name,
        r.comuneName,
        r.sizeClass,
        r.approximate,
        r.lat,
        r.lon,
        r.distanceKm?.toFixed(6) ?? null,
        r.measures.map((m) => [...measureFields(m), m.networkName, m.networkSlug]),
      ]),
});

type ShownMeasure = Awaited<ReturnType<typeof withIndex.searchDetailed>>["results"][number]["measures"][number];

/** What a card and the API show of a measure. */
const measureFields = (m: ShownMeasure) => [
  m.id,
  m.title,
  m.category,
  m.status,
  m.openToCitizens,
  [...m.beneficiaries].sort(),
  m.currentOutcome,
  m.matches,
];

/** The API's page: every field the API shows (routes/api/organizations.ts). */
const detailed = (outcome: Awaited<ReturnType<typeof withIndex.searchDetailed>>) =>
  outcome.results.map((r) => ({
    organization: [r.slug, r.name, r.legalForm, r.description, r.comuneCode, r.comuneName, r.sizeClass, r.lat, r.lon],
    registeredAt: r.registeredAt?.toISOString(),
    approximate: r.approximate,
    distanceKm: r.distanceKm?.toFixed(6) ?? null,
    measures: r.measures.map(measureFields),
  }));

/** A search without filters or words (spread over a random one). */
const noFilters = {
  text: undefined,
  categories: [],
  comuneCode: undefined,
  origin: undefined,
  openOnly: false,
  beneficiaries: [],
  sizes: [],
  ateco: undefined,
  statuses: [],
  territorialOnly: false,
  pactOnly: false,
} satisfies Partial<RegistrySearch>;

describe("the in-process search index", () => {
  it("answers 300 random searches exactly as PostgreSQL does, without the count query", async () => {
    const rng = new Prng(20261205);
    let fromIndex = 0;
    for (let k = 0; k < 300; k++) {
      const search = randomSearch(rng);
      let indexed!: Awaited<ReturnType<typeof withIndex.search>>;
      const queries = await queriesDuring(async () => {
        indexed = await withIndex.search(search);
      });
      const plain = await withoutIndex.search(search);
      const byDistance = search.sort === "distanza" && search.origin !== undefined;
      const ranked = search.sort === "rilevanza" && search.text !== undefined;
      // Beyond RANK_CANDIDATES matches PostgreSQL ranks only some of them; the index ranks all.
      if (ranked && plain.approximateOrder) {
        expect({ total: indexed.total, approximate: indexed.approximateOrder }, JSON.stringify(search)).toEqual({
          total: plain.total,
          approximate: false,
        });
      } else {
        expect(summary(indexed, byDistance), JSON.stringify(search)).toEqual(summary(plain, byDistance));
      }
      if (!queries.some((q) => q.includes("WITH c AS MATERIALIZED"))) {
        fromIndex++;
        // A results page from the index reads the version and the text query, and no row.
        expect(queries).toHaveLength(1);
      }
      if (k % 3 === 0 && !(ranked && plain.approximateOrder) && !byDistance) {
        let api!: Awaited<ReturnType<typeof withIndex.searchDetailed>>;
        const apiQueries = await queriesDuring(async () => {
          api = await withIndex.searchDetailed(search);
        });
        expect(detailed(api), JSON.stringify(search)).toEqual(detailed(await withoutIndex.searchDetailed(search)));
        // The API's page from the index: the version and text query, then its organizations' details; no measure.
        if (!apiQueries.some((q) => q.includes("WITH c AS MATERIALIZED"))) {
          expect(apiQueries.length).toBeLessThanOrEqual(2);
          expect(apiQueries.filter((q) => !q.includes('"SearchState"') && q.includes('"Measure"'))).toEqual([]);
        }
      }
      if (k % 3 === 0 && !(ranked && plain.approximateOrder)) {
        // The map's points, which the index answers from memory.
        const points = (list: Awaited<ReturnType<typeof withIndex.mapPoints>>) =>
          list.map((p) => [
            byDistance ? "" : p.slug,
            byDistance ? "" : p.name,
            p.comuneName,
            p.approximate,
            p.distanceKm?.toFixed(6) ?? null,
          ]);
        expect(points(await withIndex.mapPoints(search, 500)), JSON.stringify(search)).toEqual(
          points(await withoutIndex.mapPoints(search, 500)),
        );
      }
    }
    // Only quoted or hyphenated words (phrases) go to PostgreSQL; none are asked here.
    expect(fromIndex).toBe(300);
  }, 60_000); // 600 searches: slow on a loaded machine

  it("takes the measure filters from bitmaps: each category, open to citizens, both, with words and places", async () => {
    const base: RegistrySearch = { ...randomSearch(new Prng(5)), ...noFilters, page: 1, radiusKm: 10 };
    const ways = [
      { text: undefined, origin: undefined, sort: "nome" },
      { text: "servizi", origin: undefined, sort: "nome" },
      { text: undefined, origin: PLACES[0], sort: "distanza" },
      { text: undefined, origin: PLACES[1], sort: "recenti" },
    ] as const;
    const searches: RegistrySearch[] = [];
    for (const category of categories.slugs.map((s) => categories.code(s))) {
      for (const openOnly of [false, true]) {
        for (const way of ways) searches.push({ ...base, ...way, categories: [category], openOnly });
      }
    }
    for (const way of ways) {
      // Open measures alone; two categories with a beneficiary (then each candidate's measures are tested).
      searches.push({ ...base, ...way, openOnly: true });
      searches.push({ ...base, ...way, categories: ["MINORI", "MOBILITA"], beneficiaries: ["CITIZENS"] });
    }
    for (const search of searches) {
      const byDistance = search.sort === "distanza";
      const [indexed, plain] = [await withIndex.search(search), await withoutIndex.search(search)];
      expect(summary(indexed, byDistance), JSON.stringify(search)).toEqual(summary(plain, byDistance));
    }
  });

  it("stops at the page's last match once enough are counted, in name, date and distance order", async () => {
    const index = (await withIndex.buildMemoryIndex())!;
    const everyone: RegistrySearch = { ...randomSearch(new Prng(3)), ...noFilters };
    const nearBologna = { ...everyone, origin: PLACES[0], radiusKm: 25 };
    const searches: [RegistrySearch, "name" | "date" | "distance"][] = [
      [everyone, "name"],
      [everyone, "date"],
      [{ ...everyone, openOnly: true }, "name"],
      [{ ...everyone, openOnly: true }, "date"],
      [nearBologna, "name"],
      [nearBologna, "date"],
      [{ ...everyone, comuneCode: "037006" }, "name"],
      [{ ...everyone, comuneCode: "037006" }, "date"],
      // Nearest first: outward from Bologna's latitude until no one further can be nearer.
      [nearBologna, "distance"],
      [{ ...nearBologna, openOnly: true }, "distance"],
    ];
    for (const [search, order] of searches) {
      const query = { search, text: undefined, viaNetworks: [] };
      const all = index.find(query, { order, offset: 40, limit: 20 });
      const bounded = index.find(query, { order, offset: 40, limit: 20, countUpTo: 101 });
      expect(all.total, `${order} ${JSON.stringify(search)}`).toBeGreaterThan(101);
      // The same page, and not every match counted: up to 101 in name and date order; nearest
      // first, until no one further out can be on the page.
      expect(bounded.page).toEqual(all.page);
      if (order === "distance") expect(bounded.total).toBeGreaterThanOrEqual(101);
      else expect(bounded.total).toBe(101);
      expect(bounded.total).toBeLessThan(all.total);
      // The map, which shows no count (countUpTo 0): the same page, the walk ending with it.
      const pageOnly = index.find(query, { order, offset: 40, limit: 20, countUpTo: 0 });
      expect(pageOnly.page).toEqual(all.page);
      if (order !== "distance") expect(pageOnly.total).toBe(60);
    }
    // Fewer matches than the bound: every one counted.
    const rare = { search: { ...everyone, pactOnly: true }, text: undefined, viaNetworks: [] };
    const rareAll = index.find(rare, { order: "date", offset: 0, limit: 20 });
    expect(rareAll.total).toBeLessThan(1001);
    expect(index.find(rare, { order: "date", offset: 0, limit: 20, countUpTo: 1001 })).toEqual(rareAll);
  });

  it("ranks one word by relevance score by score, stopping once the page and the count are complete", async () => {
    const index = (await withIndex.buildMemoryIndex())!;
    // "sociale": in some names (A), in titles (B) and in descriptions (C) of the synthetic register.
    const [row] = await ctx.db.prisma.$queryRaw<{ q: string }[]>(
      Prisma.sql`SELECT (${textQuery("sociale")})::text AS q`,
    );
    const text = parseTsquery(row!.q);
    if (text === null || text.op === "empty") throw new Error(`no text query: ${row?.q}`);
    const search: RegistrySearch = { ...randomSearch(new Prng(4)), ...noFilters, text: "sociale", sort: "rilevanza" };
    const query = { search, text, viaNetworks: [] };
    const want = { order: "relevance" as const, limit: 20, rankLexemes: rankedLexemes(text) };
    for (const offset of [0, 40, 200]) {
      const all = index.find(query, { ...want, offset });
      const bounded = index.find(query, { ...want, offset, countUpTo: 101 });
      expect(all.total).toBeGreaterThan(offset + 101);
      expect(bounded.page).toEqual(all.page);
      // Not every match ranked: the walk ends once the page and 101 matches are taken.
      expect(bounded.total).toBe(Math.max(101, offset + 20));
    }
    // The same pages as PostgreSQL's ranking (exact while the matches are fewer than its candidates).
    for (const page of [1, 2, 3]) {
      const plain = await withoutIndex.search({ ...search, page });
      expect(plain.approximateOrder).toBe(false);
      expect(summary(await withIndex.search({ ...search, page }), false)).toEqual(summary(plain, false));
    }
  });

  it("is exact the moment a change is committed, and then rebuilt for the new version", async () => {
    const search = randomSearch(new Prng(1));
    const all = { ...search, text: undefined, categories: [], comuneCode: undefined, origin: undefined };
    const everyone = { ...all, beneficiaries: [], sizes: [], ateco: undefined, statuses: [], openOnly: false };
    const query = { ...everyone, territorialOnly: false, pactOnly: false, sort: "nome" as const, page: 1 };
    const before = await withIndex.search(query);
    const first = before.results[0]!;
    await ctx.db.prisma.organization.update({ where: { slug: first.slug }, data: { registryStatus: "SUSPENDED" } });
    const right = await withIndex.search(query);
    expect(right.results.map((r) => r.slug)).not.toContain(first.slug);
    expect(await withIndex.buildMemoryIndex()).toMatchObject({ size: SIZE - 1 });
    const queries = await queriesDuring(async () => {
      expect((await withIndex.search(query)).results.map((r) => r.slug)).toEqual(right.results.map((r) => r.slug));
    });
    expect(queries.some((q) => q.includes("WITH c AS MATERIALIZED"))).toBe(false);
  });

  it("leaves phrases to PostgreSQL, with the same answer", async () => {
    const search = { ...randomSearch(new Prng(2)), text: '"centro servizi"', sort: "nome" as const };
    const queries = await queriesDuring(() => withIndex.search(search));
    expect(queries.some((q) => q.includes("WITH c AS MATERIALIZED"))).toBe(true);
  });
});
