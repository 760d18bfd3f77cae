import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import type { MapPoint } from "../../services/registry/memorySearchIndex.js";
import { parseSearch } from "./parseSearch.js";
import { searchPage } from "./searchPage.js";
import { readableByAnySite } from "./publicFile.js";
import { bytesOf } from "../../services/registry/registryService.js";

/** The map shows at most this many organizations: the nearest or best matches first. */
export const MAP_LIMIT = 500;

/** /mappa: the list is server-rendered; public/js/map.js adds the map from the GeoJSON feed. */
export const mapPage = (services: Services) => searchPage(services, { view: "public/map", path: "/mappa" });

export function mapGeoJson(services: Services): RequestHandler {
  return async (req, res) => {
    readableByAnySite(res); // its errors too: a page on another site reads why its query failed
    const parsed = await parseSearch(req, services.referenceData, services.geocoder);
    if (!parsed.ok) {
      return res
        .status(400)
        .type("application/problem+json")
        .json({
          type: "about:blank",
          title: res.locals.t("search.errors.title"),
          status: 400,
          errors: Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, res.locals.t(v.key)])),
        });
    }
    // Cached as the GeoJSON sent, under the canonical search.
    const geojson = await services.registry.cachedMap(parsed.search, MAP_LIMIT, featureCollection);
    res.setHeader("ETag", geojson.etag);
    res.type("application/geo+json; charset=utf-8").send(geojson.body);
  };
}

/** Features serialized at a time: about 28 KB of text. */
const FEATURES_A_TEXT = 100;

/**
 * The map's points as a GeoJSON FeatureCollection, in UTF-8, written a hundred
 * features at a time: the text of 500 points (about 140,000 characters) would
 * pass V8's 128 KB limit for ordinary objects, and such a text costs 0.5 ms more
 * to assemble than five smaller ones (node 20: 530 against 24 us to flatten
 * 1,200 points' JSON against 1,100's), a sixth of a whole map request.
 */
export function featureCollection(points: MapPoint[]): Buffer {
  const texts: string[] = [];
  for (let start = 0; start < points.length; start += FEATURES_A_TEXT) {
    // The array's items without its brackets.
    texts.push(JSON.stringify(points.slice(start, start + FEATURES_A_TEXT).map(feature)).slice(1, -1));
  }
  const last = texts.length - 1;
  const parts = texts.map((text, k) =>
    bytesOf(`${k === 0 ? '{"type":"FeatureCollection","features":[' : ","}${text}${k === last ? "]}" : ""}`),
  );
  if (parts.length === 0) return bytesOf('{"type":"FeatureCollection","features":[]}');
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** A point as a GeoJSON feature, as in the open-data file registro.geojson. */
function feature(p: MapPoint) {
  return {
    type: "Feature",
    // The slug, as in the open-data file registro.geojson.
    id: p.slug,
    geometry: { type: "Point", coordinates: [p.lon, p.lat] },
    properties: {
      name: p.name,
      slug: p.slug,
      url: `/registro/${p.slug}`,
      comune: p.comuneName,
      distanceKm: p.distanceKm === null ? null : Math.round(p.distanceKm * 10) / 10,
      approximate: p.approximate,
    },
  };
}
