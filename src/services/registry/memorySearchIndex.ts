import {
  LEXEME_SEPARATOR,
  type MemoryIndexRepository,
  type MemoryIndexRow,
} from "../../data/registry/memoryIndexRepository.js";
import { chordMetres } from "../../data/registry/registrySearchRepository.js";
import { hasMeasureFilters, type MeasureFacts, type RegistrySearch } from "../../domain/registrySearch.js";
import {
  CATEGORY_COUNT,
  MEASURE_CODE_LIMIT,
  categoryNumber,
  categoryNumberOf,
  isOpenCode,
  matchingMeasureCodes,
  measureFactsOf,
} from "../../domain/searchFacts.js";
import { RELEVANCE_WEIGHTS, type TsqueryNode } from "../../domain/tsquery.js";
import type { ClassificationOutcome } from "../../generated/prisma/enums.js";

/**
 * The register's public search in memory, one per instance and per version of
 * the register (SearchState): the registered organizations in name order as
 * parallel typed arrays, and for each lexeme of their search text a bitmap (a
 * common lexeme) or a sorted list of positions (a rare one). A search reads no
 * row: the words are a few bitmap operations, a small circle the organizations
 * of a few cells of a grid (placeGrid), the measure categories and "open to
 * citizens" bitmaps too (measureCandidates), the other filters a test per
 * candidate, the count exact; the page's result cards (and the map's points)
 * come from memory too, and the API's page reads only its organizations'
 * descriptions and legal details by id (registryService.ts). What it answers
 * is exactly what the SQL search answers
 * (tests/integration/memorySearchIndex.test.ts compares them on random
 * searches): same filters, same name order (PostgreSQL's own, loaded as
 * positions), same date order, nearest first by the same chord, the same
 * relevance (rankedLexemes: the weight of the best part of the text that has
 * each word), over every match, and the same cards.
 *
 * Memory, measured: about 0.5 KB per organization (0.3 KB of arrays, 0.19 KB
 * of measures: codes, ids, outcomes and UTF-8 titles), and the heap the build
 * grows; see README "Performance".
 */
export interface MemorySearchIndex {
  version: string;
  size: number;
  /** Approximate bytes held. */
  bytes: number;
  find(query: IndexQuery, want: IndexWant): IndexAnswer;
  /** The map's points of these organizations (ids the index found), with the distance from `origin`. */
  points(ids: number[], origin: { lat: number; lon: number } | undefined): MapPoint[];
  /** Their result cards (a page of /registro), with the distance from `origin`. */
  cards(ids: number[], origin: { lat: number; lon: number } | undefined): ResultCard[];
}

/** An organization on the map (/mappa/dati.geojson). */
export interface MapPoint {
  id: number;
  slug: string;
  name: string;
  comuneName: string;
  lat: number;
  lon: number;
  approximate: boolean;
  distanceKm: number | null;
}

/**
 * An organization as a page of results shows it (views/public/search/results.ejs):
 * what the in-process index keeps of every organization, so that a results
 * page reads no row. A result PostgreSQL found has these fields and more.
 */
export interface ResultCard extends MapPoint {
  sizeClass: string | null;
  /** Its public measures and those of its public networks, active first, by title. */
  measures: CardMeasure[];
}

/** A measure on a result card (and in the API's answer). */
export interface CardMeasure extends MeasureFacts {
  id: number;
  title: string;
  networkName: string | null;
  networkSlug: string | null;
}

export interface IndexQuery {
  search: RegistrySearch;
  /** The parsed text query; undefined without words; "empty" when the words have no lexeme (no match). */
  text: TsqueryNode | { op: "empty" } | undefined;
  /** Organizations that match the measure filters through a network (PreparedSearch.viaNetworks). */
  viaNetworks: number[];
}

export interface IndexWant {
  /** "relevance": by the sum of the weights of `rankLexemes`, then by name. */
  order: "name" | "date" | "distance" | "relevance";
  offset: number;
  limit: number;
  rankLexemes?: string[];
  /**
   * The count is exact up to this number (a page shows "more than 1,000"):
   * in name, date and distance order the search then stops once the page is
   * complete instead of visiting every candidate. Without it every match is counted.
   */
  countUpTo?: number;
}

export interface IndexAnswer {
  /** Exact number of matches (up to `countUpTo`, at least, when given). */
  total: number;
  /** The ids of the page, in order. */
  page: number[];
}

/** earthdistance's earth(): a sphere of this radius, in metres. */
const EARTH_RADIUS_M = 6378168;
const RADIANS = Math.PI / 180;

/**
 * Builds an index from the rows given batch by batch (in name order), keeping
 * only typed arrays and lexeme lists: the rows' strings can go with their batch.
 */
export function createMemorySearchIndexBuilder() {
  const rows: MemoryIndexRow[] = [];
  const [any, inName, inTitles] = [postingLists(), postingLists(), postingLists()];
  const measures = measureStore();
  return {
    add(batch: MemoryIndexRow[]) {
      for (const row of batch) {
        const i = rows.length;
        any.add(row.lexemes, i);
        inName.add(row.lexemesA, i);
        inTitles.add(row.lexemesB, i);
        measures.add(row.measures);
        // The lexemes and measures are stored now: the row need not keep its strings until the build.
        row.lexemes = row.lexemesA = row.lexemesB = "";
        row.measures = [];
        rows.push(row);
      }
    },
    build: (version: string) =>
      buildMemorySearchIndex(version, rows, { any: any.done(), A: inName.done(), B: inTitles.done() }, measures.done()),
  };
}

