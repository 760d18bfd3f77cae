import type { AdviceRetentionRepository } from "../../data/outreach/adviceRetentionRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { monthsBefore } from "../../domain/romeTime.js";

/**
 * The privacy notice keeps advice requests at most `months` after the answer:
 * the daily job (src/services/shared/jobs.ts) deletes older ones with their
 * personal data, keeping anonymous counts for the statistics.
 */
export function createAdviceRetentionService(deps: {
  retention: AdviceRetentionRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  months: number;
}) {
  const { retention, audit, transaction, months } = deps;
  return {
    /** One run, in one transaction; audited with the count only (no personal data) when it deleted something. */
    purge(now = new Date()) {
      const before = monthsBefore(now, months);
      return transaction(async (tx) => {
        const deleted = await retention.deleteExpired(before, tx);
        await retention.eraseTraces(deleted, tx);
        if (deleted.length) {
          await audit.change(tx, null, "advice.purge", ["AdviceRequest", "retention"], undefined, {
            deleted: deleted.length,
            answeredOrAskedBefore: before.toISOString(),
            retentionMonths: months,
          });
        }
        return { deleted: deleted.length };
      });
    },
  };
}

export type AdviceRetentionService = ReturnType<typeof createAdviceRetentionService>;
