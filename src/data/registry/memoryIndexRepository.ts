import type pg from "pg";
import type { ClassificationOutcome } from "../../generated/prisma/enums.js";
import { PUBLIC_MEASURE_ORDER, publicMeasuresOf } from "./registrySearchRepository.js";

/**
 * What the in-process search index (services/registry/memorySearchIndex.ts)
 * holds of a registered organization: the columns the filters read
 * (`facts` are Organization.measureFacts), the lexemes of its search text, and
 * what its result card shows (name, comune, size class, position, measures).
 * They are read in name order (`ORDER BY name, id`, the database's collation:
 * the same order as the SQL search) from one snapshot, so that the index is
 * exactly the register of one version.
 */
export interface MemoryIndexRow {
  id: number;
  slug: string;
  name: string;
  comuneName: string;
  /** Organization.positionPrecision APPROXIMATE: only the comune's centre is known. */
  approximate: boolean;
  /** Rank by `registeredAt DESC, id DESC` (the SQL search's "recenti") and by latitude, from 0. */
  dateRank: number;
  latRank: number;
  comuneCode: string;
  lat: number;
  lon: number;
  sizeClass: string | null;
  atecoSectionCode: string | null;
  pact: boolean;
  facts: number[];
  /** The lexemes of Organization.searchVector, separated by LEXEME_SEPARATOR. */
  lexemes: string;
  /** Those of weight A (the name) and B (comune, measure titles), for relevance. */
  lexemesA: string;
  lexemesB: string;
  /**
   * Its public measures as its result card and the API show them (publicMeasuresOf,
   * in PUBLIC_MEASURE_ORDER): each one's facts as a measure code (searchFacts.ts),
   * title, network (slug and name; null for its own measures), id and current
   * classification outcome (the code keeps only "territorial welfare or not").
   */
  measures: [
    code: number,
    title: string,
    networkSlug: string | null,
    networkName: string | null,
    id: number,
    currentOutcome: ClassificationOutcome | null,
  ][];
}

/** A row as the query returns it, before `load` turns it into a MemoryIndexRow. */
type StoredRow = Omit<MemoryIndexRow, "lat" | "lon" | "facts" | "lexemes" | "lexemesA" | "lexemesB" | "measures"> & {
  lat: number | null;
  lon: number | null;
  facts: string;
  lexemes: string | null;
  lexemesA: string | null;
  lexemesB: string | null;
  measures: MemoryIndexRow["measures"] | null;
};

/** Between two lexemes in `lexemes` (a control character: never part of a lexeme). */
export const LEXEME_SEPARATOR = "\x1f";

const ORGANIZATIONS = `
  WITH ms AS (
    SELECT x."organizationId",
           json_agg(json_build_array(x.code, x.title, x."networkSlug", x."networkName", x.id, x."currentOutcome")
                    ORDER BY ${PUBLIC_MEASURE_ORDER.text}) AS measures
    FROM (${publicMeasuresOf("every").text}) x
    GROUP BY x."organizationId"
  )
  SELECT o.id, o.slug, o.name, c.name AS "comuneName", o."positionPrecision" = 'APPROXIMATE' AS approximate,
         (row_number() OVER (ORDER BY o."registeredAt" DESC, o.id DESC) - 1)::int AS "dateRank",
         (row_number() OVER (ORDER BY o.lat, o.id) - 1)::int AS "latRank", o."comuneCode", o.lat, o.lon,
         o."sizeClass"::text AS "sizeClass", o."atecoSectionCode",
         EXISTS (SELECT 1 FROM "PactSignature" ps WHERE ps."organizationId" = o.id AND ps.status = 'CONFIRMED') AS pact,
         array_to_string(o."measureFacts", ',') AS facts,
         array_to_string(tsvector_to_array(o."searchVector"), chr(31)) AS lexemes,
         array_to_string(tsvector_to_array(ts_filter(o."searchVector", '{a}')), chr(31)) AS "lexemesA",
         array_to_string(tsvector_to_array(ts_filter(o."searchVector", '{b}')), chr(31)) AS "lexemesB",
         ms.measures
  FROM "Organization" o JOIN "Comune" c ON c."istatCode" = o."comuneCode"
  LEFT JOIN ms ON ms."organizationId" = o.id
  WHERE o."registryStatus" = 'REGISTERED'
  ORDER BY o.name, o.id`;

/** Rows read at a time: the lexeme strings of a batch are dropped before the next (memory at 1,000,000). */
const BATCH = 10_000;

export function createMemoryIndexRepository(pool: pg.Pool) {
  return {
    /**
     * The registered organizations in name order, `BATCH` at a time to `each`,
     * from one REPEATABLE READ snapshot whose version is returned (version and
     * rows agree).
     */
    async load(each: (rows: MemoryIndexRow[]) => void): Promise<string> {
      const client = await pool.connect();
      // A checked-out client whose server goes away between two of its queries (a
      // restart: 57P01) emits "error"; unheard, that would end the process. Kept
      // here, and the client is discarded instead of going back to the pool.
      let broken: unknown;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const version = await client.query<{ version: string }>(
          `SELECT version::text AS version FROM "SearchState" WHERE id = 1`,
        );
        if (!version.rows[0]) throw new Error('The "SearchState" row is missing: run the migrations (search_state)');
        await client.query(`DECLARE memory_index NO SCROLL CURSOR FOR ${ORGANIZATIONS}`);
        for (;;) {
          const { rows } = await client.query<StoredRow>(`FETCH ${BATCH} FROM memory_index`);
          if (rows.length === 0) break;
          each(
            rows.map(({ measures, ...o }) => ({
              ...o,
              lat: o.lat ?? Number.NaN,
              lon: o.lon ?? Number.NaN,
              facts: o.facts ? o.facts.split(",").map(Number) : [],
              lexemes: o.lexemes ?? "",
              lexemesA: o.lexemesA ?? "",
              lexemesB: o.lexemesB ?? "",
              measures: measures ?? [],
            })),
          );
        }
        await client.query("COMMIT");
        return version.rows[0].version;
      } catch (error) {
        broken ??= error;
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.off("error", onError);
        client.release(broken ? (broken instanceof Error ? broken : new Error(String(broken))) : undefined);
      }
    },
  };
}

export type MemoryIndexRepository = ReturnType<typeof createMemoryIndexRepository>;
