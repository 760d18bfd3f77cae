import type { Db } from "../shared/db.js";

/**
 * The version of everything the public figures read: the register's search
 * version (organizations, measures, networks, Pact, comuni: migration
 * "search_state") and the public data version (events, funding, ATECO
 * sections: migration "public_data_state"; monitoring reports,
 * classifications, improvement goals: migration "monitoring_report"), as
 * one string. Both rows are bumped by deferred triggers when a transaction
 * commits, so a value cached under this string is exact until the next
 * committed change.
 */
export function createPublicDataVersionRepository(db: Db) {
  return { version: () => publicDataVersion(db) };
}

async function publicDataVersion(db: Db): Promise<string> {
  const rows = await db.$queryRaw<{ version: string | null }[]>`
    SELECT (SELECT version FROM "SearchState" WHERE id = 1)::text || '.' ||
           (SELECT version FROM "PublicDataState" WHERE id = 1)::text AS version`;
  // Fail closed: without the rows nothing would ever invalidate the cached figures.
  const version = rows[0]?.version;
  if (!version) throw new Error('The "SearchState" or "PublicDataState" row is missing: run the migrations');
  return version;
}
