import type { Request } from "express";
import type { FieldErrors } from "../../validation/form.js";
import { toRegistrySearch, type RegistrySearch } from "../../domain/registrySearch.js";
import type { ReferenceDataService } from "../../services/referenceDataService.js";
import type { Geocoder, PlaceMatch } from "../../services/geocoding/index.js";
import { buildSearchSchema, DEFAULT_RADIUS_KM, searchErrors, type SearchParams } from "./registry.schema.js";

export type ParsedSearch =
  | { ok: true; search: RegistrySearch; form: Record<string, unknown>; places?: PlaceMatch[] | undefined }
  | { ok: false; errors: FieldErrors; form: Record<string, unknown> };

let schema: ReturnType<typeof buildSearchSchema> | undefined;

/**
 * Shared by every page and feed that takes the search parameters. With a
 * geocoder, a place typed in `luogo` becomes the search's origin: a comune
 * (as vicino), one point (as lat/lon), or, when several places match,
 * `places` to choose from (the search then has no origin).
 */
export async function parseSearch(req: Request, referenceData: ReferenceDataService, geocoder?: Geocoder): Promise<ParsedSearch> {
  const { byCode } = await referenceData.load();
  schema ??= buildSearchSchema(new Set(byCode.keys()));
  const form = req.query as Record<string, unknown>;
  const parsed = schema.safeParse(form);
  if (!parsed.success) return { ok: false, errors: searchErrors(parsed.error), form };
  let params: SearchParams = parsed.data;
  let places: PlaceMatch[] | undefined;
  if (geocoder && params.luogo !== undefined && params.vicino === undefined && params.lat === undefined) {
    const matches = await geocoder.search(params.luogo);
    if (matches.length === 0) return { ok: false, errors: { luogo: { key: "search.errors.luogoNotFound" } }, form };
    const [only] = matches;
    if (matches.length > 1 || !only) places = matches;
    else if (only.comuneCode) params = { ...params, vicino: only.comuneCode };
    else params = { ...params, lat: only.lat, lon: only.lon };
  }
  // Distance order needs the origin a place would have given: without one, the default order.
  if (places && params.ordina === "distanza") params = { ...params, ordina: undefined };
  const search = toRegistrySearch(params, (code) => byCode.get(code), DEFAULT_RADIUS_KM);
  return { ok: true, search, form: parsed.data, places };
}
