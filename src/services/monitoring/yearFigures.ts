import type { YearFiguresRepository } from "../../data/monitoring/yearFiguresRepository.js";
import type { EventFigure } from "../../data/territory/eventRepository.js";
import type { FundingOptions, FundingSums, FundingTotal } from "../../data/outreach/contributionRepository.js";
import type { PilotRepository } from "../../data/registry/pilotRepository.js";
import { createVersionedMemo, type VersionedMemo } from "../shared/versionedMemo.js";
import { share } from "./statisticsService.js";

export interface YearFiguresDependencies {
  year: YearFiguresRepository;
  /** Events held before a moment, per type; one year's with `year` (eventRepository). */
  eventFigures: (at: Date, year: number) => Promise<EventFigure[]>;
  /** When the next event after a moment starts, changing the events held (eventRepository). */
  nextEventStart: (at: Date) => Promise<Date | null>;
  /** Funding per funder and activity, and a year's total (contributionRepository). */
  fundingTotals: (options: FundingOptions) => Promise<FundingTotal[]>;
  fundingYearTotal: (year: number) => Promise<FundingSums>;
  pilots: Pick<PilotRepository, "yearFigures">;
  /** The version of every table these figures read (publicDataVersionRepository). */
  version: () => Promise<string>;
}

/**
 * The figures of one year that its monitoring report shows: events and
 * participants, public funding (money and in kind apart), registrations,
 * classifications, pilots and improvement goals. Each is counted by
 * PostgreSQL within the year's bounds in Bologna, and computed once per
 * version of the data (and again when an event of the year starts and so
 * counts as held), like the statistics page.
 */
export function createYearFigures(deps: YearFiguresDependencies) {
  // One memo per year asked for: the years of published reports, a handful.
  const memos = new Map<number, VersionedMemo<Awaited<ReturnType<typeof compute>>>>();

  async function compute(year: number) {
    const now = new Date();
    const [events, funding, fundingTotal, registrations, outcomes, pilots, goals, nextEvent] = await Promise.all([
      deps.eventFigures(now, year),
      deps.fundingTotals({ publicOnly: true, year }),
      deps.fundingYearTotal(year),
      deps.year.registrations(year),
      deps.year.classifications(year),
      deps.pilots.yearFigures(year),
      deps.year.improvementGoals(year),
      deps.nextEventStart(now),
    ]);
    const classified = outcomes.reduce((sum, o) => sum + o.measures, 0);
    return {
      year,
      events,
      eventTotals: {
        events: events.reduce((sum, e) => sum + e.events, 0),
        participants: events.some((e) => e.participants !== null)
          ? events.reduce((sum, e) => sum + (e.participants ?? 0), 0)
          : null,
      },
      funding,
      fundingTotal,
      registrations,
      classifications: outcomes.map((o) => ({ ...o, share: share(o.measures, classified) })),
      classified,
      pilots,
      goals,
      validUntil: nextEvent !== null && nextEvent.getTime() < Date.UTC(year + 1, 0, 1) ? nextEvent : null,
    };
  }

  return async function yearFigures(year: number) {
    let memo = memos.get(year);
    if (!memo)
      memos.set(
        year,
        (memo = createVersionedMemo(
          () => compute(year),
          (f) => f.validUntil,
        )),
      );
    return memo.get(await deps.version());
  };
}

export type YearFigures = Awaited<ReturnType<ReturnType<typeof createYearFigures>>>;
