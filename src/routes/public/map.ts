import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { parseSearch } from "./parseSearch.js";
import { searchFormOptions } from "./searchFormOptions.js";
import { sendSearchPage } from "./registry.js";
import { searchSuggestions } from "./searchSuggestions.js";

/** The map shows at most this many organizations: the nearest or best matches first. */
export const MAP_LIMIT = 500;

/** /mappa: the list is server-rendered; public/js/map.js adds the map from the GeoJSON feed. */
export function mapPage(services: Services): RequestHandler {
  return async (req, res) => {
    const parsed = await parseSearch(req, services.referenceData, services.geocoder);
    const options = await searchFormOptions(services);
    if (!parsed.ok) {
      const query = new URLSearchParams(req.query as Record<string, string>).toString();
      return res
        .status(400)
        .render("public/map", { ...options, form: parsed.form, errors: parsed.errors, outcome: undefined, query });
    }
    const query = parsed.query;
    await sendSearchPage(services, req, res, query, async () => {
      const outcome = parsed.places ? undefined : await services.registry.search(parsed.search);
      const suggestions = outcome?.total === 0 ? searchSuggestions("/mappa", req.originalUrl, parsed.search) : [];
      return {
        view: "public/map",
        locals: {
          ...options,
          form: parsed.form,
          errors: {},
          outcome,
          search: parsed.search,
          query,
          places: parsed.places,
          suggestions,
        },
      };
    });
  };
}

export function mapGeoJson(services: Services): RequestHandler {
  return async (req, res) => {
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
    const points = await services.registry.mapPoints(parsed.search, MAP_LIMIT);
    res.type("application/geo+json").json({
      type: "FeatureCollection",
      features: points.map((p) => ({
        type: "Feature",
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
    });
  };
}
