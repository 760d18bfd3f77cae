import { Prisma } from "../../generated/prisma/client.js";
import type pg from "pg";
import { PLAN_EACH_TIME } from "../../db/statementNames.js";
import { rawQuery } from "../../db/rawQuery.js";
import { parseTsquery, rankedLexemes, RELEVANCE_WEIGHTS, tsqueryLexeme } from "../../domain/tsquery.js";
import { hasMeasureFilters, type MeasureFacts, type RegistrySearch } from "../../domain/registrySearch.js";
import { matchingMeasureCodes } from "../../domain/searchFacts.js";
import { categorySearchWord, expandSearchText } from "../../domain/searchVocabulary.js";
import type { Db } from "../shared/db.js";
import { publicNetworkParticipants } from "../territory/networkVisibility.js";
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

/** What an organization's API entry shows beyond its result card (organizationDetails). */
export type OrganizationDetails = Pick<OrganizationHit, "legalForm" | "description" | "comuneCode" | "registeredAt">;

/** The participants of public networks with the network's name, for the search results. */
const networkParticipants = Prisma.sql`
  SELECT p."networkId", p."organizationId", n.name AS "networkName", n.slug AS "networkSlug"
  FROM (${publicNetworkParticipants}) p JOIN "Network" n ON n.id = p."networkId"`;

/**
 * The text query of a search, built from its words: one small function, the
 * only place that says how words become a tsquery. It runs once per distinct
 * text (textQueryOf below); the search queries get its result as a constant,
 * so PostgreSQL sees which words are common (the column statistics) and plans
 * for them: 0.1% and 70% of the register need different plans. A word of the
 * search vocabulary ("bimbi") matches itself or its category's word
 * (categoriaminori), which refreshSearchData indexes for every organization with
 * a measure of that category; the other words are parsed as typed (stemmed,
 * unaccented). An empty tsquery is neutral in && and ||, so stop words drop out.
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

/** A search with its text query computed (the tsquery text, null without words). */
export interface PreparedSearch {
  search: RegistrySearch;
  /** The register's search version, read in the same statement as the rest. */
  version: string;
  tsquery: string | null;
  viaNetworks: number[];
  /**
   * The text query as a tree (domain/tsquery.ts), for the in-process index and for
   * relevance; null without words, or when the query has phrases (then PostgreSQL
   * answers and ranks by ts_rank).
   */
  parsed: ReturnType<typeof parseTsquery>;
}

/**
 * The relevance of the organization `o`: for each ranked lexeme the weight of
 * the best part of its text that has it (RELEVANCE_WEIGHTS), summed; the
 * in-process index computes the same (memorySearchIndex.ts). A query with
 * phrases, which only PostgreSQL answers, is ranked by ts_rank.
 */
function relevance(p: PreparedSearch): Prisma.Sql {
  if (p.parsed === null) return Prisma.sql`ts_rank(o."searchVector", ${tsq(p)})`;
  const { A, B, C } = RELEVANCE_WEIGHTS;
  const terms = rankedLexemes(p.parsed).map(
    (l) => Prisma.sql`CASE WHEN o."searchVector" @@ ${tsqueryLexeme(l, "A")}::tsquery THEN ${A}::int
      WHEN o."searchVector" @@ ${tsqueryLexeme(l, "B")}::tsquery THEN ${B}::int
      WHEN o."searchVector" @@ ${tsqueryLexeme(l)}::tsquery THEN ${C}::int ELSE 0 END`,
  );
  return terms.length ? Prisma.join(terms, " + ") : Prisma.sql`0`;
}

const tsq = (p: PreparedSearch) => Prisma.sql`${p.tsquery ?? ""}::tsquery`;

const earthAt = (p: { lat: number; lon: number }) => Prisma.sql`ll_to_earth(${p.lat}::float8, ${p.lon}::float8)`;

/** The measure-level filters of a search, as conditions on the measure `m` (the networks' measures). */
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
 * (found by `prepare`); they pass the measure filters as well.
 */
