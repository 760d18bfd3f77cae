import { LRUCache } from "lru-cache";

/**
 * Public search results, kept while the register is unchanged.
 *
 * Every entry is filed under the register's search version (the "SearchState"
 * row, which the database itself bumps when a transaction that touched public
 * search data commits — see the migration "search_state"). The version is read
 * before the search runs, so an entry never holds data older than its version;
 * after any change the version moves on and old entries are simply never asked
 * for again (the LRU drops them). Every instance of the app reads the same row,
 * so a suspension on one instance empties the results of all of them at once.
 *
 * Concurrent misses for the same search share one computation. Sizes are
 * estimated from the JSON length, so `maxBytes` bounds the memory used.
 */
export function createSearchCache(maxBytes: number) {
  const entries =
    maxBytes > 0
      ? new LRUCache<string, { value: Promise<unknown>; size: number }>({
          maxSize: maxBytes,
          sizeCalculation: (entry) => entry.size,
        })
      : undefined;

  return {
    async get<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
      if (!entries) return compute();
      const id = `${version}\u0000${key}`;
      const hit = entries.get(id);
      if (hit) return hit.value as Promise<T>;
      const value = compute();
      // A placeholder size while it runs; the real one once the value is known.
      entries.set(id, { value, size: 1024 });
      try {
        const result = await value;
        if (entries.get(id)?.value === value) entries.set(id, { value, size: 2 * JSON.stringify(result).length });
        return result;
      } catch (error) {
        if (entries.get(id)?.value === value) entries.delete(id);
        throw error;
      }
    },
  };
}

export type SearchCache = ReturnType<typeof createSearchCache>;
