import { Prisma } from "../../generated/prisma/client.js";
import type { MeasureCategory } from "../../generated/prisma/enums.js";
import { keysetWindow, pageWindow, staffPage } from "../../domain/staffPaging.js";
import type { Db } from "../shared/db.js";
import { chordMetres } from "../registry/registrySearchRepository.js";
import { publicNetworkParticipants } from "../territory/networkVisibility.js";

/** What a local authority's lists cover: registered firms seated in these comuni. */
export interface LocalScope {
  comuneCodes: string[];
  /** Measures open to citizens only (the measures' list). */
  openOnly?: boolean | undefined;
}

const firmWhere = (s: LocalScope): Prisma.OrganizationWhereInput => ({
  registryStatus: "REGISTERED",
  comuneCode: { in: s.comuneCodes },
});

const measureWhere = (s: LocalScope): Prisma.MeasureWhereInput => ({
  organization: firmWhere(s),
  ...(s.openOnly ? { openToCitizens: true } : {}),
});

const firmSelect = {
  id: true,
  slug: true,
  name: true,
  registryNumber: true,
  sizeClass: true,
  comune: { select: { name: true } },
  _count: { select: { measures: true } },
} as const;

const measureSelect = {
  id: true,
  title: true,
  category: true,
  status: true,
  openToCitizens: true,
  currentOutcome: true,
  organization: { select: { name: true, slug: true, comune: { select: { name: true } } } },
} as const;

/**
 * The register as a local authority sees it: the public data of the firms of
 * its territory, and figures without personal data. Every query is bounded by
 * the comuni it is given (LocalScope), which the service reads from the account.
 */
