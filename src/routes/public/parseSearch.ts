import type { Request } from "express";
import type { FieldErrors } from "../../validation/form.js";
import { toRegistrySearch, type RegistrySearch } from "../../domain/registrySearch.js";
import type { ReferenceDataService } from "../../services/registry/referenceDataService.js";
import type { Geocoder, PlaceMatch } from "../../services/geocoding/index.js";
import { buildSearchSchema, DEFAULT_RADIUS_KM, searchErrors, type SearchParams } from "./registry.schema.js";

export type ParsedSearch =
  | {
      ok: true;
      search: RegistrySearch;
      form: Record<string, unknown>;
      query: string;
      places?: PlaceMatch[] | undefined;
    }
  | { ok: false; errors: FieldErrors; form: Record<string, unknown> };

/** Parameters that take several values (check boxes); the others take one. */
const MULTI = new Set(["categoria", "beneficiari", "dimensione", "stato"]);
/** Decimals kept of a shared position: 0.0001 degrees is about 10 m, less than the 0.1 km distances shown. */
const COORDINATE_DECIMALS = 4;

/**
 * The search parameters of a query string in one canonical form: only the
 * parameters of the search (in the schema's order), blank fields dropped,
 * check boxes without repeats in alphabetical order, coordinates rounded to
 * what can change the answer. Pages are cached and linked under this form, so
 * junk parameters or another order do not make a new page.
 */
export function canonicalSearchParams(
  query: Record<string, unknown>,
  known: readonly string[],
): URLSearchParams | null {
  const out = new URLSearchParams();
  for (const key of known) {
    const raw = query[key];
    const all: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    // Nested objects (q[a]=b) are not a search: the schema refuses them as they are.
    if (!all.every((v): v is string => typeof v === "string")) return null;
    let values = all.filter((v) => v !== "");
    if (MULTI.has(key)) values = [...new Set(values)].sort();
    if (key === "lat" || key === "lon") values = values.map(roundCoordinate);
    for (const v of values) out.append(key, v);
  }
  return out;
}

function roundCoordinate(value: string): string {
  if (!/^\s*-?\d{1,3}(\.\d+)?\s*$/.test(value)) return value;
  return String(Number(Number(value).toFixed(COORDINATE_DECIMALS)));
}

/** The canonical parameters as the object Express's query parser would give. */
function asQueryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 && !MULTI.has(key) ? all[0]! : all;
  }
  return out;
}

let schema: ReturnType<typeof buildSearchSchema> | undefined;

/**
 * Shared by every page and feed that takes the search parameters. With a
 * geocoder, a place typed in `luogo` becomes the search's origin: a comune
 * (as vicino), one point (as lat/lon), or, when several places match,
 * `places` to choose from (the search then has no origin).
 */
export async function parseSearch(
  req: Request,
  referenceData: ReferenceDataService,
  geocoder?: Geocoder,
): Promise<ParsedSearch> {
  const { byCode } = await referenceData.load();
  schema ??= buildSearchSchema(new Set(byCode.keys()));
  const form = req.query as Record<string, unknown>;
  const canonical = canonicalSearchParams(form, Object.keys(schema.shape));
  const parsed = schema.safeParse(canonical ? asQueryObject(canonical) : form);
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
  return { ok: true, search, form: parsed.data, query: canonical?.toString() ?? "", places };
}
