import { getIssues } from "@placemarkio/check-geojson";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import type request from "supertest";
import { expect } from "vitest";
import { z } from "zod";

// Independent validators of the public data formats, so that a test fails on
// what a real consumer would reject: csv-parse, check-geojson, ical.js, and the
// properties search engines read in a schema.org Event.

/** The body as bytes (supertest would decode it to text, and a test could not see a byte order mark). */
export const asBytes = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("end", () => done(null, Buffer.concat(chunks)));
  });

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The rows of a CSV file, read by csv-parse with nothing relaxed: quotes, column
 * counts and CRLF record ends as RFC 4180 says. Plain files must not start with
 * a byte order mark, the Excel ones must.
 */
export function strictCsv(bytes: Buffer, dialect: { separator: "," | ";"; byteOrderMark: boolean }): string[][] {
  expect(bytes.subarray(0, 3).equals(UTF8_BOM), "byte order mark").toBe(dialect.byteOrderMark);
  const rows = parseCsv(bytes, {
    bom: dialect.byteOrderMark,
    delimiter: dialect.separator,
    record_delimiter: "\r\n",
    encoding: "utf8",
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    skip_records_with_error: false,
  }) as string[][];
  const header = rows[0] ?? [];
  expect(new Set(header).size, "distinct column names").toBe(header.length);
  return rows;
}

/** A GeoJSON text with nothing check-geojson objects to, parsed. */
export function validGeoJson(text: string) {
  expect(getIssues(text)).toEqual([]);
  return JSON.parse(text) as {
    type: string;
    features: { id?: unknown; geometry: unknown; properties: Record<string, unknown> }[];
  };
}

/**
 * An iCalendar text as ical.js reads it, with what RFC 5545 requires of the
 * calendar and of each event; starts and ends converted with the file's own
 * VTIMEZONE, so a wrong zone definition shows as a wrong instant.
 */
export function validCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(calendar.name).toBe("vcalendar");
  for (const property of ["version", "prodid"]) expect(calendar.getFirstPropertyValue(property)).toBeTruthy();
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    for (const property of ["uid", "dtstamp", "dtstart", "summary"])
      expect(vevent.getFirstPropertyValue(property), property).toBeTruthy();
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      status: String(vevent.getFirstPropertyValue("status")),
      conference: vevent.getFirstPropertyValue("conference"),
    };
  });
  return { calendar, events };
}

const SCHEMA = "https://schema.org/";
const postalAddress = z.object({
  "@type": z.literal("PostalAddress"),
  addressLocality: z.string().min(1),
  postalCode: z.string().regex(/^\d{5}$/),
  addressRegion: z.literal("BO"),
  addressCountry: z.literal("IT"),
});
const place = z.object({ "@type": z.literal("Place"), name: z.string().min(1), address: postalAddress.optional() });
const virtualLocation = z.object({ "@type": z.literal("VirtualLocation"), url: z.url() });
const isoInstant = z.iso.datetime({ offset: true });

/**
 * A schema.org Event as Google's event rich results want it: name, start,
 * status, attendance mode matching the location (Place, VirtualLocation or
 * both), organizer, and an offer only with a price.
 */
export const schemaOrgEvent = z
  .object({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("Event"),
    name: z.string().min(1),
    description: z.string().min(1).optional(),
    startDate: isoInstant,
    endDate: isoInstant.optional(),
    eventStatus: z.enum(["EventScheduled", "EventPostponed", "EventCancelled"].map((s) => SCHEMA + s)),
    eventAttendanceMode: z.enum(
      ["OfflineEventAttendanceMode", "OnlineEventAttendanceMode", "MixedEventAttendanceMode"].map((s) => SCHEMA + s),
    ),
    location: z.union([place, virtualLocation, z.tuple([place, virtualLocation])]),
    organizer: z.object({ "@type": z.literal("Organization"), name: z.string().min(1) }),
    isAccessibleForFree: z.boolean(),
    offers: z
      .object({ "@type": z.literal("Offer"), price: z.number(), priceCurrency: z.literal("EUR"), url: z.url() })
      .optional(),
    url: z.url(),
  })
  .strict()
  .refine((e) => {
    const mode = e.eventAttendanceMode.slice(SCHEMA.length);
    const types = [e.location].flat().map((l) => l["@type"]);
    if (mode === "OnlineEventAttendanceMode") return types.join() === "VirtualLocation";
    if (mode === "MixedEventAttendanceMode") return types.join() === "Place,VirtualLocation";
    return types.join() === "Place";
  }, "the attendance mode does not match the location");

/** The JSON-LD of a page, checked as a schema.org Event. */
export function eventJsonLdOf(html: string) {
  const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];
  expect(json, "JSON-LD").toBeTruthy();
  return schemaOrgEvent.parse(JSON.parse(json!));
}
