import type { AdviceRepository } from "../../data/outreach/adviceRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { AdviceStatus } from "../../generated/prisma/enums.js";
import { hashToken } from "../shared/secretTokens.js";

/** A request nobody has started on leaves the staff's queue once its question is erased. */
const statusAfterWithdrawal = (status: AdviceStatus): AdviceStatus =>
  status === "NEW" || status === "IN_PROGRESS" ? "CLOSED" : status;

/**
 * A citizen withdraws consent with the personal link of their confirmation
 * e-mail. The request is not deleted: its personal data (name, e-mail,
 * question, answer, staff notes, the e-mails about it still in the outbox) are
 * erased and the row keeps only its code, topic, comune, status and dates, so
 * the staff's statistics go on counting it and the code still means something
 * if the citizen calls about it.
 */
export function createAdviceConsentService(deps: {
  advice: AdviceRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
}) {
  const { advice, audit, outbox, transaction } = deps;

  return {
    /** What the link's page shows: the request's code and topic, or why the link does not work. */
    async withdrawal(token: string) {
      const request = await advice.findByWithdrawalToken(hashToken(token));
      if (!request) return { state: "unknown" } as const;
      if (request.withdrawnAt) return { state: "withdrawn" } as const;
      const { referenceCode, topic, createdAt } = request;
      return { state: "open", request: { referenceCode, topic, createdAt } } as const;
    },

    /** Erases the request's personal data, once; audited without them. */
    withdraw(token: string): Promise<"ok" | "unknown" | "withdrawn"> {
      return transaction(async (tx) => {
        const request = await advice.findByWithdrawalToken(hashToken(token), tx);
        if (!request) return "unknown";
        const status = statusAfterWithdrawal(request.status);
        if (!(await advice.withdraw(request.id, status, tx))) return "withdrawn";
        await outbox.forget(request.email, request.referenceCode, tx);
        await audit.change(
          tx,
          null,
          "advice.withdrawConsent",
          ["AdviceRequest", request.id],
          { status: request.status },
          { status, personalDataErased: true },
        );
        return "ok";
      });
    },
  };
}

export type AdviceConsentService = ReturnType<typeof createAdviceConsentService>;
