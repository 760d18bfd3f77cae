import type { Prisma } from "../../generated/prisma/client.js";
import { PilotOutcome } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";
import { publicNetwork } from "../territory/networkVisibility.js";
import { daysOfYear } from "../shared/romeYear.js";

/** Whether a pilot's outcome has been told: "ongoing" (not yet) or "concluded". */
export type PilotState = "ongoing" | "concluded";

/** A pilot the public may see: a measure of a registered organization, or an approved one of a public network. */
const publicPilot = {
  pilot: true,
  OR: [{ organization: { registryStatus: "REGISTERED" } }, { networkReview: "APPROVED", network: publicNetwork }],
} satisfies Prisma.MeasureWhereInput;

const whereState = (state: PilotState | undefined): Prisma.MeasureWhereInput => ({
  ...publicPilot,
  ...(state === "ongoing" ? { pilotOutcome: null } : state === "concluded" ? { pilotOutcome: { not: null } } : {}),
});

/** The pilots of the register ("dispositivi da sperimentare"): their list and their figures. */
export function createPilotRepository(db: Db) {
  return {
    /** One page of pilots, latest start first, with how many match in all. */
    async page(state: PilotState | undefined, skip: number, take: number) {
      const where = whereState(state);
      const [items, total] = await Promise.all([
        db.measure.findMany({
          where,
          orderBy: [{ startsOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          skip,
          take,
          select: {
            id: true,
            title: true,
            description: true,
            category: true,
            status: true,
            openToCitizens: true,
            startsOn: true,
            endsOn: true,
            partners: true,
            pilotOutcome: true,
            pilotLessons: true,
            organization: { select: { slug: true, name: true, comune: { select: { name: true } } } },
            network: { select: { slug: true, name: true } },
          },
        }),
        db.measure.count({ where }),
      ]);
      return { items, total };
    },

    /** How many pilots, by outcome (null: under way) and by category. */
    async figures() {
      const [byOutcome, byCategory] = await Promise.all([
        db.measure.groupBy({ by: ["pilotOutcome"], where: publicPilot, _count: { _all: true } }),
        db.measure.groupBy({ by: ["category"], where: publicPilot, _count: { _all: true } }),
      ]);
      return {
        total: byOutcome.reduce((sum, row) => sum + row._count._all, 0),
        ongoing: byOutcome.find((row) => row.pilotOutcome === null)?._count._all ?? 0,
        byOutcome: Object.fromEntries(
          byOutcome.flatMap((row) => (row.pilotOutcome ? [[row.pilotOutcome, row._count._all]] : [])),
        ) as Record<string, number>,
        byCategory: Object.fromEntries(byCategory.map((row) => [row.category, row._count._all])) as Record<
          string,
          number
        >,
      };
    },

    /** The public pilots that started in `year`, and those that ended in it by outcome (null: not told yet). */
    async yearFigures(year: number) {
      const days = daysOfYear(year);
      const [started, ended] = await Promise.all([
        db.measure.count({ where: { ...publicPilot, startsOn: days } }),
        db.measure.groupBy({ by: ["pilotOutcome"], where: { ...publicPilot, endsOn: days }, _count: { _all: true } }),
      ]);
      // In the enum's order, those with no outcome told last.
      const order = [...Object.values(PilotOutcome), null];
      return {
        started,
        ended: ended
          .map((row) => ({ outcome: row.pilotOutcome, pilots: row._count._all }))
          .sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome)),
      };
    },
  };
}

export type PilotRepository = ReturnType<typeof createPilotRepository>;
