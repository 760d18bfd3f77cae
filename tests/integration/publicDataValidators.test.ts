import ical from "node-ical";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOWNLOADS } from "../../src/services/monitoring/openDataService.js";
import { publicDatasetNames } from "../../src/services/monitoring/statisticsDatasets.js";
import { asBytes, eventJsonLdOf, strictCsv, validCalendar, validGeoJson } from "../helpers/dataValidators.js";
import { createDemoTestContext, type TestContext } from "../helpers/testApp.js";

// Every public data file of the demo register, read by the validators a consumer
// would use (tests/helpers/dataValidators.ts): an error fails the build.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createDemoTestContext();
}, 60_000);
afterAll(() => ctx?.db.close());

const get = (path: string) => request(ctx.app).get(path).expect(200);
const events = () => ctx.db.prisma.event.findMany({ include: { comune: true }, orderBy: { startsAt: "asc" } });

/** Each CSV for programs and its variant for Italian spreadsheets. */
const CSV_PAIRS = [
  ["/open-data/registro.csv", "/open-data/registro-excel.csv"],
  ["/open-data/misure.csv", "/open-data/misure-excel.csv"],
  ...publicDatasetNames.map((n) => [`/statistiche/${n}.csv`, `/statistiche/${n}-excel.csv`]),
] as const;

describe("CSV (csv-parse, strict)", () => {
  it("reads every CSV and its Excel variant: same columns and rows, BOM and semicolons only in the variant", async () => {
    for (const [plainPath, excelPath] of CSV_PAIRS) {
      const plain = strictCsv((await asBytes(get(plainPath))).body, { separator: ",", byteOrderMark: false });
      const excel = strictCsv((await asBytes(get(excelPath))).body, { separator: ";", byteOrderMark: true });
      expect(excel[0], excelPath).toEqual(plain[0]);
      expect(excel.length, excelPath).toBe(plain.length);
      // The same values, decimal numbers written with a comma.
      expect(excel, excelPath).toEqual(
        plain.map((row) => row.map((v) => (/^-?\d+\.\d+$/.test(v) ? v.replace(".", ",") : v))),
      );
    }
  });

  it("has one row per registered organization, accents intact in both variants", async () => {
    const registered = await ctx.db.prisma.organization.count({ where: { registryStatus: "REGISTERED" } });
    const rows = strictCsv((await asBytes(get("/open-data/registro-excel.csv"))).body, {
      separator: ";",
      byteOrderMark: true,
    });
    expect(rows.length - 1).toBe(registered);
    const comune = rows[0]!.indexOf("comune");
    expect(rows.map((r) => r[comune])).toContain("Casalecchio di Reno");
    expect(rows.flat().some((v) => /[àèéìòù]/.test(v))).toBe(true);
    const latitude = rows[0]!.indexOf("latitudine");
    expect(rows.slice(1).every((r) => r[latitude] === "" || /^4\d,\d+$/.test(r[latitude]!))).toBe(true);
  });
});

describe("GeoJSON (check-geojson)", () => {
  it("finds no issue in registro.geojson and /mappa/dati.geojson, whose features have the same ids", async () => {
    const file = validGeoJson((await get("/open-data/registro.geojson")).text);
    const ids = file.features.map((f) => f.id);
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(file.features.map((f) => f.properties.slug)).toEqual(ids);

    for (const path of ["/mappa/dati.geojson", "/mappa/dati.geojson?categoria=minori"]) {
      const map = validGeoJson((await get(path)).text);
      expect(map.features.length, path).toBeGreaterThan(0);
      for (const feature of map.features) expect(ids, path).toContain(feature.id);
    }
  });
});

describe("iCalendar (node-ical)", () => {
  it("reads the all-events feed as a second parser does: every event with its UID, start, end and summary", async () => {
    const parsed = ical.sync.parseICS((await get("/eventi.ics")).text);
    const vevents = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === "VEVENT");
    const { events: read } = validCalendar((await get("/eventi.ics")).text);
    expect(vevents.map((e) => e.uid)).toEqual(read.map((e) => e.uid));
    expect(vevents.map((e) => new Date(e.start).toISOString())).toEqual(read.map((e) => e.start.toISOString()));
    expect(vevents.map((e) => e.end?.toISOString())).toEqual(read.map((e) => e.end.toISOString()));
    for (const e of vevents) expect(String(e.summary)).not.toBe("");
  });
});

