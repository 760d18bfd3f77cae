import { createHash, randomBytes } from "node:crypto";
import type { OrganizationRepository } from "../../data/registry/organizationRepository.js";
import {
  isRanked,
  RANK_CANDIDATES,
  type OrganizationDetails,
  type OrganizationHit,
  type PreparedSearch,
  type RegistrySearchRepository,
} from "../../data/registry/registrySearchRepository.js";
import { MAX_RESULTS, PAGE_SIZE, measureMatches, searchKey, type RegistrySearch } from "../../domain/registrySearch.js";
import type { SearchCache } from "./searchCache.js";
import { createVersionedMemo } from "../shared/versionedMemo.js";
import type { MapPoint, MemoryIndexHolder, ResultCard } from "./memorySearchIndex.js";
import { rankedLexemes } from "../../domain/tsquery.js";

/** `memoryIndex`: answer searches from the in-process index when it is of the current version. */
export function createRegistryService(
  search: RegistrySearchRepository,
  organizations: OrganizationRepository,
  cache: SearchCache,
  memoryIndex?: MemoryIndexHolder,
) {
  /**
   * `compute` cached under `version` (read before the search: never older than
   * what is committed), with its ETag. Every search starts with `prepare`, whose one statement
   * reads the version with the text query: a cached answer costs that round
   * trip, and so does a new results page or map the in-process index answers
   * (the API's detailed page reads its organizations' descriptions by id: one more).
   */
  const cached = async (
    version: string,
    key: string,
    compute: () => Promise<string | Buffer>,
  ): Promise<SearchAnswer> => ({
    body: await cache.get(version, key, async () => bytesOf(await compute())),
    etag: validatorOf(version, key),
  });

  // The home page's whole-register counts: once per committed change, not per visit.
  const home = createVersionedMemo(async () => {
    const [counts, latest] = await Promise.all([organizations.publicCounts(), organizations.latestRegistered(6)]);
    return { counts, latest };
  });

  return {
    /**
     * One page of public results as the result pages show them, each
     * organization with its measures (matching ones first): from the
     * in-process index when it is current, without reading a row.
     */
    async search(query: RegistrySearch) {
      return searchPage(await search.prepare(query), "cards");
    },

    /** The same page with every column of the organizations and measures (the API's answer). */
    async searchDetailed(query: RegistrySearch) {
      return searchPage(await search.prepare(query), "detailed");
    },

    /** Points for the map: the same search, nearest/best first, without paging. */
    async mapPoints(query: RegistrySearch, limit: number) {
      return mapPoints(await search.prepare({ ...query, page: 1 }), limit);
    },

    /**
     * What a search sends to visitors who are not signed in (a whole page,
     * routes/public/searchPage.ts; the API's JSON), cached as its bytes under
     * `key`, with its ETag (SearchAnswer): `render` gets the search's results
     * (undefined without a search: places to choose from). Only the bytes are
     * kept: thousands of cached result objects made every garbage collection
     * walk them, and random new searches at 100,000 organizations ran 40 %
     * slower with the cache on than off.
     */
    async cachedPage(
      key: string,
      query: RegistrySearch | undefined,
      render: (outcome: SearchOutcome<ResultCard> | undefined) => Promise<string> | string,
    ) {
      if (!query) return cached(await search.version(), `body:${key}`, async () => render(undefined));
      const p = await search.prepare(query);
      return cached(p.version, `body:${key}`, async () => render(await searchPage(p, "cards")));
    },

    /** The API's answer, as `cachedPage` does for result pages, with every column (`searchDetailed`). */
    async cachedDetailedPage(key: string, query: RegistrySearch, render: (outcome: SearchOutcome<Result>) => string) {
      const p = await search.prepare(query);
      return cached(p.version, `detailed:${key}`, async () => render(await searchPage(p, "detailed")));
    },

    /** The map's answer for visitors, as `cachedPage` does for result pages. */
    async cachedMap(query: RegistrySearch, limit: number, render: (points: MapPoint[]) => Buffer) {
      const p = await search.prepare({ ...query, page: 1 });
      return cached(p.version, `map:${limit}:${searchKey(p.search)}`, async () => render(await mapPoints(p, limit)));
    },

    organizationPage(slug: string) {
      return organizations.findPublicBySlug(slug);
    },

    /** Builds the in-process search index now (undefined when there is none or it failed: PostgreSQL answers). */
    async buildMemoryIndex() {
      return memoryIndex?.build();
    },

    /** For /health: "off", "building" (no index built yet), or the last index built. */
    memoryIndexStatus() {
      if (!memoryIndex) return "off";
      const { version, size, bytes } = memoryIndex.status();
      return version === undefined
        ? "building"
        : { version, organizations: size, megabytes: Math.round((bytes ?? 0) / 2 ** 20) };
    },

    async homeSummary() {
      return home.get(await search.version());
    },
  };

  /**
   * `limit` results of a search from `offset`, and the number of matches (at
   * least up to MAX_RESULTS + 1): from the in-process index when it is of
   * `version` and can read the words (the ids, then `hits()` reads them),
   * otherwise from PostgreSQL (the hits). `withCount: false` (the map, which
   * shows no count): the index may stop once the page is complete.
   */
  async function find(prepared: PreparedSearch, limit: number, offset: number, withCount = true) {
    const query = prepared.search;
    const ranked = isRanked(prepared);
    const index = memoryIndex?.at(prepared.version);
    const text = prepared.tsquery === null ? undefined : prepared.parsed;
    if (index && text !== null) {
      const { sort, origin } = query;
      const order = ranked
        ? "relevance"
        : sort === "distanza" && origin
          ? "distance"
          : sort === "recenti"
            ? "date"
            : "name";
      const found = index.find(
        { search: query, text, viaNetworks: prepared.viaNetworks },
        {
          order,
          offset,
          limit,
          rankLexemes: text ? rankedLexemes(text) : [],
          countUpTo: withCount ? MAX_RESULTS + 1 : 0,
        },
      );
      // Every match is ordered (one word: score by score; more: ranked): the order by relevance is exact.
      return { from: "memory" as const, index, ids: found.page, total: found.total, approximateOrder: false };
    }
    const counted = await search.countAndPage(prepared, MAX_RESULTS + 1, limit, offset);
    const hits = counted.hits ?? (await search.walk(prepared, limit, offset));
    const approximateOrder = ranked && counted.total > RANK_CANDIDATES;
    return { from: "database" as const, hits, total: counted.total, approximateOrder };
  }

  async function mapPoints(p: PreparedSearch, limit: number): Promise<MapPoint[]> {
    // The map shows no count: the index stops at its 500th point in name, date or distance order.
    const found = await find(p, limit, 0, false);
    // From the index the points come from memory: the map reads nothing else.
    return found.from === "memory" ? found.index.points(found.ids, p.search.origin) : found.hits;
  }

  /**
   * A page of results. "cards": what the result pages show (ResultCard), from
   * the index's memory when it answered; "detailed": every column, read by id.
   */
  async function searchPage(p: PreparedSearch, detail: "cards"): Promise<SearchOutcome<ResultCard>>;
  async function searchPage(p: PreparedSearch, detail: "detailed"): Promise<SearchOutcome<Result>>;
  async function searchPage(p: PreparedSearch, detail: "cards" | "detailed"): Promise<SearchOutcome<ResultCard>> {
    const query = p.search;
    const offset = (query.page - 1) * PAGE_SIZE;
    const found = await find(p, PAGE_SIZE, offset);
    const { total, approximateOrder } = found;
    const withMeasures: ResultCard[] =
      found.from === "database"
        ? await measuresFor(found.hits)
        : detail === "cards"
          ? found.index.cards(found.ids, query.origin)
          : await detailedCards(found.index.cards(found.ids, query.origin));
    // The rows are this request's own: marked in place (a spread of each cost 1-4 us, node 20).
    const results = withMeasures.map((hit) =>
      Object.assign(hit, {
        measures: hit.measures
          .map((m) => Object.assign(m, { matches: measureMatches(m, query) }))
          .sort((a, b) => Number(b.matches) - Number(a.matches)),
      }),
    );
    const countable = Math.min(total, MAX_RESULTS);
    return {
      results,
      total: countable,
      moreThanMax: total > MAX_RESULTS,
      /** Ranked among the first RANK_CANDIDATES matches only: the page says so. */
      approximateOrder,
      page: query.page,
      pages: Math.max(1, Math.ceil(countable / PAGE_SIZE)),
    };
  }

  /**
   * The index's cards with what the API shows beyond them, read by id (an
   * organization deleted since the search's version is left out, as the
   * database path would).
   */
  async function detailedCards(cards: ResultCard[]): Promise<Result[]> {
    const details = await search.organizationDetails(cards.map((c) => c.id));
    return cards.flatMap((card) => {
      const more = details.get(card.id);
      return more ? [Object.assign(card, more)] : [];
    });
  }

  /** A page PostgreSQL found, each organization with its public measures. */
  async function measuresFor(hits: OrganizationHit[]) {
    const measures = hits.length ? await search.measuresOf(hits.map((h) => h.id)) : [];
    return hits.map((hit) => Object.assign(hit, { measures: measures.filter((m) => m.organizationId === hit.id) }));
  }
}

