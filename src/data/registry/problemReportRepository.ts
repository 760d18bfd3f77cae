import type { ReportStatus } from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";
import { pageWindow, staffPage } from "../../domain/staffPaging.js";

/** Reports sent from public organization pages ("Segnala un problema"). */
export function createProblemReportRepository(db: Db) {
  return {
    create(data: { organizationId: number; message: string; reporterEmail: string | null }) {
      return db.problemReport.create({ data });
    },

    /** One page of the reports (newest first) and their total. */
    async list(status: ReportStatus | undefined, page = 1) {
      const where = status ? { status } : {};
      const [total, items] = await Promise.all([
        db.problemReport.count({ where }),
        db.problemReport.findMany({
          where,
          include: { organization: { select: { id: true, name: true, slug: true } } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
    },

    countOpen() {
      return db.problemReport.count({ where: { status: { in: ["NEW", "IN_PROGRESS"] } } });
    },

    find(id: number, tx: Db = db) {
      return tx.problemReport.findUnique({
        where: { id },
        include: { organization: { select: { id: true, name: true, slug: true } } },
      });
    },

    update(id: number, data: { status: ReportStatus; notes: string }, tx: Db = db) {
      return tx.problemReport.update({ where: { id }, data });
    },
  };
}

export type ProblemReportRepository = ReturnType<typeof createProblemReportRepository>;