export function createLocalRegisterRepository(db: Db) {
  /** The firms' measures open to citizens, counted beside their measures. */
  const openCounts = async (ids: number[]) => {
    const rows = await db.measure.groupBy({
      by: ["organizationId"],
      where: { organizationId: { in: ids }, openToCitizens: true },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.organizationId, r._count._all]));
  };
  const withOpenCounts = async <T extends { id: number }>(firms: T[]) => {
    const open = await openCounts(firms.map((f) => f.id));
    return firms.map((f) => ({ ...f, openMeasures: open.get(f.id) ?? 0 }));
  };

  return {
    /** How many registered firms the territory has, their measures, those open to citizens. */
    async counts(comuneCodes: string[]) {
      const [firms, measures, open] = await Promise.all([
        db.organization.count({ where: firmWhere({ comuneCodes }) }),
        db.measure.count({ where: measureWhere({ comuneCodes }) }),
        db.measure.count({ where: measureWhere({ comuneCodes, openOnly: true }) }),
      ]);
      return { firms, measures, open };
    },

    /** One page of the territory's registered firms, by name, and their total. */
    async firms(scope: LocalScope, page: number) {
      const where = firmWhere(scope);
      const [total, items] = await Promise.all([
        db.organization.count({ where }),
        db.organization.findMany({
          where,
          select: firmSelect,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(await withOpenCounts(items), total, page);
    },

    /** The firms after an id, in id order: the CSV download (keysetBatches.ts). */
    async firmsAfter(scope: LocalScope, afterId: number, take: number) {
      return withOpenCounts(
        await db.organization.findMany({ ...keysetWindow(firmWhere(scope), afterId, take), select: firmSelect }),
      );
    },

    /** One page of the territory firms' published measures, by firm and title, and their total. */
    async measures(scope: LocalScope, page: number) {
      const where = measureWhere(scope);
      const [total, items] = await Promise.all([
        db.measure.count({ where }),
        db.measure.findMany({
          where,
          select: measureSelect,
          orderBy: [{ organization: { name: "asc" } }, { title: "asc" }, { id: "asc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
    },

    measuresAfter(scope: LocalScope, afterId: number, take: number) {
      return db.measure.findMany({ ...keysetWindow(measureWhere(scope), afterId, take), select: measureSelect });
    },

    /** A published measure of a firm of the territory (what an integration may be proposed for). */
    measureIn(scope: LocalScope, id: number, tx: Db = db) {
      return tx.measure.findFirst({ where: { id, ...measureWhere(scope) }, select: measureSelect });
    },

    /** Every published measure of the territory's firms, for the proposal form's choice. */
    measureChoices(scope: LocalScope) {
      return db.measure.findMany({
        where: measureWhere(scope),
        select: measureSelect,
        orderBy: [{ organization: { name: "asc" } }, { title: "asc" }, { id: "asc" }],
      });
    },

    /**
     * For each comune of the scope, the categories with no active measure open
     * to citizens within `radiusKm` of its centre: the measures of registered
     * firms anywhere in the register (a firm just across the border serves the
     * comune too) and the approved ones of the public networks they take part
     * in. One statement bounded by the territory: each comune's circle is an
     * index condition on the firms' points (earth_box on the GiST index of
     * "earthPoint", then the exact chord), so the work grows with the firms
     * near the territory, not with the register.
     */
    gaps(comuneCodes: string[], radiusKm: number, categories: MeasureCategory[]) {
      const metres = radiusKm * 1000;
      const open = Prisma.sql`m."openToCitizens" AND m.status = 'ACTIVE'`;
      return db.$queryRaw<{ comuneCode: string; comuneName: string; category: MeasureCategory }[]>`
        WITH territory AS (
          SELECT "istatCode", name, ll_to_earth(lat, lon) AS centre FROM "Comune" WHERE "istatCode" = ANY(${comuneCodes})
        ), reachable AS (
          SELECT t."istatCode", o.id FROM territory t
          JOIN "Organization" o ON o."registryStatus" = 'REGISTERED'
            AND earth_box(t.centre, ${metres}::float8) @> o."earthPoint"
            AND (o."earthPoint" <-> t.centre::cube) <= ${chordMetres(metres)}::float8
        ), covered AS (
          SELECT r."istatCode", m.category FROM reachable r
          JOIN "Measure" m ON m."organizationId" = r.id WHERE ${open}
          UNION
          SELECT r."istatCode", m.category FROM reachable r
          JOIN (${publicNetworkParticipants}) p ON p."organizationId" = r.id
          JOIN "Measure" m ON m."networkId" = p."networkId" AND m."networkReview" = 'APPROVED' WHERE ${open}
        )
        SELECT t."istatCode" AS "comuneCode", t.name AS "comuneName", k.category
        FROM territory t CROSS JOIN unnest(${categories}::"MeasureCategory"[]) WITH ORDINALITY AS k(category, n)
        WHERE NOT EXISTS (SELECT 1 FROM covered c WHERE c."istatCode" = t."istatCode" AND c.category = k.category)
        ORDER BY t.name, k.n`;
    },

    /**
     * Advice requests about the territory by topic and comune: counts only,
     * never a row. The requests kept and the anonymous counts of those deleted
     * after the retention period (AdviceRequestTally), as the staff statistics.
     */
    adviceByTopic(comuneCodes: string[]) {
      return db.$queryRaw<{ topic: MeasureCategory; comuneCode: string; requests: number }[]>`
        SELECT a.topic, a."comuneCode", sum(a.requests)::int AS requests
        FROM (SELECT topic, "comuneCode", count(*) AS requests FROM "AdviceRequest"
              WHERE "comuneCode" = ANY(${comuneCodes}) GROUP BY topic, "comuneCode"
              UNION ALL
              SELECT topic, "comuneCode", sum(requests) FROM "AdviceRequestTally"
              WHERE "comuneCode" = ANY(${comuneCodes}) GROUP BY topic, "comuneCode") a
        GROUP BY a.topic, a."comuneCode"`;
    },
  };
}

export type LocalRegisterRepository = ReturnType<typeof createLocalRegisterRepository>;
