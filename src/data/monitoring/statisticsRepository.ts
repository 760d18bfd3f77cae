import type { Db } from "../shared/db.js";

// Public monitoring figures. Every count starts from REGISTERED organizations
// and their published measures (the only rows that hold approved data).

export function createStatisticsRepository(db: Db) {
  return {
    /**
     * Registered organizations counted by comune, size class, ATECO section and
     * month of registration (in Italian time) in one pass over the table
     * (grouping sets): at 100,000 organizations one scan instead of four
     * (about 0.4 s instead of 1.3 s here, cold). `key` is null for the
     * organizations without that value.
     */
    organizationCounts() {
      return db.$queryRaw<
        { dimension: "comune" | "size" | "ateco" | "month"; key: string | null; organizations: number }[]
      >`
        SELECT CASE WHEN GROUPING("comuneCode") = 0 THEN 'comune'
                    WHEN GROUPING("sizeClass") = 0 THEN 'size'
                    WHEN GROUPING("atecoSectionCode") = 0 THEN 'ateco'
                    ELSE 'month' END AS dimension,
               coalesce("comuneCode", "sizeClass"::text, "atecoSectionCode", month) AS key,
               count(*)::int AS organizations
        FROM (SELECT "comuneCode", "sizeClass", "atecoSectionCode",
                     to_char("registeredAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome', 'YYYY-MM') AS month
              FROM "Organization" WHERE "registryStatus" = 'REGISTERED') o
        GROUP BY GROUPING SETS (("comuneCode"), ("sizeClass"), ("atecoSectionCode"), (month))`;
    },

    /** The 55 comuni and the ATECO sections, to name the counts (and show zeros). */
    async names() {
      const [comuni, ateco] = await Promise.all([
        db.$queryRaw<{ istatCode: string; name: string }[]>`SELECT "istatCode", name FROM "Comune"`,
        db.$queryRaw<
          { code: string; nameIt: string; nameEn: string }[]
        >`SELECT code, "nameIt", "nameEn" FROM "AtecoSection"`,
      ]);
      return { comuni, ateco };
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

    /** Current classification outcome of every published measure (null: not classified yet). */
    measuresByOutcome() {
      return db.$queryRaw<{ outcome: string | null; measures: number }[]>`
        SELECT m."currentOutcome"::text AS outcome, count(*)::int AS measures
        FROM "Measure" m JOIN "Organization" o ON o.id = m."organizationId"
        WHERE o."registryStatus" = 'REGISTERED'
        GROUP BY m."currentOutcome"
        ORDER BY array_position(ARRAY['TERRITORIAL_WELFARE','COMPANY_BENEFIT','TO_BE_EXAMINED','UNDER_REVIEW'], m."currentOutcome"::text) NULLS LAST`;
    },
  };
}

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;
