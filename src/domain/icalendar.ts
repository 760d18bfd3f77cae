import { romeParts } from "./romeTime.js";

export interface CalendarEvent {
  /** Stable across edits and calendars: a subscribed calendar updates the event instead of adding another. */
  uid: string;
  title: string;
  description: string;
  location: string;
  url: string;
  startsAt: Date;
  endsAt: Date | null;
  updatedAt: Date;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  /** The link to join online (RFC 7986 CONFERENCE). */
  onlineUrl: string | null;
}

/** What makes a calendar one to subscribe to: its name and how often apps should read it again. */
export interface CalendarFeed {
  name: string;
  description: string;
  /** The page that shows the same events. */
  url: string;
  /** The feed's own address. */
  source: string;
  /** An ISO 8601 duration, e.g. "PT6H". */
  refresh: string;
}

// Europe/Rome since 1996 (EU summer time), as calendars expect it next to TZID.
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Rome",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Content lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // The first line holds 75 octets, continuations 74 after their leading space.
    if (octets + size > (chunks.length ? 74 : 75)) {
      chunks.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join("\r\n ");
}

const local = (d: Date) => {
  const p = romeParts(d);
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
};
const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function eventLines(event: CalendarEvent): string[] {
  const end = event.endsAt ?? new Date(event.startsAt.getTime() + 2 * 3_600_000);
  return [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${utc(event.updatedAt)}`,
    `LAST-MODIFIED:${utc(event.updatedAt)}`,
    `DTSTART;TZID=Europe/Rome:${local(event.startsAt)}`,
    `DTEND;TZID=Europe/Rome:${local(end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    `URL:${event.url}`,
    `STATUS:${event.status}`,
    ...(event.onlineUrl ? [`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${event.onlineUrl}`] : []),
    "END:VEVENT",
  ];
}

/** RFC 7986 names and refresh interval, and the older X-WR-/X-PUBLISHED- ones that Google and Outlook read. */
function feedLines(feed: CalendarFeed): string[] {
  return [
    `NAME:${escapeText(feed.name)}`,
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `DESCRIPTION:${escapeText(feed.description)}`,
    `X-WR-CALDESC:${escapeText(feed.description)}`,
    "X-WR-TIMEZONE:Europe/Rome",
    `URL:${feed.url}`,
    `SOURCE;VALUE=URI:${feed.source}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${feed.refresh}`,
    `X-PUBLISHED-TTL:${feed.refresh}`,
  ];
}

/**
 * A calendar of events, times in Europe/Rome (with its VTIMEZONE); lines end in
 * CRLF. With `feed`, one that calendar apps subscribe to.
 */
export function eventCalendar(events: CalendarEvent[], productId: string, feed?: CalendarFeed): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${productId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(feed ? feedLines(feed) : []),
    ...VTIMEZONE,
    ...events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
