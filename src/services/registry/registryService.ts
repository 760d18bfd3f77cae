import type { OrganizationRepository } from "../../data/registry/organizationRepository.js";
import {
  isRanked,
  RANK_CANDIDATES,
  type RegistrySearchRepository,
} from "../../data/registry/registrySearchRepository.js";
import { MAX_RESULTS, PAGE_SIZE, measureMatches, searchKey, type RegistrySearch } from "../../domain/registrySearch.js";
import type { SearchCache } from "./searchCache.js";
import { createVersionedMemo } from "../shared/versionedMemo.js";
import type { MapPoint, MemoryIndexHolder } from "./memorySearchIndex.js";
import { rankedLexemes } from "../../domain/tsquery.js";

/** `memoryIndex`: answer searches from the in-process index when it is of the current version. */
export function createRegistryService(
  search: RegistrySearchRepository,
  organizations: OrganizationRepository,
  cache: SearchCache,
  memoryIndex?: MemoryIndexHolder,
) {
  /** Cached under the register's current version: never older than what is committed. */
  const cached = async <T>(key: string, compute: (version: string) => Promise<T>) => {
    const version = await search.version();
    return cache.get(version, key, () => compute(version));
  };
  // The home page's whole-register counts: once per committed change, not per visit.
  const home = createVersionedMemo(async () => {
    const [counts, latest] = await Promise.all([organizations.publicCounts(), organizations.latestRegistered(6)]);
    return { counts, latest };
  });

  return {
    /** One page of public results, each organization with its measures (matching ones first). */
    search(query: RegistrySearch) {
      return cached(`page:${searchKey(query)}`, (version) => searchPage(query, version));
    },

    /** Points for the map: the same search, nearest/best first, without paging. */
    mapPoints(query: RegistrySearch, limit: number) {
      return cached(`map:${limit}:${searchKey({ ...query, page: 1 })}`, async (version): Promise<MapPoint[]> => {
        const found = await find(query, version, limit, 0);
        // From the index the points come from memory: the map reads nothing else.
        return found.from === "memory" ? found.index.points(found.ids, query.origin) : found.hits;
      });
    },

    /** A whole rendered page of results, for visitors who are not signed in (routes/public/searchPage.ts). */
    cachedPage(key: string, render: () => Promise<string>) {
      return cached(`html:${key}`, render);
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
   * otherwise from PostgreSQL (the hits).
   */
  async function find(query: RegistrySearch, version: string, limit: number, offset: number) {
    const prepared = await search.prepare(query);
    const ranked = isRanked(prepared);
    const index = memoryIndex?.at(version);
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
        { order, offset, limit, rankLexemes: text ? rankedLexemes(text) : [] },
      );
      // Every match is ranked: the order by relevance is exact.
      const hits = () => search.hitsByIds(prepared, found.page);
      return { from: "memory" as const, index, ids: found.page, hits, total: found.total, approximateOrder: false };
    }
    const counted = await search.countAndPage(prepared, MAX_RESULTS + 1, limit, offset);
    const hits = counted.hits ?? (await search.walk(prepared, limit, offset));
    const approximateOrder = ranked && counted.total > RANK_CANDIDATES;
    return { from: "database" as const, hits, total: counted.total, approximateOrder };
  }

  async function searchPage(query: RegistrySearch, version: string) {
    const offset = (query.page - 1) * PAGE_SIZE;
    const found = await find(query, version, PAGE_SIZE, offset);
    const { total, approximateOrder } = found;
    const hits = found.from === "memory" ? await found.hits() : found.hits;
    const measures = hits.length ? await search.measuresOf(hits.map((h) => h.id)) : [];
    const results = hits.map((hit) => {
      const own = measures
        .filter((m) => m.organizationId === hit.id)
        .map((m) => ({ ...m, matches: measureMatches(m, query) }))
        .sort((a, b) => Number(b.matches) - Number(a.matches));
      return { ...hit, measures: own };
    });
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
}

export type RegistryService = ReturnType<typeof createRegistryService>;
