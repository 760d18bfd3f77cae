import { Prisma } from "../../generated/prisma/client.js";
import type { ContributionKind } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";
import { dayInYear } from "../shared/romeYear.js";

/** Money, or a resource in kind described in words (CHECK "Contribution_money_or_in_kind"). */
export interface ContributionData {
  activity: string;
  kind: ContributionKind;
  /** Money only: a decimal string, e.g. "1234.50", never a float; null in kind. */
  amount: string | null;
  /** In kind only: what is given; "" for money. */
  description: string;
  /** In kind only, optional: the estimated value as a decimal string. */
  estimatedValue: string | null;
  resource: string;
  fundedBy: string;
  grantedOn: Date;
  networkId: number | null;
  measureId: number | null;
  eventId: number | null;
  isPublic: boolean;
}

const links = {
  network: { select: { id: true, name: true } },
  measure: { select: { id: true, title: true, organization: { select: { name: true } } } },
  event: { select: { id: true, title: true, slug: true } },
} as const;

/** Funding contributions recorded by staff (rendicontazione). */
export function createContributionRepository(db: Db) {
  return {
    list(take = 500) {
      return db.contribution.findMany({ include: links, orderBy: [{ grantedOn: "desc" }, { id: "desc" }], take });
    },
    find(id: number, tx: Db = db) {
      return tx.contribution.findUnique({ where: { id }, include: links });
    },
    create(data: ContributionData, tx: Db = db) {
      return tx.contribution.create({ data });
    },
    update(id: number, data: ContributionData, tx: Db = db) {
      return tx.contribution.update({ where: { id }, data });
    },
    delete(id: number, tx: Db = db) {
      return tx.contribution.delete({ where: { id } });
    },
    /**
     * What a contribution may point at: networks, published measures, events;
     * plus the measure and event it points at now (current), so that editing keeps them.
     */
    async linkChoices(current: { measureId: number | null; eventId: number | null } | null = null) {
      const measureSelect = {
        id: true,
        title: true,
        organization: { select: { name: true } },
        network: { select: { name: true } },
      } as const;
      const eventSelect = { id: true, title: true, startsAt: true } as const;
      const [networks, measures, events, currentMeasure, currentEvent] = await Promise.all([
        db.network.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
        db.measure.findMany({
          where: { OR: [{ organization: { registryStatus: "REGISTERED" } }, { networkId: { not: null } }] },
          select: measureSelect,
          orderBy: [{ organizationId: "asc" }, { title: "asc" }],
          take: 2000,
        }),
        db.event.findMany({ select: eventSelect, orderBy: { startsAt: "desc" }, take: 500 }),
        current?.measureId ? db.measure.findUnique({ where: { id: current.measureId }, select: measureSelect }) : null,
        current?.eventId ? db.event.findUnique({ where: { id: current.eventId }, select: eventSelect }) : null,
      ]);
      if (currentMeasure && !measures.some((m) => m.id === currentMeasure.id)) measures.push(currentMeasure);
      if (currentEvent && !events.some((e) => e.id === currentEvent.id)) events.push(currentEvent);
      return { networks, measures, events };
    },
    async linksExist(ids: { networkId: number | null; measureId: number | null; eventId: number | null }, tx: Db = db) {
      // One after the other: a transaction is one connection, which runs one query at a time.
      const network = ids.networkId === null ? 1 : await tx.network.count({ where: { id: ids.networkId } });
      const measure = ids.measureId === null ? 1 : await tx.measure.count({ where: { id: ids.measureId } });
      const event = ids.eventId === null ? 1 : await tx.event.count({ where: { id: ids.eventId } });
      return { network: network > 0, measure: measure > 0, event: event > 0 };
    },
    totals: (options: FundingOptions) => fundingTotals(db, options),
    /** The public contributions granted in `year`, all funders and activities together. */
    async yearTotal(year: number): Promise<FundingSums> {
      const rows = await db.$queryRaw<FundingSums[]>`
        SELECT ${sums} FROM "Contribution" WHERE "isPublic" AND ${dayInYear(`"grantedOn"`, year)}`;
      return rows[0]!;
    },
  };
}

export type ContributionRepository = ReturnType<typeof createContributionRepository>;

/** `year`: the contributions granted that year only. */
export interface FundingOptions {
  publicOnly: boolean;
  year?: number;
}

export interface FundingSums {
  /** Money: how many contributions, and their exact sum as a decimal string ("1234.50"), null when none. */
  moneyCount: number;
  money: string | null;
  /**
   * Resources in kind: how many, how many have no estimated value, and the sum
   * of the estimates (null when none has one). Never added to the money.
   */
  inKindCount: number;
  inKindUnestimated: number;
  inKindEstimate: string | null;
}

export interface FundingTotal extends FundingSums {
  fundedBy: string;
  activity: string;
  year: number;
}

/** The sums of FundingSums, exact in PostgreSQL (numeric), money and in kind apart. */
const sums = Prisma.sql`
  (COUNT(*) FILTER (WHERE kind = 'MONEY'))::int AS "moneyCount",
  (SUM("amount") FILTER (WHERE kind = 'MONEY'))::numeric(16, 2)::text AS money,
  (COUNT(*) FILTER (WHERE kind <> 'MONEY'))::int AS "inKindCount",
  (COUNT(*) FILTER (WHERE kind <> 'MONEY' AND "estimatedValue" IS NULL))::int AS "inKindUnestimated",
  (SUM("estimatedValue") FILTER (WHERE kind <> 'MONEY'))::numeric(16, 2)::text AS "inKindEstimate"`;

/** Totals per funder, activity and year, money and in kind apart. */
async function fundingTotals(db: Db, options: FundingOptions): Promise<FundingTotal[]> {
  const ofYear = options.year === undefined ? Prisma.empty : Prisma.sql`AND ${dayInYear(`"grantedOn"`, options.year)}`;
  return db.$queryRaw<FundingTotal[]>`
    SELECT "fundedBy", "activity", EXTRACT(YEAR FROM "grantedOn")::int AS year, ${sums}
    FROM "Contribution"
    WHERE (${!options.publicOnly}::boolean OR "isPublic") ${ofYear}
    GROUP BY "fundedBy", "activity", year
    ORDER BY "fundedBy", "activity", year`;
}