/** A measure's classification outcome as a small number, 0 for none yet (every outcome: a Record). */
const OUTCOME_CODES: Record<ClassificationOutcome, number> = {
  TERRITORIAL_WELFARE: 1,
  COMPANY_BENEFIT: 2,
  TO_BE_EXAMINED: 3,
  UNDER_REVIEW: 4,
};
const OUTCOMES: (ClassificationOutcome | null)[] = [null];
for (const [outcome, code] of Object.entries(OUTCOME_CODES)) OUTCOMES[code] = outcome as ClassificationOutcome;

/**
 * The organizations' measures, packed as they arrive in position order: for
 * each organization where its measures start, for each measure its code, id,
 * outcome and where its title ends in one UTF-8 buffer (outside the JavaScript
 * heap, so that no garbage collection walks 400,000 titles), and the network
 * of the few that are a network's.
 */
function measureStore() {
  let start = new Uint32Array(1024);
  let codes = new Uint16Array(4096);
  let ids = new Int32Array(4096);
  let outcomes = new Uint8Array(4096);
  let ends = new Uint32Array(4096);
  let text = Buffer.alloc(1 << 16);
  let organizations = 0;
  let count = 0;
  let used = 0;
  const networks = new Map<number, { slug: string; name: string }>();
  return {
    add(measures: MemoryIndexRow["measures"]) {
      start = grown(start, organizations + 2);
      start[organizations++] = count;
      codes = grown(codes, count + measures.length);
      ids = grown(ids, count + measures.length);
      outcomes = grown(outcomes, count + measures.length);
      ends = grown(ends, count + measures.length);
      for (const [code, title, networkSlug, networkName, id, outcome] of measures) {
        const length = Buffer.byteLength(title);
        if (used + length > text.length) {
          const larger = Buffer.alloc(Math.max(used + length, text.length * 2));
          text.copy(larger, 0, 0, used);
          text = larger;
        }
        used += text.write(title, used);
        codes[count] = code;
        ids[count] = id;
        outcomes[count] = outcome === null ? 0 : OUTCOME_CODES[outcome];
        ends[count] = used;
        if (networkSlug !== null) networks.set(count, { slug: networkSlug, name: networkName ?? "" });
        count++;
      }
      start[organizations] = count;
    },
    /** Exactly the length used (copies: the slack of the last growth goes). */
    done: () => ({
      start: start.slice(0, organizations + 1),
      codes: codes.slice(0, count),
      ids: ids.slice(0, count),
      outcomes: outcomes.slice(0, count),
      ends: ends.slice(0, count),
      text: Buffer.from(text.subarray(0, used)),
      networks,
    }),
  };
}

/** `array`, or a copy twice as long (at least `length`) when it is shorter than that. */
function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  larger.set(array);
  return larger;
}

type Measures = ReturnType<ReturnType<typeof measureStore>["done"]>;

/** Each lexeme's positions, ascending, growing as organizations are added in order. */
function postingLists() {
  const lists = new Map<string, { positions: Int32Array; length: number }>();
  return {
    add(lexemes: string, i: number) {
      if (!lexemes) return;
      for (const lexeme of lexemes.split(LEXEME_SEPARATOR)) {
        const list = lists.get(lexeme);
        if (!list) {
          // A copy, not a slice that would keep the batch's whole string alive.
          lists.set(Buffer.from(lexeme).toString(), { positions: Int32Array.of(i, 0, 0, 0), length: 1 });
        } else {
          list.positions = grown(list.positions, list.length + 1);
          list.positions[list.length++] = i;
        }
      }
    },
    done: () => new Map([...lists].map(([lexeme, list]) => [lexeme, list.positions.subarray(0, list.length)])),
  };
}

type Lists = Map<string, Int32Array>;

