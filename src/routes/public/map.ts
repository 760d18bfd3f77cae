import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import type { MapPoint } from "../../services/registry/memorySearchIndex.js";
import { parseSearch } from "./parseSearch.js";
import { searchPage } from "./searchPage.js";
import { readableByAnySite } from "./publicFile.js";

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
    const geojson = await services.registry.cachedMap(parsed.search, MAP_LIMIT, (points) =>
      JSON.stringify(featureCollection(points)),
    );
    res.setHeader("ETag", geojson.etag);
    res.type("application/geo+json").send(geojson.body);
  };
}

/** The map's points as GeoJSON features, as in the open-data file registro.geojson. */
function featureCollection(points: MapPoint[]) {
  return {
    type: "FeatureCollection",
    features: points.map((p) => ({
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
    })),
  };
}
