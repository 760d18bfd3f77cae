import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { EventData, EventFigure, EventRepository } from "../../data/territory/eventRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { EventRegistrationRepository } from "../../data/territory/eventRegistrationRepository.js";
import { eventCalendar, type CalendarEvent } from "../../domain/icalendar.js";
import { romeDateAndTime } from "../../domain/romeTime.js";
import { slugify } from "../../domain/slug.js";
import type { Actor } from "../review/reviewService.js";
import type { WaitingList } from "./waitingList.js";

export interface EventInput extends EventData {
  organizationIds: number[];
}

type Outcome =
  | { ok: true; id: number }
  | { ok: false; reason: "notFound" | "notRegistered" }
  | { ok: false; reason: "capacityBelowSeats"; seats: number };

type PublicEvent = EventData & { slug: string; updatedAt: Date; comune: { name: string } | null };

const PRODUCT_ID = "-//Citta metropolitana di Bologna//Registro del welfare aziendale//IT";
/** The all-events feed holds the upcoming events and those of the past year. */
const FEED_PAST_DAYS = 365;
/** A bound, far above the events of a year, so that a mistake never makes the feed unbounded. */
const FEED_LIMIT = 1000;
/** How often calendar apps are asked to read the feed again. */
const FEED_REFRESH = "PT6H";
const ICALENDAR_STATUS = { SCHEDULED: "CONFIRMED", POSTPONED: "TENTATIVE", CANCELLED: "CANCELLED" } as const;

/** Seminars, meetings and training sessions: the public calendar and the staff's records. */
export function createEventService(deps: {
  events: EventRepository;
  registrations: EventRegistrationRepository;
  waitingList: WaitingList;
  audit: AuditRepository;
  transaction: RunInTransaction;
  figures: () => Promise<EventFigure[]>;
  publicBaseUrl: string;
}) {
  const { events, audit, transaction } = deps;
  const snapshot = (e: EventData & { attendees?: { organizationId: number }[] }, ids?: number[]) => ({
    title: e.title,
    type: e.type,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    comuneCode: e.comuneCode,
    organizer: e.organizer,
    description: e.description,
    participants: e.participants,
    registrationOpen: e.registrationOpen,
    capacity: e.capacity,
    status: e.status,
    onlineUrl: e.onlineUrl,
    freeOfCharge: e.freeOfCharge,
    organizationIds: ids ?? (e.attendees ?? []).map((a) => a.organizationId).sort((a, b) => a - b),
  });

  const baseUrl = deps.publicBaseUrl;
  const host = new URL(baseUrl).hostname;
  function calendarEvent(event: PublicEvent): CalendarEvent {
    const url = `${baseUrl}/eventi/${event.slug}`;
    return {
      uid: `evento-${event.slug}@${host}`,
      title: event.title,
      // The links at the end: to join online, and the event's page.
      description: [event.description, event.onlineUrl, url].filter(Boolean).join("\n\n"),
      location: [event.place, event.comune?.name].filter(Boolean).join(", "),
      url,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      updatedAt: event.updatedAt,
      status: ICALENDAR_STATUS[event.status],
      onlineUrl: event.onlineUrl,
    };
  }

  async function uniqueSlug(title: string, startsAt: Date, tx: Parameters<Parameters<RunInTransaction>[0]>[0]) {
    const base = `${romeDateAndTime(startsAt).date}-${slugify(title)}`;
    for (let n = 1; ; n += 1) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await events.slugTaken(slug, tx))) return slug;
    }
  }

  return {
    calendar: async (now = new Date()) => ({
      upcoming: await events.upcoming(now),
      past: await events.past(now),
      figures: await deps.figures(),
    }),
    bySlug: (slug: string) => events.findBySlug(slug),
    list: () => events.list(),
    find: (id: number) => events.find(id),
    registeredOrganizations: (alsoIds: number[] = []) => events.registeredOrganizations(alsoIds),

    /** The event as an iCalendar file. */
    ics: (event: PublicEvent) => eventCalendar([calendarEvent(event)], PRODUCT_ID),

    /** Every upcoming event and those of the past year, as a calendar to subscribe to at `source`. */
    async feed(named: { name: string; description: string; source: string }, now = new Date()) {
      const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
      const feed = { ...named, url: `${baseUrl}/eventi`, refresh: FEED_REFRESH };
      return eventCalendar((await events.upcoming(from, FEED_LIMIT)).map(calendarEvent), PRODUCT_ID, feed);
    },

    create(actor: Actor, input: EventInput): Promise<Outcome> {
      const { organizationIds, ...data } = input;
      return transaction(async (tx) => {
        if ((await events.registeredIds(organizationIds, tx)).length !== organizationIds.length)
          return { ok: false, reason: "notRegistered" } as const;
        const created = await events.create(await uniqueSlug(data.title, data.startsAt, tx), data, organizationIds, tx);
        await audit.change(
          tx,
          actor,
          "event.create",
          ["Event", created.id],
          undefined,
          snapshot(data, organizationIds),
        );
        return { ok: true, id: created.id } as const;
      });
    },

    /**
     * Saves the staff's form. The event is locked first, like a sign-up: a new
     * capacity is never below the seats already given, and seats it adds go to
     * the waiting list at once (each promoted person is e-mailed).
     */
    update(id: number, actor: Actor, input: EventInput): Promise<Outcome> {
      const { organizationIds, ...data } = input;
      return transaction(async (tx) => {
        const locked = await deps.registrations.lockEvent(id, tx);
        const before = await events.find(id, tx);
        if (!locked || !before) return { ok: false, reason: "notFound" } as const;
        // An organization recorded earlier stays even if it has since left the register.
        const kept = before.attendees.map((a) => a.organizationId);
        const added = organizationIds.filter((o) => !kept.includes(o));
        if ((await events.registeredIds(added, tx)).length !== added.length)
          return { ok: false, reason: "notRegistered" } as const;
        const seats = await deps.registrations.seats(id, tx);
        if (data.capacity !== null && data.capacity < seats.confirmed)
          return { ok: false, reason: "capacityBelowSeats", seats: seats.confirmed } as const;
        // With registrations the participants are counted from them (recordAttendance), never typed.
        const saved = {
          ...data,
          participants: seats.confirmed + seats.waiting > 0 ? before.participants : data.participants,
        };
        await events.update(id, saved, organizationIds, tx);
        const promoted = await deps.waitingList.fillFreeSeats({ ...locked, ...saved }, tx);
        await audit.change(tx, actor, "event.update", ["Event", id], snapshot(before), {
          ...snapshot(saved, organizationIds),
          ...(promoted.length ? { promoted } : {}),
        });
        return { ok: true, id } as const;
      });
    },

    delete(id: number, actor: Actor): Promise<boolean> {
      return transaction(async (tx) => {
        const before = await events.find(id, tx);
        if (!before) return false;
        const unlinkedContributions = await events.delete(id, tx);
        await audit.change(tx, actor, "event.delete", ["Event", id], {
          ...snapshot(before),
          slug: before.slug,
          unlinkedContributions,
        });
        return true;
      });
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
