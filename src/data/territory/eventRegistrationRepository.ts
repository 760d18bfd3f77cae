import type { EventStatus, RegistrationStatus } from "../../generated/prisma/enums.js";
import { keysetWindow, pageWindow, staffPage } from "../../domain/staffPaging.js";
import type { Db } from "../shared/db.js";

/** An event as sign-up needs it, read under its row lock. */
export interface LockedEvent {
  id: number;
  slug: string;
  title: string;
  startsAt: Date;
  place: string;
  capacity: number | null;
  registrationOpen: boolean;
  status: EventStatus;
  participants: number | null;
}

export interface NewRegistration {
  eventId: number;
  name: string;
  email: string;
  organization: string;
  language: string;
  status: RegistrationStatus;
  cancelTokenHash: string;
}

/** Someone to write to about their registration. */
export interface Registrant {
  id: number;
  name: string;
  email: string;
  language: string;
}

const ACTIVE = { in: ["CONFIRMED", "WAITING"] as RegistrationStatus[] };

/** People signed up for events on the public pages, and their seats. */
export function createEventRegistrationRepository(db: Db) {
  return {
    /**
     * Locks the event's row until the transaction ends: every change that takes
     * or frees a seat goes through here first, so they happen one at a time per
     * event and the seats counted next stay true until commit.
     */
    async lockEvent(id: number, tx: Db): Promise<LockedEvent | null> {
      const rows = await tx.$queryRaw<LockedEvent[]>`
        SELECT id, slug, title, "startsAt" AT TIME ZONE 'UTC' AS "startsAt", place, capacity, "registrationOpen",
               status, participants
        FROM "Event" WHERE id = ${id} FOR UPDATE`;
      return rows[0] ?? null;
    },

    /** Seats taken and people waiting. */
    async seats(eventId: number, tx: Db = db) {
      const rows = await tx.eventRegistration.groupBy({
        by: ["status"],
        where: { eventId, status: ACTIVE },
        _count: { _all: true },
      });
      const count = (status: RegistrationStatus) => rows.find((r) => r.status === status)?._count._all ?? 0;
      return { confirmed: count("CONFIRMED"), waiting: count("WAITING") };
    },

    /** The address's registration for the event that is not cancelled, if any. */
    active(eventId: number, email: string, tx: Db) {
      return tx.eventRegistration.findFirst({ where: { eventId, email, status: ACTIVE } });
    },

    create(data: NewRegistration, tx: Db) {
      return tx.eventRegistration.create({ data: { ...data, consentAt: new Date() } });
    },

    /** Place in the waiting list, 1 = next to get a seat. */
    waitingPosition(eventId: number, id: number, tx: Db) {
      return tx.eventRegistration.count({ where: { eventId, status: "WAITING", id: { lte: id } } });
    },

    /** A new personal link for a registration (the old one stops working). */
    replaceToken(id: number, cancelTokenHash: string, tx: Db) {
      return tx.eventRegistration.update({ where: { id }, data: { cancelTokenHash } });
    },

    findByToken(cancelTokenHash: string, tx: Db = db) {
      return tx.eventRegistration.findUnique({
        where: { cancelTokenHash },
        include: { event: { select: { id: true, slug: true, title: true, startsAt: true, place: true } } },
      });
    },

    /** Cancels once: false when it was already cancelled. */
    async cancel(id: number, tx: Db) {
      const done = await tx.eventRegistration.updateMany({
        where: { id, status: ACTIVE },
        data: { status: "CANCELLED", cancelledAt: new Date() },
      });
      return done.count === 1;
    },

    /** Gives seats to the first `seats` people waiting (all of them when null), in order of sign-up. */
    promoteFirstWaiting(eventId: number, seats: number | null, tx: Db) {
      return tx.$queryRaw<Registrant[]>`
        UPDATE "EventRegistration" SET status = 'CONFIRMED', "promotedAt" = now() AT TIME ZONE 'UTC'
        WHERE id IN (SELECT id FROM "EventRegistration" WHERE "eventId" = ${eventId} AND status = 'WAITING'
                     ORDER BY id LIMIT ${seats})
        RETURNING id, name, email, language`;
    },

    /** Staff's list: every registration of the event in order of sign-up, a page at a time. */
    async page(eventId: number, page: number) {
      const where = { eventId };
      const [items, total] = await Promise.all([
        db.eventRegistration.findMany({ where, orderBy: { id: "asc" }, ...pageWindow(page) }),
        db.eventRegistration.count({ where }),
      ]);
      return staffPage(items, total, page);
    },

    exportAfter(eventId: number, afterId: number, take: number) {
      return db.eventRegistration.findMany(keysetWindow({ eventId }, afterId, take));
    },

    /**
     * Marks who of `shown` (the registrations on the staff's page) came: those in
     * `present`. Cancelled registrations are left alone. Returns how many of the
     * event's registrants are now marked present.
     */
    async markAttendance(eventId: number, shown: number[], present: number[], tx: Db) {
      const base = { eventId, status: ACTIVE };
      await tx.eventRegistration.updateMany({
        where: { ...base, id: { in: shown.filter((id) => present.includes(id)) } },
        data: { attended: true },
      });
      await tx.eventRegistration.updateMany({
        where: { ...base, id: { in: shown.filter((id) => !present.includes(id)) } },
        data: { attended: false },
      });
      return tx.eventRegistration.count({ where: { ...base, attended: true } });
    },

    /**
     * Erases name, e-mail and organization of the registrations of events that
     * started before `before`, and their cancellation links; status and attendance
     * stay, so every count stays. The row lock of UPDATE is the claim: a run of
     * another instance at the same moment waits, then finds them anonymised.
     * Also deletes the e-mails about them still in the outbox (they repeat the name).
     */
    async anonymiseExpired(before: Date, tx: Db) {
      const rows = await tx.$queryRaw<{ count: number }[]>`
        WITH expired AS (
          SELECT r.id, r.email, e.slug FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
          WHERE e."startsAt" < ${before}::timestamp AND r."anonymisedAt" IS NULL
          FOR UPDATE OF r
        ), erased AS (
          UPDATE "EventRegistration" r
          SET name = '', email = '', organization = '', "cancelTokenHash" = NULL, "anonymisedAt" = now() AT TIME ZONE 'UTC'
          FROM expired WHERE r.id = expired.id AND r."anonymisedAt" IS NULL
          RETURNING r.id
        ), mails AS (
          DELETE FROM "OutboxMessage" m USING expired
          WHERE m."to" = expired.email AND strpos(m.text, '/eventi/' || expired.slug) > 0
        )
        SELECT count(*)::int AS count FROM erased`;
      return rows[0]?.count ?? 0;
    },
  };
}

export type EventRegistrationRepository = ReturnType<typeof createEventRegistrationRepository>;
