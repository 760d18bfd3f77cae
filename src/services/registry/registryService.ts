import type { OrganizationRepository } from "../../data/registry/organizationRepository.js";
import {
  isRanked,
  RANK_CANDIDATES,
  type RegistrySearchRepository,
} from "../../data/registry/registrySearchRepository.js";
import { MAX_RESULTS, PAGE_SIZE, measureMatches, searchKey, type RegistrySearch } from "../../domain/registrySearch.js";
import type { SearchCache } from "./searchCache.js";
import { createVersionedMemo } from "../shared/versionedMemo.js";

export function createRegistryService(
  search: RegistrySearchRepository,
  organizations: OrganizationRepository,
  cache: SearchCache,
) {
  /** Cached under the register's current version: never older than what is committed. */
  const cached = async <T>(key: string, compute: () => Promise<T>) => cache.get(await search.version(), key, compute);
  // The home page's whole-register counts: once per committed change, not per visit.
  const home = createVersionedMemo(async () => {
    const [counts, latest] = await Promise.all([organizations.publicCounts(), organizations.latestRegistered(6)]);
    return { counts, latest };
  });

  return {
    /** One page of public results, each organization with its measures (matching ones first). */
    search(query: RegistrySearch) {
      return cached(`page:${searchKey(query)}`, () => searchPage(query));
    },

    /** Points for the map: the same search, nearest/best first, without paging. */
    mapPoints(query: RegistrySearch, limit: number) {
      return cached(`map:${limit}:${searchKey({ ...query, page: 1 })}`, async () => {
        const prepared = await search.prepare(query);
        const { hits } = await search.countAndPage(prepared, MAX_RESULTS + 1, limit, 0);
        return hits ?? search.walk(prepared, limit, 0);
      });
    },

    /** A whole rendered page of results, for visitors who are not signed in (routes/public/searchPage.ts). */
    cachedPage(key: string, render: () => Promise<string>) {
      return cached(`html:${key}`, render);
    },

    organizationPage(slug: string) {
      return organizations.findPublicBySlug(slug);
    },

    async homeSummary() {
      return home.get(await search.version());
    },
  };

  async function searchPage(query: RegistrySearch) {
    const offset = (query.page - 1) * PAGE_SIZE;
    const prepared = await search.prepare(query);
    const counted = await search.countAndPage(prepared, MAX_RESULTS + 1, PAGE_SIZE, offset);
    const total = counted.total;
    const hits = counted.hits ?? (await search.walk(prepared, PAGE_SIZE, offset));
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
      approximateOrder: isRanked(prepared) && total > RANK_CANDIDATES,
      page: query.page,
      pages: Math.max(1, Math.ceil(countable / PAGE_SIZE)),
    };
  }
}

export type RegistryService = ReturnType<typeof createRegistryService>;
