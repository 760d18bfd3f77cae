import type { MonitoringReportRepository, ReportSummary } from "../../data/monitoring/monitoringReportRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { MonitoringReportStatus, ProjectActivity } from "../../generated/prisma/enums.js";
import { sectionTexts, sectionWritten, type SectionTexts } from "../../domain/monitoringReport.js";
import { requireAdmin, type StaffActor } from "../shared/requireAdmin.js";
import type { Actor } from "../review/reviewService.js";
import type { YearFigures } from "./yearFigures.js";

export type { ReportSummary, SectionTexts };
export type PublishOutcome = "changed" | "unchanged" | "notFound" | "nothingWritten";

/**
 * The yearly monitoring report: staff write it, per activity of the project,
 * and an admin publishes it; every change is audited, and a published report
 * stays published while it is edited (a correction needs no second approval).
 */
export function createMonitoringReportService(deps: {
  reports: MonitoringReportRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  yearFigures: (year: number) => Promise<YearFigures>;
}) {
  const { reports, audit, transaction } = deps;

  async function changeStatus(
    year: number,
    actor: StaffActor,
    status: MonitoringReportStatus,
  ): Promise<PublishOutcome> {
    requireAdmin(actor);
    return transaction(async (tx) => {
      const report = await reports.find(year, tx);
      if (!report) return "notFound";
      if (status === "PUBLISHED" && !report.sections.some(sectionWritten)) return "nothingWritten";
      if (!(await reports.setStatus(year, status, tx))) return "unchanged";
      const action = status === "PUBLISHED" ? "monitoringReport.publish" : "monitoringReport.unpublish";
      await audit.change(tx, actor, action, ["MonitoringReport", year], { status: report.status }, { status });
      return "changed";
    });
  }

  return {
    list: () => reports.list(),
    find: (year: number) => reports.find(year),
    publishedYears: () => reports.publishedYears(),

    /** A published report and its year's figures; null for a draft or a year with none. */
    async published(year: number) {
      const report = await reports.published(year);
      return report && { report, figures: await deps.yearFigures(year) };
    },

    /** A new report, always a draft; false when the year has one already. */
    create(actor: Actor, year: number, summary: ReportSummary): Promise<boolean> {
      return transaction(async (tx) => {
        if (!(await reports.create(year, summary, tx))) return false;
        await audit.change(tx, actor, "monitoringReport.create", ["MonitoringReport", year], undefined, summary);
        return true;
      });
    },

    /** False when the year has no report. Its state does not change. */
    updateSummary(actor: Actor, year: number, summary: ReportSummary): Promise<boolean> {
      return transaction(async (tx) => {
        const before = await reports.find(year, tx);
        if (!before) return false;
        await reports.updateSummary(year, summary, tx);
        const was = { summaryIt: before.summaryIt, summaryEn: before.summaryEn };
        await audit.change(tx, actor, "monitoringReport.update", ["MonitoringReport", year], was, {
          ...summary,
          status: before.status,
        });
        return true;
      });
    },

    /** Writes what the report says of one activity (all blank: nothing). False when the year has no report. */
    saveSection(actor: Actor, year: number, activity: ProjectActivity, texts: SectionTexts): Promise<boolean> {
      return transaction(async (tx) => {
        const report = await reports.find(year, tx);
        if (!report) return false;
        const before = sectionTexts(report.sections.find((s) => s.activity === activity));
        await reports.saveSection(year, activity, sectionWritten(texts) ? texts : null, tx);
        await audit.change(
          tx,
          actor,
          "monitoringReport.section",
          ["MonitoringReport", year],
          { activity, ...before },
          { activity, ...texts, status: report.status },
        );
        return true;
      });
    },

    /** Admins only: the service checks it too, whatever the route. */
    publish: (year: number, actor: StaffActor) => changeStatus(year, actor, "PUBLISHED"),
    unpublish: (year: number, actor: StaffActor) => changeStatus(year, actor, "DRAFT"),
  };
}

export type MonitoringReportService = ReturnType<typeof createMonitoringReportService>;
