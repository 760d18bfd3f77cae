import type { EventStatus } from "../../generated/prisma/enums.js";

const SCHEMA = "https://schema.org";
const EVENT_STATUS: Record<EventStatus, string> = {
  SCHEDULED: `${SCHEMA}/EventScheduled`,
  POSTPONED: `${SCHEMA}/EventPostponed`,
  CANCELLED: `${SCHEMA}/EventCancelled`,
};

interface PublicEvent {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  organizer: string;
  status: EventStatus;
  onlineUrl: string | null;
  freeOfCharge: boolean;
  comune: { name: string; cap: string } | null;
}

/**
 * Where it is held: a Place (with its comune's postal address when known), a
 * VirtualLocation with the link to join when there is one, or both.
 */
function location(event: PublicEvent) {
  const place = {
    "@type": "Place",
    name: event.place,
    address: event.comune
      ? {
          "@type": "PostalAddress",
          addressLocality: event.comune.name,
          postalCode: event.comune.cap,
          addressRegion: "BO",
          addressCountry: "IT",
        }
      : undefined,
  };
  if (!event.onlineUrl) return { mode: "Offline", location: place };
  const virtual = { "@type": "VirtualLocation", url: event.onlineUrl };
  // An event with a comune and a link is held in both places.
  return event.comune ? { mode: "Mixed", location: [place, virtual] } : { mode: "Online", location: virtual };
}

/** schema.org Event of a public event page, safe inside a <script> element. */
export function eventJsonLd(event: PublicEvent, url: string): string {
  const where = location(event);
  const data = {
    "@context": SCHEMA,
    "@type": "Event",
    name: event.title,
    description: event.description || undefined,
    startDate: event.startsAt.toISOString(),
    endDate: event.endsAt?.toISOString(),
    eventStatus: EVENT_STATUS[event.status],
    eventAttendanceMode: `${SCHEMA}/${where.mode}EventAttendanceMode`,
    location: where.location,
    organizer: { "@type": "Organization", name: event.organizer },
    isAccessibleForFree: event.freeOfCharge,
    // Only a free event has an offer we know: its price, nothing.
    offers: event.freeOfCharge ? { "@type": "Offer", price: 0, priceCurrency: "EUR", url } : undefined,
    url,
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
