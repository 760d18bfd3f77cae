import type { OrganizationRepository } from "../data/organizationRepository.js";
import type { RegistrySearchRepository } from "../data/registrySearchRepository.js";
import { measureMatches, type RegistrySearch } from "../domain/registrySearch.js";
import { MAX_RESULTS, PAGE_SIZE } from "../routes/public/registry.schema.js";

export function createRegistryService(search: RegistrySearchRepository, organizations: OrganizationRepository) {
  return {
    /** One page of public results, each organization with its measures (matching ones first). */
    async search(query: RegistrySearch) {
      const offset = (query.page - 1) * PAGE_SIZE;
      const [hits, total] = await Promise.all([
        search.find(query, PAGE_SIZE, offset),
        search.count(query, MAX_RESULTS + 1),
      ]);
      const measures = hits.length ? await organizations.measuresOf(hits.map((h) => h.id)) : [];
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
        page: query.page,
        pages: Math.max(1, Math.ceil(countable / PAGE_SIZE)),
      };
    },

    /** Points for the map: the same search, nearest/best first, without paging. */
    mapPoints(query: RegistrySearch, limit: number) {
      return search.find(query, limit, 0);
    },

    organizationPage(slug: string) {
      return organizations.findPublicBySlug(slug);
    },

    async homeSummary() {
      const [counts, latest] = await Promise.all([organizations.publicCounts(), organizations.latestRegistered(6)]);
      return { counts, latest };
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