/** `lists`: each lexeme's positions in `orgs`, ascending: anywhere, in the name (A), in the titles (B). */
/** Lets requests in between the steps of a build (a million organizations take seconds). */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function buildMemorySearchIndex(
  version: string,
  orgs: Omit<MemoryIndexRow, "lexemes" | "lexemesA" | "lexemesB" | "measures">[],
  lists: { any: Lists; A: Lists; B: Lists },
  measures: Measures,
): Promise<MemorySearchIndex> {
  const n = orgs.length;
  const words = (n + 31) >>> 5;
  const ids = new Int32Array(n);
  const positionOf = new Map<number, number>();
  // ll_to_earth(lat, lon): the point on earthdistance's sphere, as the SQL search measures it.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  const comune = new Uint16Array(n);
  const size = new Uint8Array(n);
  const ateco = new Uint8Array(n);
  const pact = new Uint8Array(n);
  const factStart = new Uint32Array(n + 1);
  const codes = (values: (string | null)[]) => {
    const map = new Map<string | null, number>();
    for (const v of values) if (!map.has(v)) map.set(v, map.size);
    return map;
  };
  const comuneCodes = codes(orgs.map((o) => o.comuneCode));
  const sizeCodes = codes(orgs.map((o) => o.sizeClass));
  const atecoCodes = codes(orgs.map((o) => o.atecoSectionCode));
  let factCount = 0;
  for (const o of orgs) factCount += o.facts.length;
  const facts = new Uint16Array(factCount);
  factCount = 0;
  orgs.forEach((o, i) => {
    ids[i] = o.id;
    positionOf.set(o.id, i);
    const lat = o.lat * RADIANS;
    const lon = o.lon * RADIANS;
    x[i] = EARTH_RADIUS_M * Math.cos(lat) * Math.cos(lon);
    y[i] = EARTH_RADIUS_M * Math.cos(lat) * Math.sin(lon);
    z[i] = EARTH_RADIUS_M * Math.sin(lat);
    comune[i] = comuneCodes.get(o.comuneCode)!;
    size[i] = sizeCodes.get(o.sizeClass)!;
    ateco[i] = atecoCodes.get(o.atecoSectionCode)!;
    pact[i] = o.pact ? 1 : 0;
    factStart[i] = factCount;
    for (const f of o.facts) facts[factCount++] = f;
  });
  factStart[n] = factCount;
  // For each measure category, and for "open to citizens", the organizations with such a measure of
  // their own, a bitmap each (1.1 bytes an organization): see measureCandidates.
  const withCategory = Array.from({ length: CATEGORY_COUNT }, () => new Uint32Array(words));
  const withOpen = new Uint32Array(words);
  for (let i = 0; i < n; i++) {
    for (let f = factStart[i]!; f < factStart[i + 1]!; f++) {
      withCategory[categoryNumberOf(facts[f]!)]![i >>> 5]! |= 1 << (i & 31);
      if (isOpenCode(facts[f]!)) withOpen[i >>> 5]! |= 1 << (i & 31);
    }
  }
  await pause();
  // The orders PostgreSQL computed while reading (sorting a million rows here
  // would hold the event loop for seconds): most recent first, and by latitude.
  const dateRank = Int32Array.from(orgs, (o) => o.dateRank);
  const byLat = new Int32Array(n);
  const byDate = new Int32Array(n);
  const latSorted = new Float64Array(n);
  // Longitudes in latitude order: a walk of a latitude band passes over those outside the circle's
  // box reading this array in order, instead of each one's coordinates and facts, scattered.
  const lonByLat = new Float32Array(n);
  orgs.forEach((o, i) => {
    byLat[o.latRank] = i;
    byDate[o.dateRank] = i;
    latSorted[o.latRank] = o.lat;
    lonByLat[o.latRank] = o.lon;
  });
  /** The first position in latitude order at `lat` or north of it (`strictly`: north of it). */
  const firstAtLeast = (lat: number, strictly = false) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (latSorted[mid]! < lat || (strictly && latSorted[mid] === lat)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const firstAbove = (lat: number) => firstAtLeast(lat, true);
  const byComune = new Map<string, number[]>();
  orgs.forEach((o, i) => {
    const list = byComune.get(o.comuneCode);
    if (list) list.push(i);
    else byComune.set(o.comuneCode, [i]);
  });
  // What a map point shows, so that the map reads nothing from the database.
  const names = orgs.map((o) => o.name);
  const slugs = orgs.map((o) => o.slug);
  const lats = Float64Array.from(orgs, (o) => o.lat);
  const lons = Float64Array.from(orgs, (o) => o.lon);
  const approximate = Uint8Array.from(orgs, (o) => (o.approximate ? 1 : 0));
  const comuneNames: string[] = [];
  for (const o of orgs) comuneNames[comuneCodes.get(o.comuneCode)!] ??= o.comuneName;

  const sizeNames = [...sizeCodes.keys()];
  const grid = placeGrid(lats, lons);

  let bytes = n * 124 + facts.byteLength + grid.bytes + lonByLat.byteLength + (CATEGORY_COUNT + 1) * words * 4;
  bytes += measures.start.byteLength + measures.codes.byteLength + measures.ends.byteLength + measures.text.length;
  bytes += measures.ids.byteLength + measures.outcomes.byteLength;
  for (let i = 0; i < n; i++) bytes += (names[i]!.length + slugs[i]!.length) * 2;
  // A lexeme in more than 1 organization in 32 costs less as a bitmap than as a list.
  const compact = async (from: Lists) => {
    const postings = new Map<string, Uint32Array | Int32Array>();
    let done = 0;
    for (const [lexeme, positions] of from) {
      if (++done % 64 === 0) await pause();
      const stored = positions.length * 32 > n ? new Uint32Array(words) : positions.slice();
      if (stored instanceof Uint32Array) for (const p of positions) stored[p >>> 5]! |= 1 << (p & 31);
      postings.set(lexeme, stored);
      bytes += stored.byteLength + lexeme.length * 2;
    }
    return postings;
  };
  await pause();
  const postings = await compact(lists.any);
  const inName = await compact(lists.A);
  const inTitles = await compact(lists.B);
  /** A posting as a bitmap (a list's bits in a fresh one). */
  const asBitmap = (posting: Uint32Array | Int32Array): Uint32Array => {
    if (posting instanceof Uint32Array) return posting;
    const bitmap = new Uint32Array(words);
    for (const p of posting) bitmap[p >>> 5]! |= 1 << (p & 31);
    return bitmap;
  };
  /** Whether position i is in a posting (a bitmap or a sorted list). */
  const has = (posting: Uint32Array | Int32Array | undefined, i: number) => {
    if (!posting) return false;
    if (posting instanceof Uint32Array) return (posting[i >>> 5]! & (1 << (i & 31))) !== 0;
    let lo = 0;
    let hi = posting.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = posting[mid]!;
      if (v === i) return true;
      if (v < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };

  /** The organizations that have the words, as a bitmap (a fresh array: callers may change it). */
  function evaluate(node: TsqueryNode): Uint32Array {
    switch (node.op) {
      case "lexeme": {
        const found = postings.get(node.lexeme);
        const out = new Uint32Array(words);
        if (found instanceof Uint32Array) out.set(found);
        else if (found) for (const p of found) out[p >>> 5]! |= 1 << (p & 31);
        return out;
      }
      case "not": {
        const out = evaluate(node.arg);
        for (let w = 0; w < words; w++) out[w] = ~out[w]!;
        clearTail(out);
        return out;
      }
      case "and":
      case "or": {
        const left = evaluate(node.left);
        const right = evaluate(node.right);
        if (node.op === "and") for (let w = 0; w < words; w++) left[w]! &= right[w]!;
        else for (let w = 0; w < words; w++) left[w]! |= right[w]!;
        return left;
      }
    }
  }
  /** Bits past the last organization stay clear (a NOT sets them). */
  function clearTail(bitmap: Uint32Array) {
    const used = n & 31;
    if (used && words) bitmap[words - 1]! &= (1 << used) - 1;
  }

  /**
   * The search's circle: its test of a position, its bounding box, and its
   * organizations from the grid (placeGrid).
   */
  function circleOf(origin: { lat: number; lon: number }, radiusKm: number) {
    const { x0, y0, z0 } = earthPoint(origin);
    const max = chordMetres(radiusKm * 1000);
    const max2 = max * max;
    const inCircle = (i: number) => {
      const dx = x[i]! - x0;
      const dy = y[i]! - y0;
      const dz = z[i]! - z0;
      return dx * dx + dy * dy + dz * dz <= max2;
    };
    const box = boxAround(origin.lat, radiusKm);
    const { candidates, bitmap } = grid.around({ ...origin, x0, y0, z0 }, max, box);
    return { inCircle, box, candidates, bitmap: () => bitmap(inCircle) };
  }

  /**
   * The organizations that may match the search's measure filters, as a bitmap
   * (null without categories or "open to citizens" among them): those with a
   * measure of one of the categories, and with an open one, and those that
   * match through a network. `exact` when the filters are only categories, or
   * only "open": then no organization's measures need testing. With both (or
   * others) a measure must satisfy them together: each candidate is tested.
   */
  function measureCandidates(query: IndexQuery) {
    const { search } = query;
    if (search.categories.length === 0 && !search.openOnly) return null;
    const bitmap = new Uint32Array(words);
    if (search.categories.length === 0) bitmap.set(withOpen);
    else {
      for (const category of new Set(search.categories)) {
        const those = withCategory[categoryNumber(category)];
        if (those) for (let w = 0; w < words; w++) bitmap[w]! |= those[w]!;
      }
      if (search.openOnly) for (let w = 0; w < words; w++) bitmap[w]! &= withOpen[w]!;
    }
    for (const id of query.viaNetworks) {
      const p = positionOf.get(id);
      if (p !== undefined) bitmap[p >>> 5]! |= 1 << (p & 31);
    }
    const others = search.beneficiaries.length > 0 || search.statuses.length > 0 || search.territorialOnly;
    const exact = !others && (search.categories.length === 0 || !search.openOnly);
    return { bitmap, exact };
  }

  /**
   * A test per position for every filter of the search but the words (and
   * the circle when `circle` is null: its bitmap has been taken). `measures`:
   * the measure filters' candidates, tested here unless `taken` into the
   * words' bitmap; each organization's measures are tested unless they are exact.
   */
  function filterOf(
    query: IndexQuery,
    circle: ReturnType<typeof circleOf> | null,
    measures: { bitmap: Uint32Array; exact: boolean; taken: boolean } | null,
  ): ((i: number) => boolean) | null {
    const { search } = query;
    const tests: ((i: number) => boolean)[] = [];
    if (search.comuneCode !== undefined) {
      const wanted = comuneCodes.get(search.comuneCode);
      if (wanted === undefined) return () => false;
      tests.push((i) => comune[i] === wanted);
    }
    if (circle) tests.push(circle.inCircle);
    if (search.sizes.length) {
      const wanted = new Set(search.sizes.map((s) => sizeCodes.get(s)));
      tests.push((i) => wanted.has(size[i]!));
    }
    if (search.ateco !== undefined) {
      const wanted = atecoCodes.get(search.ateco);
      if (wanted === undefined) return () => false;
      tests.push((i) => ateco[i] === wanted);
    }
    if (search.pactOnly) tests.push((i) => pact[i] === 1);
    if (measures && !measures.taken) {
      const candidates = measures.bitmap;
      tests.push((i) => (candidates[i >>> 5]! & (1 << (i & 31))) !== 0);
    }
    if (hasMeasureFilters(search) && !measures?.exact) {
      const matching = new Uint8Array(MEASURE_CODE_LIMIT);
      for (const code of matchingMeasureCodes(search)) matching[code] = 1;
      const via = new Set<number>();
      for (const id of query.viaNetworks) {
        const p = positionOf.get(id);
        if (p !== undefined) via.add(p);
      }
      tests.push((i) => {
        for (let f = factStart[i]!, end = factStart[i + 1]!; f < end; f++) if (matching[facts[f]!]) return true;
        return via.has(i);
      });
    }
    if (tests.length === 0) return null;
    if (tests.length === 1) return tests[0]!;
    return (i) => {
      for (const test of tests) if (!test(i)) return false;
      return true;
    };
  }

  function earthPoint(origin: { lat: number; lon: number }) {
    const lat = origin.lat * RADIANS;
    const lon = origin.lon * RADIANS;
    return {
      x0: EARTH_RADIUS_M * Math.cos(lat) * Math.cos(lon),
      y0: EARTH_RADIUS_M * Math.cos(lat) * Math.sin(lon),
      z0: EARTH_RADIUS_M * Math.sin(lat),
    };
  }

  return {
    version,
    size: n,
    bytes,
    find(query, want) {
      const text = query.text;
      if (text?.op === "empty") return { total: 0, page: [] };
      const { search } = query;
      let bits = text ? evaluate(text) : null;
      let circle = search.origin ? circleOf(search.origin, search.radiusKm) : null;
      const box = circle?.box ?? { dLat: 0, dLon: 0 };
      // A small circle (its cells hold fewer than 1 organization in 16): its organizations
      // as a bitmap, with the words' if any, instead of a walk that tests every organization.
      if (circle && circle.candidates * 16 <= n) {
        const inCircle = circle.bitmap();
        if (bits) for (let w = 0; w < words; w++) bits[w]! &= inCircle[w]!;
        bits = bits ?? inCircle;
        circle = null;
      }
      // The measure filters' candidates: with the words' (or as the candidates when they are few),
      // else a bit tested per candidate. Not always as the candidates: nearest first, a walk
      // outward that stops early beats visiting every one of many.
      const measures = measureCandidates(query);
      const taken = measures !== null && (bits !== null || popCount(measures.bitmap) * 16 <= n);
      if (measures && taken) {
        if (bits) for (let w = 0; w < words; w++) bits[w]! &= measures.bitmap[w]!;
        bits = bits ?? measures.bitmap;
      }
      const filter = filterOf(query, circle, measures && { ...measures, taken });
      const end = want.offset + want.limit;
      // The best `end` matches by a key, smallest first (ties: smallest position, i.e. by name).
      const best = new SmallestFirst(end);
      const origin = want.order === "distance" && search.origin ? earthPoint(search.origin) : null;
      const { A, B, C } = RELEVANCE_WEIGHTS;
      const ranked = (want.order === "relevance" ? (want.rankLexemes ?? []) : []).map(
        (l) => [postings.get(l), inName.get(l), inTitles.get(l)] as const,
      );
      const keyOf = origin
        ? (i: number) => {
            const dx = x[i]! - origin.x0;
            const dy = y[i]! - origin.y0;
            const dz = z[i]! - origin.z0;
            return dx * dx + dy * dy + dz * dz;
          }
        : want.order === "relevance"
          ? (i: number) => {
              let score = 0;
              for (const [anywhere, name, titles] of ranked) {
                if (has(name, i)) score += A;
                else if (has(titles, i)) score += B;
                else if (has(anywhere, i)) score += C;
              }
              return -score;
            }
          : want.order === "date"
            ? (i: number) => dateRank[i]!
            : (i: number) => i;
      let total = 0;
      /** A match anywhere in the order asked: offered to the bounded heap. */
      const visitAny = (i: number) => {
        if (filter && !filter(i)) return;
        total++;
        best.offer(keyOf(i), i);
      };
      // Visiting candidates in the order asked (name: by position; date: byDate), the
      // first `end` matches are the page, and once `countUpTo` are counted the rest
      // changes nothing the caller uses: `visitInOrder` returns true to stop there.
      const enough = Math.max(end, want.countUpTo ?? Infinity);
      const visitInOrder = (i: number) => {
        if (filter && !filter(i)) return false;
        if (total < end) best.offer(keyOf(i), i);
        return ++total >= enough;
      };
      // Candidates from the narrowest source at hand; `filter` checks every condition but the words.
      const inBits = (i: number) => bits === null || (bits[i >>> 5]! & (1 << (i & 31))) !== 0;
      const byName = want.order === "name";
      const inOrder = byName || want.order === "date";
      // Sources in position order (a comune's list, the words' bitmap) are in name order too.
      const visitAscending = byName ? visitInOrder : (i: number) => (visitAny(i), false);
      const matchesOfWords = bits === null ? n : popCount(bits);
      // The latitude band of the circle's box, in the positions sorted by latitude.
      const bandFrom = search.origin ? firstAtLeast(search.origin.lat - box.dLat) : 0;
      const bandTo = search.origin ? firstAbove(search.origin.lat + box.dLat) : 0;
      const band = bandTo - bandFrom;
      const comuneList = search.comuneCode === undefined ? undefined : (byComune.get(search.comuneCode) ?? []);
      // Fewer candidates than 1 organization in 16 from the narrowest source: visited from it.
      const few = Math.min(comuneList?.length ?? n, search.origin ? band : n, matchesOfWords) * 16 <= n;
      if (comuneList && (byName || few || !inOrder)) {
        for (const i of comuneList) if (inBits(i) && visitAscending(i)) break;
      } else if (inOrder && !few) {
        // Many candidates: from the first in the order asked, until the page and the count are
        // complete (a few thousand visited; `filter` tests the comune and the circle).
        if (byName) {
          for (let i = 0; i < n; i++) if (inBits(i) && visitInOrder(i)) break;
        } else for (let k = 0; k < n; k++) if (inBits(byDate[k]!) && visitInOrder(byDate[k]!)) break;
      } else if (search.origin && matchesOfWords >= band) {
        // The box's longitudes, a little wider: lonByLat keeps them as 32-bit floats.
        const [west, east] = [search.origin.lon - box.dLon - 1e-4, search.origin.lon + box.dLon + 1e-4];
        if (origin) {
          // Nearest first: outward from the origin's latitude. An organization Δφ away in
          // latitude is at least 2R·sin(Δφ/2) away (a chord), so once the page's farthest is
          // nearer than that and the count is complete, no one further out changes the answer.
          const lat0 = search.origin.lat;
          let below = firstAtLeast(lat0) - 1;
          let above = below + 1;
          while (below >= bandFrom || above < bandTo) {
            const up = above < bandTo && (below < bandFrom || latSorted[above]! - lat0 <= lat0 - latSorted[below]!);
            const k = up ? above++ : below--;
            if (total >= enough && best.full) {
              const nearest = 2 * EARTH_RADIUS_M * Math.sin((Math.abs(latSorted[k]! - lat0) * RADIANS) / 2);
              if (best.largest < nearest * nearest) break;
            }
            if (lonByLat[k]! >= west && lonByLat[k]! <= east && inBits(byLat[k]!)) visitAny(byLat[k]!);
          }
        } else {
          for (let k = bandFrom; k < bandTo; k++) {
            if (lonByLat[k]! >= west && lonByLat[k]! <= east && inBits(byLat[k]!)) visitAny(byLat[k]!);
          }
        }
      } else if (bits) {
        // The matches in position order (name order), or with one word by relevance score by
        // score: a match scores A with the word in its name, else B in a title, else C anywhere,
        // else 0 (a match through another word: a prefix's, the vocabulary's). Each score taken
        // in position order is the page's order, so that walk stops as one in name order does,
        // once the page and the count are complete, instead of ranking every match.
        const oneWord = ranked.length === 1 ? ranked[0]! : null;
        // ranked: [anywhere, name, titles]; the tiers: name, titles, anywhere, the rest.
        const tiers = oneWord ? [oneWord[1], oneWord[2], oneWord[0], null] : [null];
        const visit = oneWord ? visitInOrder : visitAscending;
        scan: for (const tier of tiers) {
          if (tier === undefined) continue;
          const only = tier === null ? null : asBitmap(tier);
          for (let w = 0; w < words; w++) {
            let word = only === null ? bits[w]! : bits[w]! & only[w]!;
            bits[w]! ^= word; // taken: not in a later tier
            while (word !== 0) {
              const bit = 31 - Math.clz32(word & -word);
              word &= word - 1;
              if (visit((w << 5) | bit)) break scan;
            }
          }
        }
      } else if (byName) {
        for (let i = 0; i < n; i++) if (visitInOrder(i)) break;
      } else for (let i = 0; i < n; i++) visitAny(i);
      return {
        total,
        page: best
          .sorted()
          .slice(want.offset)
          .map((i) => ids[i]!),
      };
    },

    points(hitIds, origin) {
      const o = origin ? earthPoint(origin) : null;
      return hitIds.map((id) => pointAt(positionOf.get(id)!, o));
    },

    cards(hitIds, origin) {
      const o = origin ? earthPoint(origin) : null;
      return hitIds.map((id) => {
        const i = positionOf.get(id)!;
        const card: CardMeasure[] = [];
        for (let j = measures.start[i]!, end = measures.start[i + 1]!; j < end; j++) {
          const network = measures.networks.get(j);
          // Properties assigned, not spread: a spread cost 1-4 us an object here (node 20).
          card.push(
            Object.assign(measureFactsOf(measures.codes[j]!), {
              // The code keeps only "territorial welfare or not": the API shows the outcome itself.
              currentOutcome: OUTCOMES[measures.outcomes[j]!] ?? null,
              id: measures.ids[j]!,
              title: measures.text.toString("utf8", j === 0 ? 0 : measures.ends[j - 1], measures.ends[j]),
              networkName: network?.name ?? null,
              networkSlug: network?.slug ?? null,
            }),
          );
        }
        return Object.assign(pointAt(i, o), { sizeClass: sizeNames[size[i]!] ?? null, measures: card });
      });
    },
  };

  /** The organization at position i as a map point, with the distance from `o` (the origin's point). */
  function pointAt(i: number, o: { x0: number; y0: number; z0: number } | null): MapPoint {
    let distanceKm: number | null = null;
    if (o) {
      const chord = Math.hypot(x[i]! - o.x0, y[i]! - o.y0, z[i]! - o.z0);
      // earthdistance's sec_to_gc: the great-circle length of a chord.
      distanceKm =
        (chord >= 2 * EARTH_RADIUS_M
          ? Math.PI * EARTH_RADIUS_M
          : 2 * EARTH_RADIUS_M * Math.asin(chord / (2 * EARTH_RADIUS_M))) / 1000;
    }
    return {
      id: ids[i]!,
      slug: slugs[i]!,
      name: names[i]!,
      comuneName: comuneNames[comune[i]!]!,
      lat: lats[i]!,
      lon: lons[i]!,
      approximate: approximate[i] === 1,
      distanceKm,
    };
  }
}

/**
 * Half the sides, in degrees, of the box around a circle of `radiusKm`
 * centred at latitude `lat`, 1 % to spare: in latitude the circle's angle on
 * earthdistance's sphere; in longitude as wide as it is at the box's edge nearest a pole.
 */
export function boxAround(lat: number, radiusKm: number) {
  const dLat = ((radiusKm * 1000) / EARTH_RADIUS_M / RADIANS) * 1.01;
  const poleward = (Math.abs(lat) + dLat) * RADIANS;
  const dLon = poleward >= Math.PI / 2 ? 360 : (dLat / Math.cos(poleward)) * 1.01;
  return { dLat, dLon };
}

/** The grid's cells: about 1.1 km a side at Bologna's latitude. */
const CELL_DEGREES = { lat: 0.01, lon: 0.014 };
/** At most this many cells (where each starts: 256 KB). */
const MAX_CELLS = 1 << 16;

/**
 * A grid over the organizations' places, cells about 1 km a side, with each
 * cell's organizations in position order (four bytes an organization), so
 * that a search within a small radius takes its candidates from the cells of
 * the circle's bounding box: those of a cell wholly inside the circle (its four
 * corners are: on a sphere the farthest point of such a cell is a corner)
 * without a test, the others measured. Without it such a search tested every
 * organization in the latitude band or in the order asked.
 */
export function placeGrid(lats: Float64Array, lons: Float64Array) {
  const n = lats.length;
  let [latMin, latMax, lonMin, lonMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    latMin = Math.min(latMin, lats[i]!);
    latMax = Math.max(latMax, lats[i]!);
    lonMin = Math.min(lonMin, lons[i]!);
    lonMax = Math.max(lonMax, lons[i]!);
  }
  if (n === 0) [latMin, latMax, lonMin, lonMax] = [0, 0, 0, 0];
  // A wider register (all of Italy) gets coarser cells.
  let step = CELL_DEGREES;
  const extent = (d: number, min: number, max: number) => Math.floor((max - min) / d) + 1;
  while (extent(step.lat, latMin, latMax) * extent(step.lon, lonMin, lonMax) > MAX_CELLS) {
    step = { lat: step.lat * 2, lon: step.lon * 2 };
  }
  const rows = extent(step.lat, latMin, latMax);
  const cols = extent(step.lon, lonMin, lonMax);
  const rowOf = (lat: number) => Math.min(rows - 1, Math.max(0, Math.floor((lat - latMin) / step.lat)));
  const colOf = (lon: number) => Math.min(cols - 1, Math.max(0, Math.floor((lon - lonMin) / step.lon)));
  const cellOf = (i: number) => rowOf(lats[i]!) * cols + colOf(lons[i]!);
  // Cell c's organizations: inCells from cellStart[c] to cellStart[c + 1] (a counting sort).
  const cellStart = new Uint32Array(rows * cols + 1);
  for (let i = 0; i < n; i++) cellStart[cellOf(i) + 1]!++;
  for (let c = 0; c < rows * cols; c++) cellStart[c + 1]! += cellStart[c]!;
  const inCells = new Int32Array(n);
  const filled = cellStart.slice(0, -1);
  for (let i = 0; i < n; i++) inCells[filled[cellOf(i)]!++] = i;
  return {
    bytes: cellStart.byteLength + inCells.byteLength,
    /**
     * The circle of chord `maxChord` around `origin` (x0, y0, z0: its point on
     * the sphere), in its bounding box (`box`, boxAround): how many organizations
     * the box's cells hold, and `bitmap(inCircle)`, those in the circle (`inCircle` measures one).
     */
    around(
      origin: { lat: number; lon: number; x0: number; y0: number; z0: number },
      maxChord: number,
      { dLat, dLon }: { dLat: number; dLon: number },
    ) {
      const [r0, r1] = [rowOf(origin.lat - dLat), rowOf(origin.lat + dLat)];
      const [c0, c1] = dLon >= 180 ? [0, cols - 1] : [colOf(origin.lon - dLon), colOf(origin.lon + dLon)];
      let candidates = 0;
      for (let r = r0; r <= r1; r++) candidates += cellStart[r * cols + c1 + 1]! - cellStart[r * cols + c0]!;
      const bitmap = (inCircle: (i: number) => boolean) => {
        // Which corners of the box's cells are in the circle less a millimetre (a position
        // rounded into a cell lies far less than that outside it).
        const inner = (maxChord - 0.001) ** 2;
        const width = c1 - c0 + 2;
        const lonLines = Array.from({ length: width }, (_, k) => (lonMin + (c0 + k) * step.lon) * RADIANS);
        const [cosLon, sinLon] = [lonLines.map(Math.cos), lonLines.map(Math.sin)];
        const corner = new Uint8Array((r1 - r0 + 2) * width);
        for (let r = r0; r <= r1 + 1; r++) {
          const lat = (latMin + r * step.lat) * RADIANS;
          const [cosLat, sinLat] = [Math.cos(lat), Math.sin(lat)];
          for (let k = 0; k < width; k++) {
            const dx = EARTH_RADIUS_M * cosLat * cosLon[k]! - origin.x0;
            const dy = EARTH_RADIUS_M * cosLat * sinLon[k]! - origin.y0;
            const dz = EARTH_RADIUS_M * sinLat - origin.z0;
            corner[(r - r0) * width + k] = dx * dx + dy * dy + dz * dz <= inner ? 1 : 0;
          }
        }
        const out = new Uint32Array((n + 31) >>> 5);
        for (let r = r0; r <= r1; r++) {
          for (let c = c0; c <= c1; c++) {
            const at = (r - r0) * width + (c - c0);
            const inside = corner[at]! & corner[at + 1]! & corner[at + width]! & corner[at + width + 1]!;
            for (let k = cellStart[r * cols + c]!, end = cellStart[r * cols + c + 1]!; k < end; k++) {
              const i = inCells[k]!;
              if (inside || inCircle(i)) out[i >>> 5]! |= 1 << (i & 31);
            }
          }
        }
        return out;
      };
      return { candidates, bitmap };
    },
  };
}

/** How many bits are set. */
function popCount(bitmap: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < bitmap.length; w++) {
    let v = bitmap[w]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

/**
 * The `k` positions offered with the smallest keys (a squared chord, minus a
 * relevance), then the smallest positions (ties in name order), kept in a
 * bounded max-heap: O(m log k) for m matches instead of sorting them all
 * (60,000 organizations within 25 km of Bologna).
 */
class SmallestFirst {
  private readonly d: Float64Array;
  private readonly i: Int32Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.d = new Float64Array(k);
    this.i = new Int32Array(k);
  }
  private above(a: number, b: number) {
    return this.d[a]! > this.d[b]! || (this.d[a] === this.d[b] && this.i[a]! > this.i[b]!);
  }
  private swap(a: number, b: number) {
    [this.d[a], this.d[b]] = [this.d[b]!, this.d[a]!];
    [this.i[a], this.i[b]] = [this.i[b]!, this.i[a]!];
  }
  offer(key: number, position: number) {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let at = this.size++;
      this.d[at] = key;
      this.i[at] = position;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.above(at, parent)) break;
        this.swap(at, parent);
        at = parent;
      }
      return;
    }
    // Not before the largest kept: skip (a tie goes to the smaller position, i.e. by name).
    if (key > this.d[0]! || (key === this.d[0] && position > this.i[0]!)) return;
    this.d[0] = key;
    this.i[0] = position;
    for (let at = 0; ;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let top = at;
      if (l < this.size && this.above(l, top)) top = l;
      if (r < this.size && this.above(r, top)) top = r;
      if (top === at) break;
      this.swap(at, top);
      at = top;
    }
  }
  get full() {
    return this.size === this.k;
  }
  /** The largest key kept (the heap's root). */
  get largest() {
    return this.d[0]!;
  }
  /** The positions kept, smallest key first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, j) => j);
    order.sort((a, b) => this.d[a]! - this.d[b]! || this.i[a]! - this.i[b]!);
    return order.map((j) => this.i[j]!);
  }
}

/**
 * The index of the register's current version, built on demand in the
 * background: `at(version)` answers the index only if it is of exactly that
 * version, otherwise undefined (the caller searches in PostgreSQL, so answers
 * stay exact the moment a change is committed) and starts building the newest
 * version if no build is running. One build at a time per instance.
 */
export function createMemoryIndexHolder(repository: MemoryIndexRepository) {
  let current: MemorySearchIndex | undefined;
  let building: Promise<MemorySearchIndex | undefined> | undefined;
  let failure: unknown;
  const build = () => {
    building ??= (async () => {
      const builder = createMemorySearchIndexBuilder();
      const version = await repository.load((rows) => builder.add(rows));
      current = await builder.build(version);
      failure = undefined;
      return current;
    })()
      .catch((error: unknown) => {
        // Searches keep going to PostgreSQL; the next one tries again.
        failure = error;
        return undefined;
      })
      .finally(() => {
        building = undefined;
      });
    return building;
  };
  return {
    at(version: string): MemorySearchIndex | undefined {
      if (current?.version === version) return current;
      void build();
      return undefined;
    },
    /** Builds the index now (tests, and a server that wants it before its first visitor). */
    build,
    /** What the last build did, for logs and tests. */
    status: () => ({ version: current?.version, size: current?.size, bytes: current?.bytes, failure }),
  };
}

export type MemoryIndexHolder = ReturnType<typeof createMemoryIndexHolder>;
