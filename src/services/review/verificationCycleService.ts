import type {
  ClaimedEntry,
  CycleMark,
  VerificationCycleRepository,
} from "../../data/review/verificationCycleRepository.js";
import type { AccountRepository } from "../../data/accounts/accountRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { OutboxRepository, OutgoingMail } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import {
  needsVerification,
  reminderThreshold,
  staffAlertThreshold,
  verificationDeadline,
} from "../../domain/verification.js";
import type { Actor } from "./reviewService.js";
import type { VerificationMails } from "./verificationMails.js";

/** Entries claimed, and e-mailed, per transaction. */
const BATCH = 100;

/** The order the claims take entries in: the oldest verification first, then the entry's id. */
const claimOrder = (a: ClaimedEntry, b: ClaimedEntry) =>
  a.verifiedAt.getTime() - b.verifiedAt.getTime() || a.organizationId - b.organizationId;

/**
 * The re-verification cycle (src/domain/verification.ts): the job that reminds
 * companies at 11 months and tells staff at 18, the company's confirmation that
 * its data are unchanged, and the staff queue that records those confirmations
 * as verifications, several at once.
 */
export function createVerificationCycleService(deps: {
  cycle: VerificationCycleRepository;
  accounts: AccountRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  mails: VerificationMails;
}) {
  const { cycle, accounts, audit, outbox, transaction, mails } = deps;

  /**
   * Claims `mark` on every due entry, a batch per transaction with its e-mails,
   * so a failed e-mail leaves the entries unclaimed for the next run. A batch cut
   * short by another instance claiming the same entries ends this run: whatever
   * is left is claimed by that instance or by the next run.
   */
  async function claimDue(
    mark: CycleMark,
    olderThan: Date,
    now: Date,
    mailsFor: (ids: number[], tx: Db) => Promise<OutgoingMail[]>,
  ) {
    let total = 0;
    let after: ClaimedEntry | undefined;
    for (;;) {
      const claimed = await transaction(async (tx) => {
        const entries = await cycle.claim(mark, { olderThan, now, limit: BATCH, after }, tx);
        const ids = entries.map((c) => c.organizationId);
        if (ids.length) await outbox.enqueueAll(await mailsFor(ids, tx), tx);
        return entries;
      });
      total += claimed.length;
      if (claimed.length < BATCH) return total;
      // The next batch starts after this one, in the claim's order (oldest verification, then id).
      after = claimed.reduce((last, c) => (claimOrder(c, last) > 0 ? c : last));
    }
  }

  return {
    /** The job (src/services/shared/jobs.ts): safe to run on several instances at once. */
    async run(now = new Date()) {
      const reminded = await claimDue("remindedAt", reminderThreshold(now), now, async (ids, tx) =>
        (await cycle.companies(ids, tx)).flatMap((org) => mails.reminder(org, org.lastVerifiedAt ?? now)),
      );
      const staffAlerted = await claimDue("staffAlertedAt", staffAlertThreshold(now), now, async (ids, tx) =>
        mails.overdue(await accounts.staffRecipients(tx), await cycle.companies(ids, tx)),
      );
      return { reminded, staffAlerted };
    },

    /** What the company's summary page says of the cycle: nothing until the entry is due. */
    async companyNotice(
      org: { id: number; registryStatus: string; lastVerifiedAt: Date | null } | null,
      now = new Date(),
    ) {
      const last = org?.lastVerifiedAt;
      if (!org || org.registryStatus !== "REGISTERED" || !last || last >= reminderThreshold(now)) return null;
      const current = await cycle.cycle(org.id, last);
      return {
        lastVerifiedAt: last,
        deadline: verificationDeadline(last),
        late: needsVerification(last, now),
        confirmedAt: current?.confirmedAt ?? null,
      };
    },

    /** The company confirms its data unchanged; false when not due or already confirmed in this cycle. */
    async confirmUnchanged(user: Express.User, now = new Date()): Promise<boolean> {
      const organizationId = user.organizationId;
      if (!organizationId) return false;
      return transaction(async (tx) => {
        const claim = { olderThan: reminderThreshold(now), now, limit: 1, organizationId };
        if (!(await cycle.claim("confirmedAt", claim, tx)).length) return false;
        await audit.change(tx, user, "organization.confirmUnchanged", ["Organization", organizationId], undefined, {
          confirmedAt: now,
        });
        return true;
      });
    },

    /** One page of the staff queue: confirmations to check, entries overdue (flagged). */
    queue: (page: number, now = new Date()) => cycle.queue(staffAlertThreshold(now), page),
    queueTotal: (now = new Date()) => cycle.queueTotal(staffAlertThreshold(now)),

    /**
     * Staff record the confirmed entries among `ids` as verified now, in one
     * transaction, each audited; each company is told. Answers how many.
     */
    confirmMany(ids: number[], actor: Actor, now = new Date()): Promise<number> {
      return transaction(async (tx) => {
        const verified = await cycle.verifyConfirmed(ids, now, tx);
        for (const v of verified) {
          await audit.change(
            tx,
            actor,
            "organization.verify",
            ["Organization", v.id],
            { lastVerifiedAt: v.previous, confirmedByCompanyAt: v.confirmedAt },
            { lastVerifiedAt: now },
          );
        }
        const companies = await cycle.companies(
          verified.map((v) => v.id),
          tx,
        );
        await outbox.enqueueAll(
          companies.flatMap((org) => mails.verified(org, now)),
          tx,
        );
        return verified.length;
      });
    },
  };
}

export type VerificationCycleService = ReturnType<typeof createVerificationCycleService>;
