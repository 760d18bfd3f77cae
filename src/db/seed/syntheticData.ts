import { reminderThreshold } from "../../domain/verification.js";
import type pg from "pg";
import type { Beneficiary, MeasureCategory, MeasureStatus } from "../../generated/prisma/enums.js";
import { measureCode } from "../../domain/searchFacts.js";
import {
  generateBatch,
  syntheticSlug,
  type SyntheticComune,
  type SyntheticMeasure,
  type SyntheticOrganization,
} from "./syntheticGenerator.js";

const BATCH = 5_000;

/**
 * The organizations go in with their derived search columns already computed,
 * from the same pieces and weights as refreshSearchData (name A; comune,
 * measure titles and category words B; descriptions, areas served, partners C): one pass,
 * and no second version of 100,000 rows to update.
 */
const INSERT_ORGANIZATIONS = `
  INSERT INTO "Organization" (slug, "vatNumber", "registryStatus", "registryNumber", "registeredAt",
    "lastVerifiedAt", "isDemo", name, "legalForm", "taxCode", "atecoSectionCode", employees, "sizeClass",
    address, "comuneCode", lat, lon, website, "contactEmail", description, "welfareStage",
    "searchVector", "earthPoint", "measureFacts", "createdAt", "updatedAt")
  SELECT u.slug, u.vat, 'REGISTERED', u.registry, u.registered::timestamp, u.verified::timestamp, true,
    u.name, u.legal, u.vat, u.ateco, u.employees, u.size::"SizeClass", u.address, u.comune, u.lat, u.lon,
    u.website, u.email, u.description, u.stage::"WelfareStage",
    setweight(to_tsvector('italian', unaccent(u.name)), 'A') ||
    setweight(to_tsvector('italian', unaccent(concat_ws(' ', c.name, u.titles))), 'B') ||
    setweight(to_tsvector('italian', unaccent(concat_ws(' ', u.description, u.texts))), 'C'),
    ll_to_earth(u.lat, u.lon)::cube, u.facts::int[], u.registered::timestamp, now()
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::int[], $10::text[], $11::text[], $12::text[], $13::float8[], $14::float8[], $15::text[], $16::text[],
    $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
    AS u(slug, vat, registry, registered, verified, name, legal, ateco, employees, size, address, comune,
      lat, lon, website, email, description, stage, titles, texts, facts)
  JOIN "Comune" c ON c."istatCode" = u.comune
  ON CONFLICT DO NOTHING
  RETURNING id, slug`;

const INSERT_MEASURES = `
  INSERT INTO "Measure" ("organizationId", title, description, category, status, beneficiaries,
    "openToCitizens", "areaServed", "accessConditions", "costToCitizens", capacity, "startsOn", "endsOn",
    partners, "createdAt", "updatedAt")
  SELECT u.org, u.title, u.description, u.category::"MeasureCategory", u.status::"MeasureStatus",
    u.beneficiaries::"Beneficiary"[], u.open, u.area, u.access, u.cost, u.capacity, u.starts::date,
    u.ends::date, u.partners, now(), now()
  FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::text[],
    $9::text[], $10::text[], $11::int[], $12::text[], $13::text[], $14::text[])
    AS u(org, title, description, category, status, beneficiaries, open, area, access, cost, capacity,
      starts, ends, partners)`;

const MERGE_PENDING_SEARCH_ENTRIES = `
  SELECT gin_clean_pending_list(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
  WHERE i.indrelid = '"Organization"'::regclass AND a.amname = 'gin'`;

/**
 * Loads synthetic registered organizations `sintetica-1` … `sintetica-<n>`
 * (about four measures each) for load tests. Each is a pure function of its
 * number, so a second run adds only the missing ones. Returns how many it added.
 */
