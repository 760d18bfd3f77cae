import type { Db } from "./db.js";

/** Someone the register writes to, in their language (User.language; Italian when unknown). */
export interface Recipient {
  email: string;
  language: string;
}

/** An organization's `users` as recipients of the decisions about it: its active company accounts. */
export const companyUsersAsRecipients = {
  where: { role: "COMPANY" as const, active: true },
  select: { email: true, language: true },
} as const;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Extra header lines, name -> value (the alerts' List-Unsubscribe, RFC 8058). */
  headers?: Record<string, string>;
}

/** The headers stored with a message, as the transport takes them (none when the JSON is not a map of texts). */
export function storedHeaders(json: unknown): Record<string, string> | undefined {
  if (!json || typeof json !== "object" || Array.isArray(json)) return undefined;
  const entries = Object.entries(json).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * Every e-mail is first written to the outbox, in the transaction of the
 * change it reports; a worker delivers it and retries on failure.
 */
export function createOutboxRepository(db: Db) {
  return {
    enqueue(mail: OutgoingMail, tx: Db = db) {
      return tx.outboxMessage.create({ data: mail });
    },

    /** Several messages in one statement (one per recipient of a decision). */
    async enqueueAll(mails: OutgoingMail[], tx: Db = db) {
      if (mails.length) await tx.outboxMessage.createMany({ data: mails });
    },

    /** Deletes the messages to `to` that mention `mentioning` (a request's code): its copies of personal data. */
    forget(to: string, mentioning: string, tx: Db = db) {
      return tx.outboxMessage.deleteMany({ where: { to, text: { contains: mentioning } } });
    },

    /** Messages due for a (new) attempt, oldest first. */
    due(now: Date, take: number) {
      return db.outboxMessage.findMany({
        where: { status: "PENDING", nextAttemptAt: { lte: now } },
        orderBy: { id: "asc" },
        take,
      });
    },

    markSent(id: number) {
      return db.outboxMessage.update({
        where: { id },
        data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      });
    },

    /** A failed attempt keeps the message PENDING: it is never dropped, only delayed. */
    markFailed(id: number, error: string, nextAttemptAt: Date) {
      return db.outboxMessage.update({
        where: { id },
        data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), nextAttemptAt },
      });
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
