import { storedHeaders, type OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { Logger } from "../../logger.js";

/** What the outbox needs of a nodemailer transport (tests pass a JSON transport or a failing one). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string> | undefined;
  }): Promise<unknown>;
}

/** 1, 2, 4 … minutes after each failure, at most 6 hours apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/**
 * Delivers the outbox. Without SMTP settings nobody calls it and messages stay
 * PENDING in the table; tests call it with a nodemailer JSON transport.
 */
export function createMailService(outbox: OutboxRepository, from: string) {
  return {
    async deliverPending(transport: MailTransport, batchSize = 20) {
      const due = await outbox.due(new Date(), batchSize);
      let sent = 0;
      for (const message of due) {
        try {
          const { to, subject, text } = message;
          await transport.sendMail({ from, to, subject, text, headers: storedHeaders(message.headers) });
          await outbox.markSent(message.id);
          sent += 1;
        } catch (err) {
          const attempts = message.attempts + 1;
          await outbox.markFailed(
            message.id,
            err instanceof Error ? err.message : String(err),
            new Date(Date.now() + retryDelayMs(attempts)),
          );
        }
      }
      return { attempted: due.length, sent };
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;

/** The worker started by src/server.ts when SMTP is configured; returns its stop function. */
export function startMailWorker(mail: MailService, transport: MailTransport, logger: Logger, everyMs = 30_000) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    mail
      .deliverPending(transport)
      .then((r) => r.attempted > 0 && logger.info(r, "outbox delivered"))
      .catch((err: unknown) => logger.error({ err }, "outbox delivery"))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
