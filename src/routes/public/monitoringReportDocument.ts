import { reportInLanguage, type ReportTexts } from "../../domain/monitoringReport.js";
import { activityPage, activitySlug } from "../../domain/projectActivities.js";
import type { Language, Translate } from "../../locales/i18n.js";
import type { ViewFormat } from "../../middleware/viewFormat.js";
import type { YearFigures } from "../../services/monitoring/yearFigures.js";

/**
 * A table of figures: its first column names each row (a row header), the
 * first `textColumns` hold words and the others numbers (aligned right).
 * `total`: a last row set apart.
 */
export interface FigureTable {
  id: string;
  title: string;
  caption: string;
  columns: string[];
  textColumns: number;
  rows: string[][];
  total?: string[];
  empty?: string;
  note?: string;
}

/**
 * A published report in one language, as both its page and its PDF show it:
 * the same headings, texts and tables, so the two never differ. Figures are
 * formatted here, in the reader's language.
 */
export function monitoringReportDocument(
  report: ReportTexts & { year: number; publishedAt: Date | null },
  figures: YearFigures,
  lang: Language,
  t: Translate,
  format: ViewFormat,
) {
  const { year } = report;
  const shown = reportInLanguage(report, lang);
  return {
    year,
    lang,
    title: t("monitoring.title", { year }),
    project: t("monitoring.projectName"),
    lead: t("monitoring.lead", { year }),
    published: report.publishedAt ? t("monitoring.published", { date: format.day(report.publishedAt) }) : null,
    italianOnly: shown.italianOnly,
    labels: {
      summary: t("monitoring.summaryTitle"),
      figures: t("monitoring.figuresTitle"),
      activities: t("monitoring.activitiesTitle"),
      aim: t("monitoring.aim"),
      noActivity: t("monitoring.noActivity"),
      italianOnly: t("monitoring.italianOnly"),
    },
    summary: shown.summary,
    figuresIntro: t("monitoring.figuresIntro", { year }),
    figures: figureTables(figures, t, format),
    sections: shown.sections.map((s) => ({
      ...s,
      slug: activitySlug(s.activity),
      name: t(`monitoring.activities.${s.activity}`),
      aim: t(`monitoring.aims.${s.activity}`),
      page: activityPage(s.activity),
      topics: s.topics.map((topic) => ({ ...topic, title: t(`monitoring.topics.${topic.topic}`) })),
    })),
  };
}

export type MonitoringReportDocument = ReturnType<typeof monitoringReportDocument>;

function figureTables(f: YearFigures, t: Translate, format: ViewFormat): FigureTable[] {
  const n = (value: number | null, digits?: number) =>
    value === null ? t("monitoring.figures.none") : format.number(value, digits);
  const euro = (value: string | null) => (value === null ? t("monitoring.figures.none") : format.euro(value));
  const indicator = [t("monitoring.figures.indicator"), t("monitoring.figures.value")];
  const caption = (key: string) => t(`monitoring.figures.${key}.caption`, { year: f.year });
  const title = (key: string) => t(`monitoring.figures.${key}.title`);
  return [
    {
      id: "registro",
      title: title("register"),
      caption: caption("register"),
      columns: indicator,
      textColumns: 1,
      rows: [
        [t("monitoring.figures.register.registrations"), n(f.registrations)],
        [t("monitoring.figures.register.classified"), n(f.classified)],
        ...f.classifications.map((c) => [
          t("monitoring.figures.register.outcome", { outcome: t(`outcomes.${c.outcome}`) }),
          c.share === null ? n(c.measures) : `${n(c.measures)} (${format.percent(c.share)})`,
        ]),
      ],
      note: t("monitoring.figures.register.note"),
    },
    {
      id: "eventi",
      title: title("events"),
      caption: caption("events"),
      columns: ["type", "events", "average", "participants"].map((k) => t(`monitoring.figures.events.${k}`)),
      textColumns: 1,
      rows: f.events.map((e) => [
        t(`statistics.events.types.${e.type}`),
        n(e.events),
        n(e.averageParticipants, 1),
        n(e.participants),
      ]),
      total: f.events.length
        ? [t("monitoring.figures.total"), n(f.eventTotals.events), "", n(f.eventTotals.participants)]
        : undefined,
      empty: t("monitoring.figures.events.none"),
    },
    {
      id: "contributi",
      title: title("funding"),
      caption: caption("funding"),
      columns: ["fundedBy", "activity", "money", "inKind", "inKindEstimate"].map((k) =>
        t(`monitoring.figures.funding.${k}`),
      ),
      textColumns: 2,
      rows: f.funding.map((c) => [c.fundedBy, c.activity, euro(c.money), n(c.inKindCount), euro(c.inKindEstimate)]),
      total: f.funding.length
        ? [
            t("monitoring.figures.total"),
            "",
            euro(f.fundingTotal.money),
            n(f.fundingTotal.inKindCount),
            euro(f.fundingTotal.inKindEstimate),
          ]
        : undefined,
      empty: t("monitoring.figures.funding.none"),
      note: t("monitoring.figures.funding.note"),
    },
    {
      id: "sperimentazioni",
      title: title("pilots"),
      caption: caption("pilots"),
      columns: indicator,
      textColumns: 1,
      rows: [
        [t("monitoring.figures.pilots.started"), n(f.pilots.started)],
        [t("monitoring.figures.pilots.ended"), n(f.pilots.ended.reduce((sum, e) => sum + e.pilots, 0))],
        ...f.pilots.ended.map((e) => [
          e.outcome
            ? t("monitoring.figures.pilots.outcome", { outcome: t(`pilotOutcomeCodes.${e.outcome}`) })
            : t("monitoring.figures.pilots.untold"),
          n(e.pilots),
        ]),
      ],
    },
    {
      id: "piani",
      title: title("goals"),
      caption: caption("goals"),
      columns: indicator,
      textColumns: 1,
      rows: (["agreed", "met", "notMet"] as const).map((k) => [t(`monitoring.figures.goals.${k}`), n(f.goals[k])]),
    },
  ];
}
