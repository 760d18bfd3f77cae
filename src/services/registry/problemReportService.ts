import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { ProblemReportRepository, ReportFilters } from "../../data/registry/problemReportRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { ReportStatus } from "../../generated/prisma/enums.js";
import type { Actor } from "../review/reviewService.js";
import { STAFF_EXPORT_BATCH } from "../../domain/staffPaging.js";
import { keysetBatches } from "../shared/keysetBatches.js";

/** "Segnala un problema": public reports and the staff inbox that handles them. */
export function createProblemReportService(deps: {
  reports: ProblemReportRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
}) {
  const { reports, audit, transaction } = deps;
  return {
    submit: (organizationId: number, message: string, reporterEmail: string | undefined) =>
      reports.create({ organizationId, message, reporterEmail: reporterEmail ?? null }),
    list: (filters: ReportFilters, page = 1) => reports.list(filters, page),
    /** Every report that matches, a batch at a time: the CSV download. */
    batches: (filters: ReportFilters) =>
      keysetBatches((afterId, take) => reports.exportAfter(filters, afterId, take), STAFF_EXPORT_BATCH),
    countOpen: () => reports.countOpen(),
    find: (id: number) => reports.find(id),

    async update(id: number, actor: Actor, data: { status: ReportStatus; notes: string }) {
      return transaction(async (tx) => {
        const report = await reports.find(id, tx);
        if (!report) return false;
        await reports.update(id, data, tx);
        await audit.change(
          tx,
          actor,
          "report.update",
          ["ProblemReport", id],
          { status: report.status, notes: report.notes },
          data,
        );
        return true;
      });
    },
  };
}

export type ProblemReportService = ReturnType<typeof createProblemReportService>;
