import type { EventStatus, EventType } from "../../generated/prisma/enums.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";
import { instantInRomeYear } from "../shared/romeYear.js";

export interface EventData {
  title: string;
  type: EventType;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  comuneCode: string | null;
  organizer: string;
  description: string;
  participants: number | null;
  registrationOpen: boolean;
  capacity: number | null;
  status: EventStatus;
  onlineUrl: string | null;
  freeOfCharge: boolean;
}

const withDetails = {
  comune: { select: { name: true, cap: true } },
  attendees: { include: { organization: { select: { id: true, name: true, slug: true, registryStatus: true } } } },
} as const;

/** Seminars, meetings and training sessions recorded by staff, with the organizations that attended. */
export function createEventRepository(db: Db) {
  return {
    list(take = 500) {
      return db.event.findMany({
        include: {
          comune: { select: { name: true } },
          _count: { select: { registrations: { where: { status: "CONFIRMED" } } } },
        },
        orderBy: [{ startsAt: "desc" }, { id: "desc" }],
        take,
      });
    },
    /** The events that start from `now` on, in the order they are held. */
    upcoming(now: Date, take = 100) {
      return db.event.findMany({
        where: { startsAt: { gte: now } },
        include: { comune: { select: { name: true } } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take,
      });
    },
    past(now: Date, take = 100) {
      return db.event.findMany({
        where: { startsAt: { lt: now } },
        include: { comune: { select: { name: true } } },
        orderBy: [{ startsAt: "desc" }, { id: "desc" }],
        take,
      });
    },
    find(id: number, tx: Db = db) {
      return tx.event.findUnique({ where: { id }, include: withDetails });
    },
    findBySlug(slug: string) {
      return db.event.findUnique({ where: { slug }, include: withDetails });
    },
    slugTaken(slug: string, tx: Db = db) {
      return tx.event.count({ where: { slug } }).then((n) => n > 0);
    },
    /** Only REGISTERED organizations may be recorded as attending. */
    registeredIds(ids: number[], tx: Db = db) {
      return tx.organization
        .findMany({ where: { id: { in: ids }, registryStatus: "REGISTERED" }, select: { id: true } })
        .then((rows) => rows.map((r) => r.id));
    },
    /** The choices of attendees: registered organizations, and those already recorded (alsoIds) even if they have left. */
    registeredOrganizations(alsoIds: number[] = []) {
      return db.organization.findMany({
        where: { OR: [{ registryStatus: "REGISTERED" }, { id: { in: alsoIds } }] },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
    },
    create(slug: string, data: EventData, organizationIds: number[], tx: Db = db) {
      return tx.event.create({
        data: { slug, ...data, attendees: { create: organizationIds.map((organizationId) => ({ organizationId })) } },
      });
    },
    async update(id: number, data: EventData, organizationIds: number[], tx: Db = db) {
      await tx.eventAttendance.deleteMany({ where: { eventId: id } });
      return tx.event.update({
        where: { id },
        data: { ...data, attendees: { create: organizationIds.map((organizationId) => ({ organizationId })) } },
      });
    },
    /** The participants figure counted from the registrants marked present. */
    recordAttendance(id: number, participants: number, tx: Db) {
      return tx.event.update({ where: { id }, data: { participants, attendanceRecordedAt: new Date() } });
    },
    /** Contributions that pointed at the event lose the link; the event, its attendance and registrations go. */
    async delete(id: number, tx: Db = db) {
      const unlinked = await tx.contribution.findMany({ where: { eventId: id }, select: { id: true } });
      await tx.contribution.updateMany({ where: { eventId: id }, data: { eventId: null } });
      await tx.eventAttendance.deleteMany({ where: { eventId: id } });
      await tx.eventRegistration.deleteMany({ where: { eventId: id } });
      await tx.event.delete({ where: { id } });
      return unlinked.map((c) => c.id);
    },
    figuresByYearAndType: (at?: Date, year?: number) => eventFiguresByYearAndType(db, at, year),
    nextStart: (at: Date) => nextEventStart(db, at),
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;

export interface EventFigure {
  year: number;
  type: EventType;
  events: number;
  averageParticipants: number | null;
  /** The participants of the events that have a figure, added up (null: none has). */
  participants: number | null;
}

/**
 * Number of events already held (scheduled ones whose start has passed: not
 * those cancelled or postponed) and their average participants, per year (in
 * Rome) and type. The average counts only events with a participants figure,
 * rounded to one decimal by PostgreSQL. Newest year first, types in the
 * enum's order (seminar, meeting, training). With `year`, that year only.
 */
async function eventFiguresByYearAndType(db: Db, at = new Date(), year?: number): Promise<EventFigure[]> {
  const now = wallClock(at);
  const ofYear = year === undefined ? Prisma.empty : Prisma.sql`AND ${instantInRomeYear(`"startsAt"`, year)}`;
  const rows = await db.$queryRaw<
    { year: number; type: EventType; events: number; average: string | null; participants: number | null }[]
  >`
    SELECT EXTRACT(YEAR FROM ("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Rome')::int AS year,
           "type"::text AS type,
           COUNT(*)::int AS events,
           ROUND(AVG("participants")::numeric, 1)::text AS average,
           SUM("participants")::int AS participants
    FROM "Event"
    WHERE "startsAt" < ${now}::timestamp AND "status" = 'SCHEDULED' ${ofYear}
    GROUP BY 1, "Event"."type"
    ORDER BY 1 DESC, "Event"."type"`;
  return rows.map((r) => ({
    year: r.year,
    type: r.type,
    events: r.events,
    averageParticipants: r.average === null ? null : Number(r.average),
    participants: r.participants,
  }));
}

/**
 * When the next event starts after `at`: from then on it counts as held, so
 * figures computed at `at` are valid until that moment (null: never).
 */
async function nextEventStart(db: Db, at: Date): Promise<Date | null> {
  const rows = await db.$queryRaw<{ startsAt: Date | null }[]>`
    SELECT min("startsAt") AT TIME ZONE 'UTC' AS "startsAt" FROM "Event" WHERE "startsAt" >= ${wallClock(at)}::timestamp`;
  return rows[0]?.startsAt ?? null;
}

/** Stored timestamps are UTC wall-clock values (timestamp without time zone). */
function wallClock(at: Date): string {
  return at.toISOString().replace("T", " ").replace("Z", "");
}
