import type { EventRegistrationRepository, LockedEvent } from "../../data/territory/eventRegistrationRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { RegistrationMails } from "./registrationMails.js";

/**
 * An event's waiting list, shared by the registrants' cancellations and the
 * staff's changes of capacity: whenever seats may have freed up, the first
 * people waiting get them, in order of sign-up, and each is told by e-mail.
 */
export function createWaitingList(deps: {
  registrations: EventRegistrationRepository;
  outbox: OutboxRepository;
  mails: RegistrationMails;
}) {
  return {
    /**
     * Call with the event locked (registrations.lockEvent) in `tx`; returns the
     * ids promoted. Once the event has started, or while it is cancelled or
     * postponed, a seat is of no use: nobody is.
     */
    async fillFreeSeats(event: LockedEvent, tx: Db, now = new Date()): Promise<number[]> {
      if (event.startsAt <= now || event.status !== "SCHEDULED") return [];
      const { confirmed, waiting } = await deps.registrations.seats(event.id, tx);
      const free = event.capacity === null ? null : event.capacity - confirmed;
      if (waiting === 0 || (free !== null && free <= 0)) return [];
      const promoted = await deps.registrations.promoteFirstWaiting(event.id, free, tx);
      await deps.outbox.enqueueAll(
        promoted.map((r) => deps.mails.promoted(r, event)),
        tx,
      );
      return promoted.map((r) => r.id).sort((a, b) => a - b);
    },
  };
}

export type WaitingList = ReturnType<typeof createWaitingList>;
