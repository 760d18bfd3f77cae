import type { ReportStatus } from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";

/** Reports sent from public organization pages ("Segnala un problema"). */
export function createProblemReportRepository(db: Db) {
  return {
    create(data: { organizationId: number; message: string; reporterEmail: string | null }) {
      return db.problemReport.create({ data });
    },

    list(status: ReportStatus | undefined, take = 200) {
      return db.problemReport.findMany({
        where: status ? { status } : {},
        include: { organization: { select: { id: true, name: true, slug: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take,
      });
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
