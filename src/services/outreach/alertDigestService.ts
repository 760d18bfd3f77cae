import type { AlertDigestRepository } from "../../data/outreach/alertDigestRepository.js";
import type { AlertSubscriptionRepository } from "../../data/outreach/alertSubscriptionRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { confirmationDeadline, previousDigestBefore } from "../../domain/alerts.js";
import type { AlertMails } from "./alertMails.js";
import { newSecretToken } from "../shared/secretTokens.js";

/** Subscriptions claimed, and e-mailed, per transaction. */
const BATCH = 50;

/**
 * The alerts' job (src/services/shared/jobs.ts), safe on several instances at
 * once: it deletes the subscriptions left unconfirmed past their link's life,
 * and sends each subscription at most one digest a day with the measures
 * matched to it since the last one (matched when published: reviewService).
 */
export function createAlertDigestService(deps: {
  digests: AlertDigestRepository;
  subscriptions: AlertSubscriptionRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  mails: AlertMails;
}) {
  const { digests, subscriptions, outbox, transaction, mails } = deps;

  /**
   * One batch in one transaction: the claim, the matches marked sent and the
   * e-mails, so a failure leaves all of them for the next run.
   */
  const sendBatch = (now: Date) =>
    transaction(async (tx) => {
      const due = await digests.claim(now, previousDigestBefore(now), BATCH, tx);
      const items = due.length
        ? await digests.takePending(
            due.map((s) => s.id),
            now,
            tx,
          )
        : [];
      let sent = 0;
      for (const subscription of due) {
        const mine = items.filter((item) => item.subscriptionId === subscription.id);
        // Claimed with a measure that left the register since: nothing to tell today.
        if (!mine.length) continue;
        const unsubscribe = newSecretToken();
        const message = await outbox.enqueue(mails.digest(subscription, mine, unsubscribe.token), tx);
        await subscriptions.addMail(subscription.id, unsubscribe.hash, message.id, tx);
        sent += 1;
      }
      return { claimed: due.length, sent };
    });

  return {
    async run(now = new Date()) {
      const expired = await transaction((tx) => subscriptions.removeUnconfirmed(confirmationDeadline(now), tx));
      let digestsSent = 0;
      for (;;) {
        const { claimed, sent } = await sendBatch(now);
        digestsSent += sent;
        if (claimed < BATCH) break;
      }
      return { expired, digests: digestsSent };
    },
  };
}

export type AlertDigestService = ReturnType<typeof createAlertDigestService>;
