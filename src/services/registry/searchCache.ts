import { LRUCache } from "lru-cache";

/**
 * Public search answers, kept while the register is unchanged: what is sent
 * (a rendered page, an API answer's JSON, the map's GeoJSON), never the result
 * objects, which every garbage collection would have to walk (thousands of
 * entries made random new searches 40 % slower with the cache on than off).
 *
 * Every entry is filed under the register's search version (the "SearchState"
 * row, which the database itself bumps when a transaction that touched public
 * search data commits — see the migration "search_state"). The version is read
 * before the search runs, so an entry never holds data older than its version;
 * after any change the version moves on and old entries are simply never asked
 * for again (the LRU drops them). Every instance of the app reads the same row,
 * so a suspension on one instance empties the results of all of them at once.
 *
 * An answer is kept from the second time it is asked (among the last
 * ASKED_ONCE searches asked once): a search asked once, as most new searches
 * are, is computed, sent and forgotten, instead of pushing popular answers out
 * of the cache and filling the heap with pages nobody asks again. At 100,000
 * organizations random new searches on /registro ran 30 % slower with the cache
 * on than off when every answer was kept (the garbage collector moving and
 * then freeing 64 MB of one-off pages, 2026-12-06).
 *
 * Concurrent misses for the same search share one computation. An entry's size
 * is its bytes' (a text's: two bytes a character), so `maxBytes` bounds the
 * memory used. The register keeps the bytes sent (registryService.ts).
 */
export function createSearchCache(maxBytes: number) {
  const entries =
    maxBytes > 0
      ? new LRUCache<string, Answer>({
          maxSize: maxBytes,
          sizeCalculation: (answer, id) =>
            (typeof answer === "string" ? 2 * answer.length : answer.byteLength) + 2 * id.length + 64,
        })
      : undefined;
  /** Searches asked once (not kept yet), by id; about 150 bytes each. */
  const askedOnce = new LRUCache<string, true>({ max: ASKED_ONCE });
  const running = new Map<string, Promise<Answer>>();

  return {
    /** `compute`'s answer for `key` under `version`: the same type (text or bytes) every time for a key. */
    async get<T extends Answer>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
      if (!entries) return compute();
      const id = `${version}\u0000${key}`;
      const hit = (entries.get(id) ?? running.get(id)) as T | Promise<T> | undefined;
      if (hit !== undefined) return hit;
      const keep = askedOnce.delete(id);
      if (!keep) askedOnce.set(id, true);
      const text = compute();
      running.set(id, text);
      try {
        const result = await text;
        if (keep) entries.set(id, result);
        return result;
      } finally {
        running.delete(id);
      }
    },
  };
}

/** What is kept: a text, or the bytes to send. */
type Answer = string | Buffer;

/** How many searches asked once are remembered (waiting for a second request to be kept). */
export const ASKED_ONCE = 10_000;

export type SearchCache = ReturnType<typeof createSearchCache>;