export async function seedSynthetic(pool: pg.Pool, n: number, log: (message: string) => void): Promise<number> {
  const comuni = (
    await pool.query<SyntheticComune>(
      `SELECT "istatCode", name, lat, lon, population, "areaKm2" FROM "Comune" ORDER BY "istatCode"`,
    )
  ).rows;
  if (comuni.length === 0) throw new Error("No comuni: seed the reference data first");
  const present = new Set(
    (await pool.query<{ slug: string }>(`SELECT slug FROM "Organization" WHERE slug LIKE 'sintetica-%'`)).rows.map(
      (r) => r.slug,
    ),
  );
  const missing: number[] = [];
  for (let i = 1; i <= n; i++) if (!present.has(syntheticSlug(i))) missing.push(i);
  log(`synthetic: ${n - missing.length} of ${n} already present, loading ${missing.length}`);

  // Generating the next batch overlaps with the database writing the previous one.
  const lanes = Math.max(1, Math.min(2, pool.options.max ?? 1));
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  let added = 0;
  let measures = 0;
  let logged = 0;
  for (let from = 0; from < missing.length && failure === null; from += BATCH) {
    const batch = generateBatch(missing.slice(from, from + BATCH), comuni);
    const job: Promise<void> = insertBatch(pool, batch)
      .then((rows) => {
        added += rows;
        measures += batch.measures.length;
        if (added - logged >= 20_000 || added === missing.length) {
          logged = added;
          log(`synthetic: ${added} organizations, ${measures} measures`);
        }
      })
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => running.delete(job));
    running.add(job);
    if (running.size >= lanes) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure !== null) throw failure;
  // A register that has been running: the re-verification job (verificationCycleService.ts) has
  // already reminded the entries that are due, so a server started on it has no backlog to mail
  // in its first minutes (the bench measures pages, not 13,000 reminders at 100,000 entries).
  await pool.query(
    `INSERT INTO "VerificationCycle" ("organizationId", "verifiedAt", "remindedAt")
     SELECT id, "lastVerifiedAt", now() AT TIME ZONE 'UTC' FROM "Organization"
     WHERE slug LIKE 'sintetica-%' AND "registryStatus" = 'REGISTERED'
       AND "lastVerifiedAt" < $1::timestamptz AT TIME ZONE 'UTC'
     ON CONFLICT DO NOTHING`,
    [reminderThreshold(new Date()).toISOString()],
  );
  await pool.query(MERGE_PENDING_SEARCH_ENTRIES);
  await pool.query(`ANALYZE "Organization"`);
  await pool.query(`ANALYZE "Measure"`);
  return added;
}

// The unnest() parameters of the two statements above, in order.
// prettier-ignore
const ORGANIZATION_PARAMS = [
  "slug", "vatNumber", "registryNumber", "registeredAt", "lastVerifiedAt", "name", "legalForm", "ateco", "employees",
  "sizeClass", "address", "comuneCode", "lat", "lon", "website", "contactEmail", "description", "welfareStage",
  "titles", "measureTexts",
] as const satisfies readonly (keyof SyntheticOrganization)[];
// prettier-ignore
const MEASURE_PARAMS = [
  "title", "description", "category", "status", "beneficiaries", "openToCitizens", "areaServed",
  "accessConditions", "costToCitizens", "capacity", "startsOn", "endsOn", "partners",
] as const satisfies readonly (keyof SyntheticMeasure)[];

/**
 * Each organization's "measureFacts" as the measures' trigger would compute
 * them (distinct codes, ascending): the trigger then finds nothing to change
 * and the 100,000 wide rows are not written twice.
 */
function measureFactsOf(orgs: SyntheticOrganization[], measures: SyntheticMeasure[]): string[] {
  const codes = new Map<number, Set<number>>();
  for (const m of measures) {
    const code = measureCode({
      category: m.category as MeasureCategory,
      status: m.status as MeasureStatus,
      beneficiaries: m.beneficiaries.replace(/[{}]/g, "").split(",").filter(Boolean) as Beneficiary[],
      openToCitizens: m.openToCitizens,
      currentOutcome: null,
    });
    codes.set(m.orgIndex, (codes.get(m.orgIndex) ?? new Set()).add(code));
  }
  return orgs.map((o) => `{${[...(codes.get(o.index) ?? [])].sort((a, b) => a - b).join(",")}}`);
}

async function insertBatch(pool: pg.Pool, { orgs, measures }: ReturnType<typeof generateBatch>): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // New search entries wait in the GIN index's pending list and are merged once at the
    // end (MERGE_PENDING_SEARCH_ENTRIES) rather than every 4 MB: about 10% less work at 100k.
    await client.query("SET LOCAL gin_pending_list_limit = '1GB'");
    const inserted = await client.query<{ id: number; slug: string }>(INSERT_ORGANIZATIONS, [
      ...ORGANIZATION_PARAMS.map((key) => orgs.map((o) => o[key])),
      measureFactsOf(orgs, measures),
    ]);
    // Organizations skipped by ON CONFLICT (loaded meanwhile by another run) keep that run's measures.
    const idOf = new Map(inserted.rows.map((r) => [r.slug, r.id]));
    const owned = measures.filter((m) => idOf.has(syntheticSlug(m.orgIndex)));
    await client.query(INSERT_MEASURES, [
      owned.map((m) => idOf.get(syntheticSlug(m.orgIndex))),
      ...MEASURE_PARAMS.map((key) => owned.map((m) => m[key])),
    ]);
    await client.query("COMMIT");
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
