import { LRUCache } from "lru-cache";

/**
 * Public search answers, kept while the register is unchanged: the text sent
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
 * Concurrent misses for the same search share one computation. An entry's size
 * is its text's (two bytes a character), so `maxBytes` bounds the memory used.
 */
export function createSearchCache(maxBytes: number) {
  const entries =
    maxBytes > 0
      ? new LRUCache<string, { text: Promise<string>; size: number }>({
          maxSize: maxBytes,
          sizeCalculation: (entry) => entry.size,
        })
      : undefined;

  return {
    async get(version: string, key: string, compute: () => Promise<string>): Promise<string> {
      if (!entries) return compute();
      const id = `${version}\u0000${key}`;
      const hit = entries.get(id);
      if (hit) return hit.text;
      const text = compute();
      // A placeholder size while it runs; the real one once the text is known.
      entries.set(id, { text, size: 1024 });
      try {
        const result = await text;
        if (entries.get(id)?.text === text) entries.set(id, { text, size: 2 * (result.length + id.length) + 64 });
        return result;
      } catch (error) {
        if (entries.get(id)?.text === text) entries.delete(id);
        throw error;
      }
    },
  };
}

export type SearchCache = ReturnType<typeof createSearchCache>;
