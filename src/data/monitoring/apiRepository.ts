import type { Prisma } from "../../generated/prisma/client.js";
import type { MeasureCategory } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";

const registered = { registryStatus: "REGISTERED" } as const;

export interface MeasureFilter {
  categories: MeasureCategory[];
  openOnly: boolean;
  comuneCode?: string | undefined;
  territorialOnly: boolean;
}

/** Read-only public data for /api/v1 that the register search does not cover. */
export function createApiRepository(db: Db) {
  const measureWhere = (f: MeasureFilter): Prisma.MeasureWhereInput => ({
    organization: { ...registered, ...(f.comuneCode ? { comuneCode: f.comuneCode } : {}) },
    ...(f.categories.length ? { category: { in: f.categories } } : {}),
    ...(f.openOnly ? { openToCitizens: true } : {}),
    ...(f.territorialOnly ? { currentOutcome: "TERRITORIAL_WELFARE" as const } : {}),
  });

  return {
    /** Published measures of registered organizations, a page at a time. */
    async measures(filter: MeasureFilter, take: number, skip: number) {
      const where = measureWhere(filter);
      const [items, total] = await Promise.all([
        db.measure.findMany({
          where,
          orderBy: { id: "asc" },
          take,
          skip,
          include: {
            organization: { select: { slug: true, name: true, comuneCode: true, comune: { select: { name: true } } } },
          },
        }),
        db.measure.count({ where }),
      ]);
      return { items, total };
    },

    async events(take: number, skip: number) {
      const [items, total] = await Promise.all([
        db.event.findMany({
          orderBy: [{ startsAt: "desc" }, { id: "desc" }],
          take,
          skip,
          include: { comune: { select: { name: true } } },
        }),
        db.event.count(),
      ]);
      return { items, total };
    },

    comuni() {
      return db.$queryRaw<
        {
          istatCode: string;
          name: string;
          cap: string;
          lat: number;
          lon: number;
          population: number;
          organizations: number;
        }[]
      >`
        SELECT c."istatCode", c.name, c.cap, c.lat, c.lon, c.population, count(o.id)::int AS organizations
        FROM "Comune" c
        LEFT JOIN "Organization" o ON o."comuneCode" = c."istatCode" AND o."registryStatus" = 'REGISTERED'
        GROUP BY c."istatCode" ORDER BY c.name`;
    },

    categoryCounts() {
      return db.$queryRaw<{ category: MeasureCategory; measures: number; openToCitizens: number }[]>`
        SELECT m.category, count(*)::int AS measures, count(*) FILTER (WHERE m."openToCitizens")::int AS "openToCitizens"
        FROM "Measure" m JOIN "Organization" o ON o.id = m."organizationId"
        WHERE o."registryStatus" = 'REGISTERED' GROUP BY m.category`;
    },
  };
}

export type ApiRepository = ReturnType<typeof createApiRepository>;
