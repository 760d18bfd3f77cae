import type { StatisticsRepository } from "../../data/monitoring/statisticsRepository.js";
import type { StaffStatisticsRepository } from "../../data/monitoring/staffStatisticsRepository.js";
import { verificationThreshold } from "../../domain/verification.js";
import type { EventFigure } from "../../data/territory/eventRepository.js";
import type { FundingTotal } from "../../data/outreach/contributionRepository.js";
import { publicDatasets, type Dataset } from "./statisticsDatasets.js";
import { createVersionedMemo } from "../shared/versionedMemo.js";
import { organizationFigures } from "../registry/organizationFigures.js";

export interface StatisticsDependencies {
  statistics: StatisticsRepository;
  staff: StaffStatisticsRepository;
  /** Events held before a moment, per year and type (eventRepository). */
  eventFigures: (at: Date) => Promise<EventFigure[]>;
  /** When the next event after a moment starts, changing the events held (eventRepository). */
  nextEventStart: (at: Date) => Promise<Date | null>;
  /** The version of every table the public figures read (publicDataVersionRepository). */
  version: () => Promise<string>;
  /** Funding totals; public ones only on public pages (contributionRepository). */
  fundingTotals: (options: { publicOnly: boolean }) => Promise<FundingTotal[]>;
  /** The years with a published monitoring report, newest first (monitoringReportRepository). */
  publishedReportYears: () => Promise<number[]>;
}

export function createStatisticsService(deps: StatisticsDependencies) {
  const { statistics } = deps;

  // Whole-register aggregates: computed once per committed change (or when an
  // event starts and so counts as held), whatever the number of requests.
  const figures = createVersionedMemo(computePublicFigures, (f) => f.validUntil);

  async function computePublicFigures() {
    const now = new Date();
    const [counts, names, categories, outcomes, events, funding, validUntil, reportYears] = await Promise.all([
      statistics.organizationCounts(),
      statistics.names(),
      statistics.measuresByCategory(),
      statistics.measuresByOutcome(),
      deps.eventFigures(now),
      deps.fundingTotals({ publicOnly: true }),
      deps.nextEventStart(now),
      deps.publishedReportYears(),
    ]);
    const { comuni, sizes, ateco, registrations } = organizationFigures(counts, names);
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
      reportYears,
      validUntil,
    };
  }

  async function publicFigures() {
    return figures.get(await deps.version());
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
