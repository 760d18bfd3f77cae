/**
 * One value computed at most once per version of the data it reads: the home
 * page's counts, the public statistics, the open-data files.
 *
 * The caller reads the version first (one indexed row, bumped by the database
 * when a transaction that changed the data commits), then asks for the value
 * under it. A value is kept for its version only, so after any committed change
 * the next request computes it again: exact on every instance, never per
 * request. Concurrent requests under the same version share one computation
 * (single flight); a failed computation is forgotten, so the next request
 * tries again. Memory: one value (the latest version's), whatever the traffic.
 *
 * `expiresAt` covers values that also depend on the clock (statistics count
 * the events already held): the value is recomputed once that moment passes.
 */
export function createVersionedMemo<T>(
  compute: (version: string) => Promise<T>,
  expiresAt?: (value: T) => Date | null,
) {
  let entry: { version: string; value: Promise<T>; expires: number } | undefined;

  return {
    get(version: string): Promise<T> {
      if (entry && entry.version === version && Date.now() < entry.expires) return entry.value;
      const value = compute(version);
      const current = { version, value, expires: Infinity };
      entry = current;
      value.then(
        (result) => {
          current.expires = expiresAt?.(result)?.getTime() ?? Infinity;
        },
        () => {
          if (entry === current) entry = undefined;
        },
      );
      return value;
    },
  };
}

export type VersionedMemo<T> = ReturnType<typeof createVersionedMemo<T>>;