describe("iCalendar (ical.js)", () => {
  it("reads the all-events feed: required properties, stable UIDs, Rome times right, subscription hints", async () => {
    const text = (await get("/eventi.ics")).text;
    const { calendar, events: read } = validCalendar(text);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(
      "Eventi del welfare aziendale – Città metropolitana di Bologna",
    );
    expect(String(calendar.getFirstPropertyValue("refresh-interval"))).toBe("PT6H");
    expect(calendar.getFirstPropertyValue("x-published-ttl")).toBe("PT6H");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Rome");

    const yearAgo = Date.now() - 365 * 86_400_000;
    const expected = (await events()).filter((e) => e.startsAt.getTime() >= yearAgo);
    expect(read.map((e) => e.uid)).toEqual(expected.map((e) => `evento-${e.slug}@localhost`));
    expect(read.map((e) => e.start.toISOString())).toEqual(expected.map((e) => e.startsAt.toISOString()));
    expect(read.map((e) => e.end.toISOString())).toEqual(expected.map((e) => e.endsAt!.toISOString()));
    expect(read.map((e) => e.status)).toEqual(
      expected.map((e) => ({ SCHEDULED: "CONFIRMED", POSTPONED: "TENTATIVE", CANCELLED: "CANCELLED" })[e.status]),
    );
    expect(read.filter((e) => e.conference).length).toBe(expected.filter((e) => e.onlineUrl).length);
    // Older events than a year are left out, and the demo data has some.
    expect(expected.length).toBeLessThan((await events()).length);
  });

  it("reads every event's own .ics, with the same UID as in the feed", async () => {
    for (const event of await events()) {
      const { events: read } = validCalendar((await get(`/eventi/${event.slug}/calendario.ics`)).text);
      expect(read.map((e) => [e.uid, e.summary, e.start.toISOString()])).toEqual([
        [`evento-${event.slug}@localhost`, event.title, event.startsAt.toISOString()],
      ]);
    }
  });
});

describe("schema.org Event (JSON-LD)", () => {
  it("describes every event page completely, with its status and where to attend", async () => {
    const modes = new Set<string>();
    const statuses = new Set<string>();
    for (const event of await events()) {
      const jsonLd = eventJsonLdOf((await get(`/eventi/${event.slug}`)).text);
      expect(jsonLd.startDate).toBe(event.startsAt.toISOString());
      expect(jsonLd.eventStatus).toBe(
        `https://schema.org/${{ SCHEDULED: "EventScheduled", POSTPONED: "EventPostponed", CANCELLED: "EventCancelled" }[event.status]}`,
      );
      const places = [jsonLd.location].flat();
      const virtual = places.find((l) => l["@type"] === "VirtualLocation");
      expect(virtual && "url" in virtual ? virtual.url : null).toBe(event.onlineUrl);
      const place = places.find((l) => l["@type"] === "Place");
      if (place && "address" in place) expect(place.address?.addressLocality).toBe(event.comune?.name);
      expect(jsonLd.offers?.price ?? null).toBe(event.freeOfCharge ? 0 : null);
      modes.add(jsonLd.eventAttendanceMode);
      statuses.add(jsonLd.eventStatus);
    }
    // The demo data holds every kind the checks are about.
    expect([...modes].sort()).toEqual(
      ["Mixed", "Offline", "Online"].map((m) => `https://schema.org/${m}EventAttendanceMode`),
    );
    expect(statuses).toContain("https://schema.org/EventCancelled");
  });
});

describe("headers of the public data files", () => {
  const downloads = async () => [
    ...Object.keys(DOWNLOADS).map((f) => [`/open-data/${f}`, f]),
    ["/open-data/catalogo.jsonld", "catalogo.jsonld"],
    ...publicDatasetNames.flatMap((n) => [
      [`/statistiche/${n}.csv`, `statistiche-${n}.csv`],
      [`/statistiche/${n}-excel.csv`, `statistiche-${n}-excel.csv`],
    ]),
    ["/eventi.ics", "eventi.ics"],
    ...(await events()).map((e) => [`/eventi/${e.slug}/calendario.ics`, `${e.slug}.ics`]),
  ];

  it("lets any site read them, names the saved file, and answers 304 to a known ETag", async () => {
    for (const [path, file] of await downloads()) {
      const res = await get(path!);
      expect(res.headers["access-control-allow-origin"], path).toBe("*");
      expect(res.headers["content-disposition"], path).toBe(`attachment; filename="${file}"`);
      expect(res.headers.etag, path).toBeTruthy();
      await request(ctx.app).get(path!).set("If-None-Match", res.headers.etag!).expect(304);
    }
  });

  it("lets any site read the map's feed, and its errors", async () => {
    const map = await get("/mappa/dati.geojson");
    expect(map.headers["access-control-allow-origin"]).toBe("*");
    await request(ctx.app).get("/mappa/dati.geojson").set("If-None-Match", map.headers.etag!).expect(304);
    const wrong = await request(ctx.app).get("/mappa/dati.geojson?raggio=mille").expect(400);
    expect(wrong.headers["access-control-allow-origin"]).toBe("*");
    // An address that is not text (bad UTF-8, a NUL) is refused the feed's way too, before any search.
    for (const bad of ["?q=%FF", "?q=nido%00"]) {
      const refused = await request(ctx.app).get(`/mappa/dati.geojson${bad}`).expect(400);
      expect(refused.headers["content-type"], bad).toMatch(/^application\/problem\+json/);
      expect(refused.headers["access-control-allow-origin"], bad).toBe("*");
      expect(JSON.parse(refused.text), bad).toMatchObject({ status: 400 });
    }
  });
});
