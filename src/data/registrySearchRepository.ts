import { Prisma } from "../generated/prisma/client.js";
import { hasMeasureFilters, type RegistrySearch } from "../domain/registrySearch.js";
import type { Db } from "./searchIndexRepository.js";

export interface OrganizationHit {
  id: number;
  slug: string;
  name: string;
  legalForm: string;
  description: string;
  comuneCode: string;
  comuneName: string;
  sizeClass: string | null;
  registeredAt: Date | null;
  lat: number;
  lon: number;
  distanceKm: number | null;
}

const tsQuery = (text: string) => Prisma.sql`websearch_to_tsquery('italian', unaccent(${text}))`;
const earthAt = (p: { lat: number; lon: number }) => Prisma.sql`ll_to_earth(${p.lat}::float8, ${p.lon}::float8)`;

/**
 * The WHERE clause of every public search. Its first condition is the rule of
 * the register: only approved, registered organizations are ever public.
 */
export function searchConditions(search: RegistrySearch): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`o."registryStatus" = 'REGISTERED'`];
  if (search.text) parts.push(Prisma.sql`o."searchVector" @@ ${tsQuery(search.text)}`);
  if (search.comuneCode) parts.push(Prisma.sql`o."comuneCode" = ${search.comuneCode}`);
  if (search.origin) {
    const metres = search.radiusKm * 1000;
    // A latitude/longitude box (estimated from the column histograms, unlike
    // cube containment, which PostgreSQL guesses at 0.1% and then sorts tens of
    // thousands of rows), then the exact check on the stored point: the chord
    // between two cubes costs far less than earth_distance(ll_to_earth(...)).
    const box = boundingBox(search.origin, search.radiusKm);
    parts.push(Prisma.sql`o.lat BETWEEN ${box.south}::float8 AND ${box.north}::float8`);
    parts.push(Prisma.sql`o.lon BETWEEN ${box.west}::float8 AND ${box.east}::float8`);
    parts.push(Prisma.sql`(o."earthPoint" <-> ${earthAt(search.origin)}::cube) <= ${chordMetres(metres)}::float8`);
  }
  if (search.sizes.length) parts.push(Prisma.sql`o."sizeClass" = ANY(${search.sizes}::"SizeClass"[])`);
  if (search.ateco) parts.push(Prisma.sql`o."atecoSectionCode" = ${search.ateco}`);
  if (hasMeasureFilters(search)) {
    // Enums compared as enums: a ::text cast hides the column statistics from the planner.
    const m: Prisma.Sql[] = [Prisma.sql`m."organizationId" = o.id`];
    if (search.categories.length) m.push(Prisma.sql`m.category = ANY(${search.categories}::"MeasureCategory"[])`);
    if (search.openOnly) m.push(Prisma.sql`m."openToCitizens"`);
    if (search.beneficiaries.length) m.push(Prisma.sql`m.beneficiaries && ${search.beneficiaries}::"Beneficiary"[]`);
    if (search.statuses.length) m.push(Prisma.sql`m.status = ANY(${search.statuses}::"MeasureStatus"[])`);
    if (search.territorialOnly) m.push(Prisma.sql`m."currentOutcome" = 'TERRITORIAL_WELFARE'`);
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Measure" m WHERE ${Prisma.join(m, " AND ")})`);
  }
  return Prisma.join(parts, " AND ");
}

export function searchOrder(search: RegistrySearch): Prisma.Sql {
  if (search.sort === "distanza" && search.origin) {
    // The cube <-> operator walks the GiST index nearest first (a KNN scan).
    // Nothing after it: a second key (", o.id") stops PostgreSQL from using the
    // index order and it sorts every match instead (1.3 s instead of 3 ms).
    return Prisma.sql`o."earthPoint" <-> ${earthAt(search.origin)}::cube`;
  }
  if (search.sort === "rilevanza" && search.text) {
    return Prisma.sql`ts_rank(o."searchVector", ${tsQuery(search.text)}) DESC, o.name, o.id`;
  }
  if (search.sort === "recenti") return Prisma.sql`o."registeredAt" DESC NULLS LAST, o.id DESC`;
  return Prisma.sql`o.name, o.id`;
}

/** earthdistance's earth(): a sphere of this radius, in metres. */
const EARTH_RADIUS_M = 6378168;

/** The straight-line (chord) length of a great-circle distance: what cube <-> measures. */
export function chordMetres(greatCircleMetres: number): number {
  return 2 * EARTH_RADIUS_M * Math.sin(greatCircleMetres / (2 * EARTH_RADIUS_M));
}

/** Degrees of latitude and longitude that contain a circle of `radiusKm` (1% to spare). */
export function boundingBox(origin: { lat: number; lon: number }, radiusKm: number) {
  // earthdistance's earth is a sphere of 6,378.168 km: 111.32 km a degree of latitude.
  const dLat = (radiusKm / 111.32) * 1.01;
  const dLon = Math.min(180, dLat / Math.max(Math.cos((origin.lat * Math.PI) / 180), 0.01));
  return { south: origin.lat - dLat, north: origin.lat + dLat, west: origin.lon - dLon, east: origin.lon + dLon };
}

export function createRegistrySearchRepository(db: Db) {
  return {
    async find(search: RegistrySearch, limit: number, offset: number): Promise<OrganizationHit[]> {
      const distance = search.origin
        ? Prisma.sql`sec_to_gc(o."earthPoint" <-> ${earthAt(search.origin)}::cube) / 1000`
        : Prisma.sql`NULL::float8`;
      return db.$queryRaw<OrganizationHit[]>`
        SELECT o.id, o.slug, o.name, o."legalForm", o.description, o."comuneCode", c.name AS "comuneName",
               o."sizeClass"::text AS "sizeClass", o."registeredAt", o.lat, o.lon, ${distance} AS "distanceKm"
        FROM "Organization" o JOIN "Comune" c ON c."istatCode" = o."comuneCode"
        WHERE ${searchConditions(search)}
        ORDER BY ${searchOrder(search)}
        LIMIT ${limit} OFFSET ${offset}`;
    },

    /** Exact up to `cap`; counting every match of a broad search would cost more than the page. */
    async count(search: RegistrySearch, cap: number): Promise<number> {
      const rows = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (
          SELECT 1 FROM "Organization" o WHERE ${searchConditions(search)} LIMIT ${cap}
        ) s`;
      return rows[0]?.n ?? 0;
    },
  };
}

export type RegistrySearchRepository = ReturnType<typeof createRegistrySearchRepository>;