export function searchConditions(p: PreparedSearch, use: "index" | "walk" = "index"): Prisma.Sql {
  const { search, viaNetworks } = p;
  const parts: Prisma.Sql[] = [Prisma.sql`o."registryStatus" = 'REGISTERED'`];
  if (p.tsquery !== null) parts.push(Prisma.sql`o."searchVector" @@ ${tsq(p)}`);
  if (search.comuneCode) parts.push(Prisma.sql`o."comuneCode" = ${search.comuneCode}`);
  if (search.origin) {
    const metres = search.radiusKm * 1000;
    if (use === "index") {
      // Cube containment: the GiST index finds the points of a small circle
      // at once (a sequential scan read all 100,000 rows, 400 ms, when few
      // organizations are near). PostgreSQL guesses it matches 0.1%: right
      // for counting and for the bounded candidate sets, wrong for walks.
      parts.push(Prisma.sql`earth_box(${earthAt(search.origin)}, ${metres}::float8) @> o."earthPoint"`);
    } else {
      // A latitude/longitude box, estimated from the column histograms, so a
      // walk in name or date order over a dense area stays a walk instead of
      // sorting tens of thousands of rows guessed to be a hundred.
      const box = boundingBox(search.origin, search.radiusKm);
      parts.push(Prisma.sql`o.lat BETWEEN ${box.south}::float8 AND ${box.north}::float8`);
      parts.push(Prisma.sql`o.lon BETWEEN ${box.west}::float8 AND ${box.east}::float8`);
    }
    // The exact check on the stored point: the chord between two cubes costs
    // far less than earth_distance(ll_to_earth(...)).
    parts.push(Prisma.sql`(o."earthPoint" <-> ${earthAt(search.origin)}::cube) <= ${chordMetres(metres)}::float8`);
  }
  if (search.sizes.length) parts.push(Prisma.sql`o."sizeClass" = ANY(${search.sizes}::"SizeClass"[])`);
  if (search.ateco) parts.push(Prisma.sql`o."atecoSectionCode" = ${search.ateco}`);
  if (search.pactOnly) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "PactSignature" ps WHERE ps."organizationId" = o.id AND ps.status = 'CONFIRMED')`,
    );
  }
  if (hasMeasureFilters(search)) {
    // The codes of the own measures, on the organization row (kept by triggers,
    // migration "search_facts"): a GIN index condition and a check on the row
    // itself, not a probe into the measures per organization (a semi-join on
    // "Measure" read 8,600 pages for a rare combination, 190 ms).
    const own = Prisma.sql`o."measureFacts" && ${matchingMeasureCodes(search)}::int[]`;
    parts.push(viaNetworks.length ? Prisma.sql`(${own} OR o.id = ANY(${viaNetworks}::int[]))` : own);
  }
  return Prisma.join(parts, " AND ");
}

/** Matches ranked by relevance at most; beyond them the order by relevance is approximate. */
export const RANK_CANDIDATES = 1000;

/** True when the search is ordered by relevance (so only its candidates are ranked). */
export const isRanked = (p: PreparedSearch) => p.search.sort === "rilevanza" && p.tsquery !== null;

/** The columns of a result; `o` the organization, `c` its comune. */
function hitColumns(p: PreparedSearch): Prisma.Sql {
  const origin = p.search.origin;
  const distance = origin
    ? Prisma.sql`sec_to_gc(o."earthPoint" <-> ${earthAt(origin)}::cube) / 1000`
    : Prisma.sql`NULL::float8`;
  return Prisma.sql`o.id, o.slug, o.name, o."legalForm", o.description, o."comuneCode", c.name AS "comuneName",
    o."sizeClass"::text AS "sizeClass", o."registeredAt" AT TIME ZONE 'UTC' AS "registeredAt", o.lat, o.lon,
    o."positionPrecision" = 'APPROXIMATE' AS approximate, ${distance} AS "distanceKm"`;
}

/** `of: "candidates"`: the order over countAndPage's candidates, whose rank is already computed. */
export function searchOrder(p: PreparedSearch, of: "organizations" | "candidates" = "organizations"): Prisma.Sql {
  const { search } = p;
  if (search.sort === "distanza" && search.origin) {
    // The cube <-> operator walks the GiST index nearest first (a KNN scan).
    // Nothing after it: a second key (", o.id") stops PostgreSQL from using the
    // index order and it sorts every match instead (1.3 s instead of 3 ms).
    return Prisma.sql`o."earthPoint" <-> ${earthAt(search.origin)}::cube`;
  }
  if (search.sort === "rilevanza" && p.tsquery !== null) {
    const rank = of === "candidates" ? Prisma.sql`o.rank` : relevance(p);
    return Prisma.sql`${rank} DESC, o.name, o.id`;
  }
  // Registered organizations always have a date: DESC without NULLS LAST is
  // the backward order of the (registryStatus, registeredAt) index, a walk.
  if (search.sort === "recenti") return Prisma.sql`o."registeredAt" DESC, o.id DESC`;
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
  /** The facts as a measure code (searchFacts.ts). */
  code: number;
  organizationId: number;
  title: string;
  networkName: string | null;
  networkSlug: string | null;
}

const currentVersion = Prisma.sql`(SELECT version::text FROM "SearchState" WHERE id = 1)`;

function versionOf(row: { version: string | null } | undefined): string {
  // Fail closed: without the row nothing would ever invalidate the cache.
  if (!row?.version) throw new Error('The "SearchState" row is missing: run the migrations (search_state)');
  return row.version;
}

/** The order of an organization's measures on its result card: active first, by title (`x` a publicMeasuresOf row). */
export const PUBLIC_MEASURE_ORDER = Prisma.raw(`x.status, x.title, x.id`);

/** The facts of the measure `m` as a measure code (searchFacts.ts, the same function the triggers use). */
const measureCode = Prisma.sql`measure_search_code(m.category, m.status, m.beneficiaries, m."openToCitizens", m."currentOutcome")`;

/**
 * The public measures shown with each of the organizations `ids` (or of every
 * organization): its own and those of its public networks (with the network's
 * name, and the facts as a measure code). The in-process index keeps them for
 * every organization (memoryIndexRepository.ts); a page PostgreSQL found reads
 * them by id.
 */
export function publicMeasuresOf(ids: number[] | "every"): Prisma.Sql {
  const own =
    ids === "every" ? Prisma.sql`m."organizationId" IS NOT NULL` : Prisma.sql`m."organizationId" = ANY(${ids}::int[])`;
  const member = ids === "every" ? Prisma.sql`TRUE` : Prisma.sql`p."organizationId" = ANY(${ids}::int[])`;
  return Prisma.sql`
    SELECT m.id, m."organizationId", m.title, m.category::text AS category, m.status,
           m."openToCitizens", m.beneficiaries::text[] AS beneficiaries, m."currentOutcome"::text AS "currentOutcome",
           NULL::text AS "networkName", NULL::text AS "networkSlug", ${measureCode} AS code
    FROM "Measure" m
    WHERE ${own} AND m."networkId" IS NULL
    UNION ALL
    SELECT m.id, p."organizationId", m.title, m.category::text, m.status, m."openToCitizens",
           m.beneficiaries::text[], m."currentOutcome"::text, p."networkName", p."networkSlug", ${measureCode}
    FROM (${networkParticipants}) p
    JOIN "Measure" m ON m."networkId" = p."networkId" AND m."networkReview" = 'APPROVED'
    WHERE ${member}`;
}

/** `pool`: the statements of every public search go through node-postgres itself (rawQuery). */
export function createRegistrySearchRepository(db: Db, pool: pg.Pool) {
  return {
    /** The register's search version: it changes with every committed change to public search data. */
    async version(): Promise<string> {
      const rows = await db.$queryRaw<{ version: string | null }[]>`SELECT ${currentVersion} AS version`;
      return versionOf(rows[0]);
    },

    /**
     * The register's version, the text query (as text) and the organizations
     * that match through a network, in one round trip, before anything that
     * uses them: a search then costs this statement and, when the in-process
     * index answers, the API's read of its page's details (organizationDetails).
     */
    async prepare(search: RegistrySearch): Promise<PreparedSearch> {
      const text = search.text ? Prisma.sql`(${textQuery(search.text)})::text` : Prisma.sql`NULL::text`;
      const via = hasMeasureFilters(search)
        ? Prisma.sql`ARRAY(SELECT DISTINCT p."organizationId" FROM (${networkParticipants}) p
            JOIN "Measure" m ON m."networkId" = p."networkId" AND m."networkReview" = 'APPROVED'
            WHERE ${measureConditions(search)})`
        : Prisma.sql`'{}'::int[]`;
      const [row] = await rawQuery<{ version: string | null; tsquery: string | null; via: number[] }>(
        pool,
        Prisma.sql`SELECT ${currentVersion} AS version, ${text} AS tsquery, ${via} AS via`,
      );
      const tsquery = row?.tsquery ?? null;
      return {
        search,
        version: versionOf(row),
        tsquery,
        viaNetworks: row?.via ?? [],
        parsed: tsquery === null ? null : parseTsquery(tsquery),
      };
    },

    /**
     * The count, stopped at `cap`, and when there are fewer matches than that
     * (at most RANK_CANDIDATES) or the order is by relevance, the page too, in
     * one pass over the matches through the indexes of the filters: bounded
     * work, where a walk in name, date or distance order would read the whole
     * register looking for a few matches. By relevance only the matches read
     * are ranked (the page then says the order is approximate): ranking all
     * 68,600 organizations that say "welfare" took 1.6 s. `hits` is null when
     * the matches are many and not ranked: then walk() finds the page.
     */
    async countAndPage(p: PreparedSearch, cap: number, limit: number, offset: number) {
      const rank = isRanked(p) ? relevance(p) : Prisma.sql`NULL::real`;
      const rows = await db.$queryRaw<(OrganizationHit & { total: number })[]>`${Prisma.raw(PLAN_EACH_TIME)}
        WITH c AS MATERIALIZED (
          SELECT o.id, o.name, o."registeredAt", o."earthPoint", ${rank} AS rank
          FROM "Organization" o WHERE ${searchConditions(p)} LIMIT ${cap}
        ), t AS (SELECT count(*)::int AS total FROM c)
        SELECT t.total, page.* FROM t LEFT JOIN LATERAL (
          SELECT ${hitColumns(p)}
          FROM (SELECT o.id, row_number() OVER (ORDER BY ${searchOrder(p, "candidates")}) AS n FROM c o
                -- a one-time filter: nothing is sorted when the walk will find the page
                WHERE t.total <= ${RANK_CANDIDATES} OR ${isRanked(p)}
                ORDER BY n LIMIT ${limit} OFFSET ${offset}) k
          JOIN "Organization" o ON o.id = k.id JOIN "Comune" c ON c."istatCode" = o."comuneCode"
          ORDER BY k.n
        ) page ON TRUE`;
      const total = rows[0]?.total ?? 0;
      const bounded = total <= RANK_CANDIDATES || isRanked(p);
      const hits = rows.filter((r) => r.id !== null).map(({ total: _total, ...hit }) => hit);
      return { total, hits: bounded ? hits : null };
    },

    /** A page of a search with many matches, walking an index in the order asked (countAndPage said so). */
    walk(p: PreparedSearch, limit: number, offset: number): Promise<OrganizationHit[]> {
      return db.$queryRaw<OrganizationHit[]>`${Prisma.raw(PLAN_EACH_TIME)}
        SELECT ${hitColumns(p)}
        FROM "Organization" o JOIN "Comune" c ON c."istatCode" = o."comuneCode"
        WHERE ${searchConditions(p, "walk")}
        ORDER BY ${searchOrder(p)}
        LIMIT ${limit} OFFSET ${offset}`;
    },

    /**
     * What the API shows of the organizations `ids` beyond the in-process index's
     * result cards (their descriptions and legal details), by id: their measures and
     * everything else come from memory. Read after the search's version: a change
     * committed in between shows here a moment before the rest of the page.
     */
    async organizationDetails(ids: number[]): Promise<Map<number, OrganizationDetails>> {
      if (ids.length === 0) return new Map();
      const rows = await rawQuery<OrganizationDetails & { id: number }>(
        pool,
        Prisma.sql`
        SELECT o.id, o."legalForm", o.description, o."comuneCode",
               o."registeredAt" AT TIME ZONE 'UTC' AS "registeredAt"
        FROM "Organization" o WHERE o.id = ANY(${ids}::int[])`,
      );
      return new Map(rows.map(({ id, ...details }) => [id, details]));
    },

    /** The public measures of these organizations, active first, by title (a page PostgreSQL found). */
    measuresOf(organizationIds: number[]): Promise<ResultMeasure[]> {
      return db.$queryRaw<ResultMeasure[]>`
        SELECT * FROM (${publicMeasuresOf(organizationIds)}) x ORDER BY ${PUBLIC_MEASURE_ORDER}`;
    },
  };
}

export type RegistrySearchRepository = ReturnType<typeof createRegistrySearchRepository>;
