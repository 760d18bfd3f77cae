import type { StatisticsRepository } from "../data/statisticsRepository.js";
import type { StaffStatisticsRepository } from "../data/staffStatisticsRepository.js";
import { verificationThreshold } from "../domain/verification.js";
import type { EventFigure } from "../data/eventRepository.js";
import type { FundingTotal } from "../data/contributionRepository.js";
import { publicDatasets, type Dataset } from "./statisticsDatasets.js";

export interface StatisticsDependencies {
  statistics: StatisticsRepository;
  staff: StaffStatisticsRepository;
  /** Events held per year and type (eventRepository). */
  eventFigures: () => Promise<EventFigure[]>;
  /** Funding totals; public ones only on public pages (contributionRepository). */
  fundingTotals: (options: { publicOnly: boolean }) => Promise<FundingTotal[]>;
}

export function createStatisticsService(deps: StatisticsDependencies) {
  const { statistics } = deps;

  async function publicFigures() {
    const [comuni, categories, sizes, ateco, outcomes, registrations, events, funding] = await Promise.all([
      statistics.organizationsByComune(),
      statistics.measuresByCategory(),
      statistics.organizationsBySize(),
      statistics.organizationsByAteco(),
      statistics.measuresByOutcome(),
      statistics.registrationsByMonth(),
      deps.eventFigures(),
      deps.fundingTotals({ publicOnly: true }),
    ]);
    const measures = categories.reduce((sum, c) => sum + c.measures, 0);
    const openMeasures = categories.reduce((sum, c) => sum + c.openToCitizens, 0);
    const territorial = outcomes.find((o) => o.outcome === "TERRITORIAL_WELFARE")?.measures ?? 0;
    const perYear = new Map<number, number>();
    for (const r of registrations) perYear.set(r.year, (perYear.get(r.year) ?? 0) + r.organizations);
    const registrationsByYear = [...perYear].map(([year, organizations]) => ({ year, organizations }));
    return {
      totals: {
        organizations: comuni.reduce((sum, c) => sum + c.organizations, 0),
        measures,
        openMeasures,
        territorial,
        territorialShare: share(territorial, measures),
        openShare: share(openMeasures, measures),
      },
      comuni,
      categories,
      sizes,
      ateco,
      outcomes: outcomes.map((o) => ({ ...o, share: share(o.measures, measures) })),
      registrations,
      registrationsByYear,
      events,
      funding,
    };
  }

  return {
    publicFigures,

    /** One public figure as a table, for the CSV downloads; undefined for an unknown name. */
    async dataset(name: string): Promise<Dataset | undefined> {
      if (!Object.hasOwn(publicDatasets, name)) return undefined;
      return publicDatasets[name as keyof typeof publicDatasets](await publicFigures());
    },

    async staffFigures() {
      const [backlog, decisionTimes, workload, toVerify, advice] = await Promise.all([
        deps.staff.applicationsByStatus(),
        deps.staff.decisionTimes(),
        deps.staff.reviewerWorkload(),
        deps.staff.toVerify(verificationThreshold()),
        deps.staff.adviceRequestsByTopicAndStatus(),
      ]);
      return { backlog, decisionTimes, workload, toVerify, advice };
    },
  };
}

/** Percentage with one decimal; null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
export type PublicFigures = Awaited<ReturnType<StatisticsService["publicFigures"]>>;
