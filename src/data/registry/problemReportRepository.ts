import type { Prisma, ReportStatus } from "../../generated/prisma/client.js";
import { organizationMatching } from "../review/staffSearch.js";
import type { Db } from "../shared/db.js";
import { keysetWindow, pageWindow, staffPage } from "../../domain/staffPaging.js";

export interface ReportFilters {
  status?: ReportStatus | undefined;
  /** The reported organization (staffSearch.ts). */
  organization?: string | undefined;
}

const withOrganization = { organization: { select: { id: true, name: true, slug: true } } } as const;

const reportWhere = (f: ReportFilters): Prisma.ProblemReportWhereInput => ({
  ...(f.status ? { status: f.status } : {}),
  ...(f.organization ? { organization: organizationMatching(f.organization) } : {}),
});

/** Reports sent from public organization pages ("Segnala un problema"). */
export function createProblemReportRepository(db: Db) {
  return {
    create(data: { organizationId: number; message: string; reporterEmail: string | null }) {
      return db.problemReport.create({ data });
    },

    /** One page of the reports (newest first) and their total. */
    async list(filters: ReportFilters, page = 1) {
      const where = reportWhere(filters);
      const [total, items] = await Promise.all([
        db.problemReport.count({ where }),
        db.problemReport.findMany({
          where,
          include: withOrganization,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
    },

    /** The reports that match after an id, in id order: the CSV download (keysetBatches.ts). */
    exportAfter(f: ReportFilters, afterId: number, take: number) {
      return db.problemReport.findMany({ ...keysetWindow(reportWhere(f), afterId, take), include: withOrganization });
    },

    countOpen() {
      return db.problemReport.count({ where: { status: { in: ["NEW", "IN_PROGRESS"] } } });
    },

    find(id: number, tx: Db = db) {
      return tx.problemReport.findUnique({
        where: { id },
        include: withOrganization,
      });
    },

    update(id: number, data: { status: ReportStatus; notes: string }, tx: Db = db) {
      return tx.problemReport.update({ where: { id }, data });
    },
  };
}

export type ProblemReportRepository = ReturnType<typeof createProblemReportRepository>;
