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
 * estimated by walking the value (roughBytes), so `maxBytes` bounds the memory
 * used; JSON.stringify of every new answer cost a third of the throughput of
 * first-time searches, which the cache cannot answer anyway.
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
        if (entries.get(id)?.value === value) entries.set(id, { value, size: roughBytes(result) });
        return result;
      } catch (error) {
        if (entries.get(id)?.value === value) entries.delete(id);
        throw error;
      }
    },
  };
}

export type SearchCache = ReturnType<typeof createSearchCache>;

/** About the memory a value holds: strings by length, objects and arrays walked, 16 bytes a value. */
export function roughBytes(value: unknown): number {
  if (typeof value === "string") return 2 * value.length + 16;
  if (value === null || typeof value !== "object" || value instanceof Date) return 16;
  let bytes = 32;
  if (Array.isArray(value)) for (const item of value) bytes += 8 + roughBytes(item);
  else for (const [key, item] of Object.entries(value)) bytes += 2 * key.length + roughBytes(item);
  return bytes;
}
