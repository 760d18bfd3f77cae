import type {
  Beneficiary,
  ClassificationOutcome,
  MeasureCategory,
  MeasureStatus,
  SizeClass,
} from "../generated/prisma/enums.js";
import {
  TERRITORIAL_WELFARE,
  beneficiaries,
  categories,
  searchableStatuses,
  sizeClasses,
  type SortOrder,
} from "./vocabulary.js";

export const PAGE_SIZE = 20;
/** Results beyond this are not paged through: the page asks to narrow the search. */
export const MAX_RESULTS = 1000;

/** A validated search, in the words of the code (see registry.schema.ts for the URL form). */
export interface RegistrySearch {
  text?: string | undefined;
  categories: MeasureCategory[];
  comuneCode?: string | undefined;
  origin?: { lat: number; lon: number; comuneCode?: string | undefined } | undefined;
  radiusKm: number;
  openOnly: boolean;
  beneficiaries: Beneficiary[];
  sizes: SizeClass[];
  ateco?: string | undefined;
  statuses: MeasureStatus[];
  /** Only measures whose current classification is territorial welfare. */
  territorialOnly: boolean;
  /** Only organizations whose signature of the Pact staff confirmed. */
  pactOnly: boolean;
  sort: SortOrder;
  page: number;
}

export interface SearchInput {
  q?: string | undefined;
  categoria: string[];
  comune?: string | undefined;
  vicino?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  raggio?: number | undefined;
  aperte?: "1" | undefined;
  beneficiari: string[];
  dimensione: string[];
  ateco?: string | undefined;
  stato: string[];
  classificazione?: typeof TERRITORIAL_WELFARE | undefined;
  patto?: "1" | undefined;
  ordina?: SortOrder | undefined;
  pagina?: number | undefined;
}

type Point = { lat: number; lon: number };

/**
 * Turns validated GET parameters into a search. The default order is the most
 * useful one for what was asked: nearest first when a place was given, best
 * match for words, otherwise alphabetical.
 */
export function toRegistrySearch(
  input: SearchInput,
  comuneCentre: (code: string) => Point | undefined,
  defaultRadiusKm: number,
): RegistrySearch {
  const centre = input.vicino ? comuneCentre(input.vicino) : undefined;
  const origin =
    centre && input.vicino
      ? { ...centre, comuneCode: input.vicino }
      : input.lat !== undefined && input.lon !== undefined
        ? { lat: input.lat, lon: input.lon }
        : undefined;
  const text = input.q?.trim() || undefined;
  const sort: SortOrder = input.ordina ?? (origin ? "distanza" : text ? "rilevanza" : "nome");
  return {
    text,
    categories: input.categoria.map(categories.code),
    comuneCode: input.comune,
    origin,
    radiusKm: input.raggio ?? defaultRadiusKm,
    openOnly: input.aperte === "1",
    beneficiaries: input.beneficiari.map(beneficiaries.code),
    sizes: input.dimensione.map(sizeClasses.code),
    ateco: input.ateco,
    statuses: input.stato.map(searchableStatuses.code),
    territorialOnly: input.classificazione === TERRITORIAL_WELFARE,
    pactOnly: input.patto === "1",
    // Relevance needs words; without them it falls back to names.
    sort: sort === "rilevanza" && !text ? "nome" : sort,
    page: input.pagina ?? 1,
  };
}

export interface MeasureFacts {
  category: MeasureCategory;
  openToCitizens: boolean;
  beneficiaries: Beneficiary[];
  status: MeasureStatus;
  currentOutcome?: ClassificationOutcome | null | undefined;
}

/** True when a measure satisfies every measure-level filter of the search (mirrors the SQL). */
export function measureMatches(measure: MeasureFacts, search: RegistrySearch): boolean {
  return (
    (search.categories.length === 0 || search.categories.includes(measure.category)) &&
    (!search.openOnly || measure.openToCitizens) &&
    (search.beneficiaries.length === 0 || measure.beneficiaries.some((b) => search.beneficiaries.includes(b))) &&
    (search.statuses.length === 0 || search.statuses.includes(measure.status)) &&
    (!search.territorialOnly || measure.currentOutcome === "TERRITORIAL_WELFARE")
  );
}

export function hasMeasureFilters(search: RegistrySearch): boolean {
  return (
    search.categories.length > 0 ||
    search.openOnly ||
    search.beneficiaries.length > 0 ||
    search.statuses.length > 0 ||
    search.territorialOnly
  );
}

const EARTH_RADIUS_KM = 6371.0;

/** Great-circle distance in km (haversine): for texts and tests; SQL uses earthdistance. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The cache key of a search: the parsed search itself, so parameters the
 * search does not read, their order and repeated values make no new entry.
 */
export function searchKey(search: RegistrySearch): string {
  const sorted = <T extends string>(values: T[]) => [...new Set(values)].sort();
  return JSON.stringify({
    ...search,
    categories: sorted(search.categories),
    beneficiaries: sorted(search.beneficiaries),
    sizes: sorted(search.sizes),
    statuses: sorted(search.statuses),
  });
}
