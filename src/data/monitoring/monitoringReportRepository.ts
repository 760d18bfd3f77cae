import type { MonitoringReportStatus, ProjectActivity } from "../../generated/prisma/enums.js";
import type { SectionTexts } from "../../domain/monitoringReport.js";
import type { Db } from "../shared/db.js";

/** The summary of a year's report, in Italian and English ("" = none). */
export interface ReportSummary {
  summaryIt: string;
  summaryEn: string;
}

/** The one condition of everything public: drafts are seen by staff only. */
const PUBLISHED = { status: "PUBLISHED" } as const;
const sections = { orderBy: { activity: "asc" } } as const;

/** The yearly monitoring reports and their sections, one per activity of the project. */
export function createMonitoringReportRepository(db: Db) {
  return {
    /** Every report, newest year first, with how many activities have a section. */
    list() {
      return db.monitoringReport.findMany({
        orderBy: { year: "desc" },
        select: {
          year: true,
          status: true,
          publishedAt: true,
          updatedAt: true,
          _count: { select: { sections: true } },
        },
      });
    },
    find(year: number, tx: Db = db) {
      return tx.monitoringReport.findUnique({ where: { year }, include: { sections } });
    },
    published(year: number) {
      return db.monitoringReport.findFirst({ where: { year, ...PUBLISHED }, include: { sections } });
    },
    async publishedYears(): Promise<number[]> {
      const rows = await db.monitoringReport.findMany({
        where: PUBLISHED,
        select: { year: true },
        orderBy: { year: "desc" },
      });
      return rows.map((r) => r.year);
    },
    /** False when the year has a report already. */
    async create(year: number, summary: ReportSummary, tx: Db = db) {
      const { count } = await tx.monitoringReport.createMany({ data: [{ year, ...summary }], skipDuplicates: true });
      return count === 1;
    },
    updateSummary(year: number, summary: ReportSummary, tx: Db = db) {
      return tx.monitoringReport.update({ where: { year }, data: summary });
    },
    /** Writes an activity's section; a section left blank is removed (nothing written for it). */
    async saveSection(year: number, activity: ProjectActivity, texts: SectionTexts | null, tx: Db = db) {
      const key = { year_activity: { year, activity } };
      if (texts)
        await tx.monitoringReportSection.upsert({ where: key, create: { year, activity, ...texts }, update: texts });
      else await tx.monitoringReportSection.deleteMany({ where: { year, activity } });
      // The report's own updatedAt says when anything in it last changed.
      await tx.monitoringReport.update({ where: { year }, data: { updatedAt: new Date() } });
    },
    /** Changes the state only if it is not already `status`: false when there was nothing to change. */
    async setStatus(year: number, status: MonitoringReportStatus, tx: Db = db) {
      const publishedAt = status === "PUBLISHED" ? new Date() : null;
      const { count } = await tx.monitoringReport.updateMany({
        where: { year, status: { not: status } },
        data: { status, publishedAt },
      });
      return count === 1;
    },
  };
}

export type MonitoringReportRepository = ReturnType<typeof createMonitoringReportRepository>;
