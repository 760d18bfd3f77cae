import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { EventStatus } from "../../generated/prisma/enums.js";
import type { EventRepository } from "../../data/territory/eventRepository.js";
import type { EventRegistrationRepository, LockedEvent } from "../../data/territory/eventRegistrationRepository.js";
import { monthsBefore } from "../../domain/romeTime.js";
import { STAFF_EXPORT_BATCH } from "../../domain/staffPaging.js";
import type { Language } from "../../locales/i18n.js";
import type { Actor } from "../review/reviewService.js";
import { keysetBatches } from "../shared/keysetBatches.js";
import { newSecretToken, hashToken } from "../shared/secretTokens.js";
import type { RegistrationMails } from "./registrationMails.js";
import type { WaitingList } from "./waitingList.js";

export interface SignUp {
  name: string;
  email: string;
  organization: string;
}

export type SignUpOutcome =
  { ok: true; status: "CONFIRMED" | "WAITING"; position: number } | { ok: false; reason: "notFound" | "closed" };

/** Sign-up is open while staff keep it open and the event, still scheduled (not cancelled or postponed), has not started. */
export const takesRegistrations = (
  event: { registrationOpen: boolean; status: EventStatus; startsAt: Date },
  now = new Date(),
) => event.registrationOpen && event.status === "SCHEDULED" && event.startsAt > now;

/**
 * Sign-up for events on their public page, the waiting list, cancellation by
 * the personal link, the staff's list and attendance, and the retention of the
 * registrants' personal data. Every step that takes or frees a seat runs in one
 * transaction holding the event's row lock.
 */
export function createEventRegistrationService(deps: {
  events: EventRepository;
  registrations: EventRegistrationRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  mails: RegistrationMails;
  waitingList: WaitingList;
  retentionMonths: number;
}) {
  const { events, registrations, audit, outbox, transaction, mails } = deps;

  /** A seat if one is free, else the next place in line. */
  async function nextPlace(event: LockedEvent, tx: Parameters<Parameters<RunInTransaction>[0]>[0]) {
    const { confirmed, waiting } = await registrations.seats(event.id, tx);
    return event.capacity === null || confirmed < event.capacity
      ? ({ status: "CONFIRMED", position: 0 } as const)
      : ({ status: "WAITING", position: waiting + 1 } as const);
  }

  return {
    seats: (eventId: number) => registrations.seats(eventId),

    /**
     * Signs a person up, with a confirmation e-mail in `language`. An address
     * already signed up gets an e-mail saying so (with a new cancellation link),
     * and the answer is the one a new sign-up would get: the page never tells
     * a visitor who else is signed up.
     */
    async signUp(slug: string, person: SignUp, language: Language, now = new Date()): Promise<SignUpOutcome> {
      const found = await events.findBySlug(slug);
      if (!found) return { ok: false, reason: "notFound" };
      return transaction(async (tx) => {
        const event = await registrations.lockEvent(found.id, tx);
        if (!event) return { ok: false, reason: "notFound" } as const;
        if (!takesRegistrations(event, now)) return { ok: false, reason: "closed" } as const;
        const place = await nextPlace(event, tx);
        const { token, hash } = newSecretToken();
        const existing = await registrations.active(event.id, person.email, tx);
        if (existing) {
          await registrations.replaceToken(existing.id, hash, tx);
          await outbox.enqueue(mails.alreadySignedUp(existing, event, existing.status, token), tx);
          return { ok: true, ...place } as const;
        }
        const created = await registrations.create(
          { ...person, eventId: event.id, language, status: place.status, cancelTokenHash: hash },
          tx,
        );
        await outbox.enqueue(mails.signedUp(created, event, place.status, place.position, token), tx);
        // The personal data stay in the registration, not in the activity register.
        await audit.change(tx, null, "eventRegistration.create", ["EventRegistration", created.id], undefined, {
          eventId: event.id,
          status: place.status,
        });
        return { ok: true, ...place } as const;
      });
    },

    /** What the cancellation link's page shows, or why the link does not work. */
    async cancellation(token: string, now = new Date()) {
      const found = await registrations.findByToken(hashToken(token));
      if (!found) return { state: "unknown" } as const;
      if (found.status === "CANCELLED") return { state: "cancelled" } as const;
      if (found.event.startsAt <= now) return { state: "started" } as const;
      return { state: "open", registration: { status: found.status, event: found.event } } as const;
    },

    /** Cancels the registration of the link; a seat it frees goes to the first person waiting. */
    async cancel(token: string, now = new Date()): Promise<"ok" | "unknown" | "cancelled" | "started"> {
      const hash = hashToken(token);
      const eventId = (await registrations.findByToken(hash))?.eventId;
      if (eventId === undefined) return "unknown";
      return transaction(async (tx) => {
        const event = await registrations.lockEvent(eventId, tx);
        // Read again under the lock: a seat may have come to this registration meanwhile.
        const found = await registrations.findByToken(hash, tx);
        if (!event || !found) return "unknown";
        if (event.startsAt <= now) return "started";
        if (!(await registrations.cancel(found.id, tx))) return "cancelled";
        const promoted = await deps.waitingList.fillFreeSeats(event, tx);
        await audit.change(
          tx,
          null,
          "eventRegistration.cancel",
          ["EventRegistration", found.id],
          { status: found.status },
          { status: "CANCELLED", promoted },
        );
        return "ok";
      });
    },

    page: (eventId: number, page = 1) => registrations.page(eventId, page),
    /** Every registration of the event, a batch at a time: the CSV download. */
    batches: (eventId: number) =>
      keysetBatches((afterId, take) => registrations.exportAfter(eventId, afterId, take), STAFF_EXPORT_BATCH),

    /**
     * Staff mark who came, among the registrations `shown` on their page; from
     * then on the event's participants figure is the number marked present.
     */
    recordAttendance(eventId: number, actor: Actor, shown: number[], present: number[], now = new Date()) {
      return transaction(async (tx) => {
        const event = await registrations.lockEvent(eventId, tx);
        if (!event) return "notFound" as const;
        if (event.startsAt > now) return "notHeld" as const;
        const participants = await registrations.markAttendance(eventId, shown, present, tx);
        await events.recordAttendance(eventId, participants, tx);
        await audit.change(
          tx,
          actor,
          "event.attendance",
          ["Event", eventId],
          { participants: event.participants },
          { participants, present: shown.filter((id) => present.includes(id)) },
        );
        return "ok" as const;
      });
    },

    /**
     * The retention job: registrations of events held more than the retention
     * period ago lose their name, e-mail and organization; the counts stay.
     */
    anonymiseExpired(now = new Date()) {
      const before = monthsBefore(now, deps.retentionMonths);
      return transaction(async (tx) => {
        const anonymised = await registrations.anonymiseExpired(before, tx);
        if (anonymised) {
          await audit.change(tx, null, "eventRegistration.anonymise", ["EventRegistration", "retention"], undefined, {
            anonymised,
            eventsBefore: before.toISOString(),
            retentionMonths: deps.retentionMonths,
          });
        }
        return { anonymised };
      });
    },
  };
}

export type EventRegistrationService = ReturnType<typeof createEventRegistrationService>;
