import { Prisma } from "../generated/prisma/client.js";
import { hasMeasureFilters, type MeasureFacts, type RegistrySearch } from "../domain/registrySearch.js";
import { categorySearchWord, expandSearchText } from "../domain/searchVocabulary.js";
import type { Db } from "./searchIndexRepository.js";
import { searchVocabulary } from "./searchVocabularyFile.js";

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
  /** The seat is only at its comune's centre (Organization.positionPrecision APPROXIMATE). */
  approximate: boolean;
  distanceKm: number | null;
}

/**
 * Who takes part in which public network (as lead or active member): the
 * approved measures of a network count as its participants' own in the search
 * (issue 5). A network is public while its lead is registered.
 */
const networkParticipants = Prisma.sql`
  SELECT p."networkId", p."organizationId", n.name AS "networkName", n.slug AS "networkSlug"
  FROM (SELECT id AS "networkId", "leadOrganizationId" AS "organizationId" FROM "Network"
        UNION SELECT "networkId", "organizationId" FROM "NetworkMembership" WHERE status = 'ACTIVE') p
  JOIN "Network" n ON n.id = p."networkId"
  JOIN "Organization" lead ON lead.id = n."leadOrganizationId" AND lead."registryStatus" = 'REGISTERED'`;

/**
 * The rows a search reads: the organizations, after the text query computed
 * once. (unaccent() is only STABLE, so written inline PostgreSQL would parse
 * and stem the words again for every row it ranks; OFFSET 0 keeps the
 * subquery from being folded back in.)
 */
export function searchSource(search: RegistrySearch): Prisma.Sql {
  if (!search.text) return Prisma.sql`"Organization" o`;
  return Prisma.sql`(SELECT ${textQuery(search.text)} AS q OFFSET 0) tq CROSS JOIN "Organization" o`;
}

/**
 * The tsquery of the words typed. A word of the search vocabulary ("bimbi")
 * matches itself or its category's word (categoriaminori), which
 * refreshSearchData indexes for every organization with a measure of that
 * category; the other words are parsed as before (stemmed, unaccented). An
 * empty tsquery is neutral in && and ||, so stop words drop out.
 */
export function textQuery(text: string): Prisma.Sql {
  const { rest, alternatives } = expandSearchText(text, searchVocabulary());
  const parts = alternatives.map(({ words, categories }) => {
    const lexemes = categories.map((c) => Prisma.sql`to_tsquery('italian', ${categorySearchWord(c)})`);
    return Prisma.sql`(${Prisma.join([Prisma.sql`plainto_tsquery('italian', unaccent(${words}))`, ...lexemes], " || ")})`;
  });
  if (rest || parts.length === 0) parts.unshift(Prisma.sql`websearch_to_tsquery('italian', unaccent(${rest}))`);
  return Prisma.join(parts, " && ");
}

const earthAt = (p: { lat: number; lon: number }) => Prisma.sql`ll_to_earth(${p.lat}::float8, ${p.lon}::float8)`;

/** The measure-level filters of a search, as conditions on the measure `m`. */
function measureConditions(search: RegistrySearch): Prisma.Sql {
  // Enums compared as enums: a ::text cast hides the column statistics from the planner.
  const m: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (search.categories.length) m.push(Prisma.sql`m.category = ANY(${search.categories}::"MeasureCategory"[])`);
  if (search.openOnly) m.push(Prisma.sql`m."openToCitizens"`);
  if (search.beneficiaries.length) m.push(Prisma.sql`m.beneficiaries && ${search.beneficiaries}::"Beneficiary"[]`);
  if (search.statuses.length) m.push(Prisma.sql`m.status = ANY(${search.statuses}::"MeasureStatus"[])`);
  if (search.territorialOnly) m.push(Prisma.sql`m."currentOutcome" = 'TERRITORIAL_WELFARE'`);
  return Prisma.join(m, " AND ");
}

/**
 * The WHERE clause of every public search. Its first condition is the rule of
 * the register: only approved, registered organizations are ever public.
 * `viaNetworks`: organizations whose networks have a measure that matches
 * (organizationsViaNetworks); they pass the measure filters as well.
 */