/**
 * A search's answer as sent (a page, the API's JSON, the map's GeoJSON) and its
 * validator: an ETag from this process, the register's version and the answer's
 * key, which determine the answer as they determine what the search cache keeps
 * (a deploy starts a new process: new asset URLs, texts, templates). Express
 * would hash the whole body of every answer for it: 46 KB for a results page,
 * 140 KB for the map's 500 points.
 */
export interface SearchAnswer {
  /** The bytes sent (UTF-8): a cached answer is not encoded again on every request. */
  body: Buffer;
  etag: string;
}

const encoder = new TextEncoder();

/**
 * A text's UTF-8 bytes, in memory of their own (a Buffer.from of less than 4 KB
 * is a slice of a shared 8 KB block, which a cached entry would keep whole).
 * TextEncoder: 125 us for the map's 140 KB where Buffer.from takes 155 us (node 20).
 */
export function bytesOf(body: string | Buffer): Buffer {
  if (typeof body !== "string") return body;
  const bytes = encoder.encode(body);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const PROCESS = randomBytes(6).toString("base64url");

function validatorOf(version: string, key: string): string {
  return `W/"${PROCESS}-${version}-${createHash("sha1").update(key).digest("base64url")}"`;
}

/** An organization with every column the API shows (a ResultCard with more). */
type Result = ResultCard & OrganizationDetails;

/** A page of results of type T, each measure marked when it matches the search. */
export interface SearchOutcome<T extends ResultCard> {
  results: (Omit<T, "measures"> & { measures: (T["measures"][number] & { matches: boolean })[] })[];
  total: number;
  moreThanMax: boolean;
  /** Ranked among the first RANK_CANDIDATES matches only: the page says so. */
  approximateOrder: boolean;
  page: number;
  pages: number;
}

export type RegistryService = ReturnType<typeof createRegistryService>;
