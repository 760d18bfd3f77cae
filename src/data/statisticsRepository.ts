import type { Db } from "./db.js";

// Public monitoring figures. Every count starts from REGISTERED organizations
// and their published measures (the only rows that hold approved data).

export function createStatisticsRepository(db: Db) {
  return {
    /** All 55 comuni, with zero where no organization is registered. */
    organizationsByComune() {
      return db.$queryRaw<{ istatCode: string; name: string; organizations: number }[]>`
        SELECT c."istatCode", c.name, count(o.id)::int AS organizations
        FROM "Comune" c
        LEFT JOIN "Organization" o ON o."comuneCode" = c."istatCode" AND o."registryStatus" = 'REGISTERED'
        GROUP BY c."istatCode", c.name
        ORDER BY organizations DESC, c.name`;
    },

    /** Published measures per category, and how many of them are open to citizens. */
    measuresByCategory() {
      return db.$queryRaw<{ category: string; measures: number; openToCitizens: number; organizations: number }[]>`
        SELECT m.category::text AS category, count(*)::int AS measures,
               count(*) FILTER (WHERE m."openToCitizens")::int AS "openToCitizens",
               count(DISTINCT m."organizationId")::int AS organizations
        FROM "Measure" m JOIN "Organization" o ON o.id = m."organizationId"
        WHERE o."registryStatus" = 'REGISTERED'
        GROUP BY m.category ORDER BY m.category`;
    },

    organizationsBySize() {
      return db.$queryRaw<{ sizeClass: string | null; organizations: number }[]>`
        SELECT "sizeClass"::text AS "sizeClass", count(*)::int AS organizations
        FROM "Organization" WHERE "registryStatus" = 'REGISTERED'
        GROUP BY "sizeClass"
        ORDER BY array_position(ARRAY['MICRO','SMALL','MEDIUM','LARGE'], "sizeClass"::text) NULLS LAST`;
    },

    organizationsByAteco() {
      return db.$queryRaw<{ code: string | null; nameIt: string | null; nameEn: string | null; organizations: number }[]>`
        SELECT a.code, a."nameIt", a."nameEn", count(*)::int AS organizations
        FROM "Organization" o LEFT JOIN "AtecoSection" a ON a.code = o."atecoSectionCode"
        WHERE o."registryStatus" = 'REGISTERED'
        GROUP BY a.code, a."nameIt", a."nameEn"
        ORDER BY organizations DESC, a.code NULLS LAST`;
    },

    /** Current classification outcome of every published measure (null: not classified yet). */
    measuresByOutcome() {
      return db.$queryRaw<{ outcome: string | null; measures: number }[]>`
        SELECT m."currentOutcome"::text AS outcome, count(*)::int AS measures
        FROM "Measure" m JOIN "Organization" o ON o.id = m."organizationId"
        WHERE o."registryStatus" = 'REGISTERED'
        GROUP BY m."currentOutcome"
        ORDER BY array_position(ARRAY['TERRITORIAL_WELFARE','COMPANY_BENEFIT','TO_BE_EXAMINED'], m."currentOutcome"::text) NULLS LAST`;
    },

    /** Registrations (first approval) per month, in Italian time. */
    registrationsByMonth() {
      return db.$queryRaw<{ year: number; month: number; organizations: number }[]>`
        SELECT extract(year FROM local)::int AS year, extract(month FROM local)::int AS month, count(*)::int AS organizations
        FROM (SELECT "registeredAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome' AS local
              FROM "Organization" WHERE "registryStatus" = 'REGISTERED' AND "registeredAt" IS NOT NULL) r
        GROUP BY 1, 2 ORDER BY 1, 2`;
    },
  };
}

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;
