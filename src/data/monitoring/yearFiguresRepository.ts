import type { Db } from "../shared/db.js";
import { instantInRomeYear } from "../shared/romeYear.js";

// The figures of one year (in Bologna's time) that the yearly monitoring report
// shows beside its texts, besides the events, funding and pilots that their own
// repositories count per year. Like every public figure, they count registered
// organizations only.

export function createYearFiguresRepository(db: Db) {
  return {
    /** Organizations first registered in `year` that are still in the register. */
    async registrations(year: number): Promise<number> {
      const rows = await db.$queryRaw<{ organizations: number }[]>`
        SELECT count(*)::int AS organizations FROM "Organization"
        WHERE "registryStatus" = 'REGISTERED' AND ${instantInRomeYear(`"registeredAt"`, year)}`;
      return rows[0]?.organizations ?? 0;
    },

    /**
     * Measures classified by staff in `year`, by the outcome of the last
     * classification given to each that year (a measure classified twice
     * counts once): territorial welfare, company benefit, to be examined.
     */
    classifications(year: number) {
      return db.$queryRaw<{ outcome: string; measures: number }[]>`
        SELECT outcome::text AS outcome, count(*)::int AS measures
        FROM (SELECT DISTINCT ON (c."measureId") c.outcome
              FROM "Classification" c
              JOIN "Measure" m ON m.id = c."measureId"
              JOIN "Organization" o ON o.id = m."organizationId"
              WHERE o."registryStatus" = 'REGISTERED' AND ${instantInRomeYear(`c."createdAt"`, year)}
              ORDER BY c."measureId", c."createdAt" DESC, c.id DESC) latest
        GROUP BY outcome
        ORDER BY array_position(ARRAY['TERRITORIAL_WELFARE','COMPANY_BENEFIT','TO_BE_EXAMINED'], outcome::text)`;
    },

    /**
     * Goals of improvement plans agreed in `year`, and those closed in it, met
     * or not: counts over all registered firms, naming none (a firm's own plan
     * is public only if it agreed).
     */
    async improvementGoals(year: number) {
      const rows = await db.$queryRaw<{ agreed: number; met: number; notMet: number }[]>`
        SELECT count(*) FILTER (WHERE ${instantInRomeYear(`g."createdAt"`, year)})::int AS agreed,
               count(*) FILTER (WHERE g.status = 'MET' AND ${instantInRomeYear(`g."closedAt"`, year)})::int AS met,
               count(*) FILTER (WHERE g.status = 'NOT_MET' AND ${instantInRomeYear(`g."closedAt"`, year)})::int AS "notMet"
        FROM "ImprovementGoal" g JOIN "Organization" o ON o.id = g."organizationId"
        WHERE o."registryStatus" = 'REGISTERED'`;
      return rows[0] ?? { agreed: 0, met: 0, notMet: 0 };
    },
  };
}

export type YearFiguresRepository = ReturnType<typeof createYearFiguresRepository>;