export function searchConditions(search: RegistrySearch, viaNetworks: number[] = []): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`o."registryStatus" = 'REGISTERED'`];
  if (search.text) parts.push(Prisma.sql`o."searchVector" @@ tq.q`);
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
  if (search.pactOnly) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "PactSignature" ps WHERE ps."organizationId" = o.id AND ps.status = 'CONFIRMED')`);
  }
  if (hasMeasureFilters(search)) {
    // A semi-join on the measures: kept free of any OR with subqueries, which
    // would make PostgreSQL hash every measure of the category (300 ms, not 3).
    const own = Prisma.sql`EXISTS (SELECT 1 FROM "Measure" m
      WHERE m."organizationId" = o.id AND m."networkId" IS NULL AND ${measureConditions(search)})`;
    parts.push(viaNetworks.length ? Prisma.sql`(${own} OR o.id = ANY(${viaNetworks}::int[]))` : own);
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
    return Prisma.sql`ts_rank(o."searchVector", tq.q) DESC, o.name, o.id`;
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

export interface ResultMeasure extends MeasureFacts {
  id: number;
  organizationId: number;
  title: string;
  networkName: string | null;
  networkSlug: string | null;
}

export function createRegistrySearchRepository(db: Db) {
  return {
    /** The register's search version: it changes with every committed change to public search data. */
    async version(): Promise<string> {
      const rows = await db.$queryRaw<{ version: string }[]>`SELECT version::text AS version FROM "SearchState" WHERE id = 1`;
      // Fail closed: without the row nothing would ever invalidate the cache.
      if (!rows[0]) throw new Error('The "SearchState" row is missing: run the migrations (search_state)');
      return rows[0].version;
    },

    async find(search: RegistrySearch, viaNetworks: number[], limit: number, offset: number): Promise<OrganizationHit[]> {
      const distance = search.origin
        ? Prisma.sql`sec_to_gc(o."earthPoint" <-> ${earthAt(search.origin)}::cube) / 1000`
        : Prisma.sql`NULL::float8`;
      return db.$queryRaw<OrganizationHit[]>`
        SELECT o.id, o.slug, o.name, o."legalForm", o.description, o."comuneCode", c.name AS "comuneName",
               o."sizeClass"::text AS "sizeClass", o."registeredAt", o.lat, o.lon,
               o."positionPrecision" = 'APPROXIMATE' AS approximate, ${distance} AS "distanceKm"
        FROM ${searchSource(search)} JOIN "Comune" c ON c."istatCode" = o."comuneCode"
        WHERE ${searchConditions(search, viaNetworks)}
        ORDER BY ${searchOrder(search)}
        LIMIT ${limit} OFFSET ${offset}`;
    },

    /** Organizations that pass the measure filters through a network's approved measure: few, if any. */
    async organizationsViaNetworks(search: RegistrySearch): Promise<number[]> {
      if (!hasMeasureFilters(search)) return [];
      const rows = await db.$queryRaw<{ id: number }[]>`
        SELECT DISTINCT p."organizationId" AS id FROM (${networkParticipants}) p
        JOIN "Measure" m ON m."networkId" = p."networkId" AND m."networkReview" = 'APPROVED'
        WHERE ${measureConditions(search)}`;
      return rows.map((r) => r.id);
    },

    /**
     * The public measures shown with each organization: its own and those of
     * its public networks (with the network's name), active first, by title.
     */
    measuresOf(organizationIds: number[]): Promise<ResultMeasure[]> {
      return db.$queryRaw<ResultMeasure[]>`
        SELECT * FROM (
          SELECT m.id, m."organizationId", m.title, m.category::text AS category, m.status,
                 m."openToCitizens", m.beneficiaries::text[] AS beneficiaries, m."currentOutcome"::text AS "currentOutcome",
                 NULL::text AS "networkName", NULL::text AS "networkSlug"
          FROM "Measure" m
          WHERE m."organizationId" = ANY(${organizationIds}::int[]) AND m."networkId" IS NULL
          UNION ALL
          SELECT m.id, p."organizationId", m.title, m.category::text, m.status, m."openToCitizens",
                 m.beneficiaries::text[], m."currentOutcome"::text, p."networkName", p."networkSlug"
          FROM (${networkParticipants}) p
          JOIN "Measure" m ON m."networkId" = p."networkId" AND m."networkReview" = 'APPROVED'
          WHERE p."organizationId" = ANY(${organizationIds}::int[])
        ) measures
        ORDER BY status, title, id`;
    },

    /** Exact up to `cap`; counting every match of a broad search would cost more than the page. */
    async count(search: RegistrySearch, viaNetworks: number[], cap: number): Promise<number> {
      const rows = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (
          SELECT 1 FROM ${searchSource(search)} WHERE ${searchConditions(search, viaNetworks)} LIMIT ${cap}
        ) s`;
      return rows[0]?.n ?? 0;
    },
  };
}

export type RegistrySearchRepository = ReturnType<typeof createRegistrySearchRepository>;
