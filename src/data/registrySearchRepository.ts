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
    // earth_box is the index-friendly bounding cube; earth_distance the exact check.
    parts.push(Prisma.sql`earth_box(${earthAt(search.origin)}, ${metres}::float8) @> o."earthPoint"`);
    parts.push(Prisma.sql`earth_distance(ll_to_earth(o.lat, o.lon), ${earthAt(search.origin)}) <= ${metres}::float8`);
  }
  if (search.sizes.length) parts.push(Prisma.sql`o."sizeClass"::text = ANY(${search.sizes}::text[])`);
  if (search.ateco) parts.push(Prisma.sql`o."atecoSectionCode" = ${search.ateco}`);
  if (hasMeasureFilters(search)) {
    const m: Prisma.Sql[] = [Prisma.sql`m."organizationId" = o.id`];
    if (search.categories.length) m.push(Prisma.sql`m.category::text = ANY(${search.categories}::text[])`);
    if (search.openOnly) m.push(Prisma.sql`m."openToCitizens"`);
    if (search.beneficiaries.length) m.push(Prisma.sql`m.beneficiaries::text[] && ${search.beneficiaries}::text[]`);
    if (search.statuses.length) m.push(Prisma.sql`m.status::text = ANY(${search.statuses}::text[])`);
    if (search.territorialOnly) m.push(Prisma.sql`m."currentOutcome" = 'TERRITORIAL_WELFARE'`);
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Measure" m WHERE ${Prisma.join(m, " AND ")})`);
  }
  return Prisma.join(parts, " AND ");
}

export function searchOrder(search: RegistrySearch): Prisma.Sql {
  if (search.sort === "distanza" && search.origin) {
    // The cube <-> operator walks the GiST index nearest first (a KNN scan).
    return Prisma.sql`o."earthPoint" <-> ${earthAt(search.origin)}::cube, o.id`;
  }
  if (search.sort === "rilevanza" && search.text) {
    return Prisma.sql`ts_rank(o."searchVector", ${tsQuery(search.text)}) DESC, o.name, o.id`;
  }
  if (search.sort === "recenti") return Prisma.sql`o."registeredAt" DESC NULLS LAST, o.id DESC`;
  return Prisma.sql`o.name, o.id`;
}

export function createRegistrySearchRepository(db: Db) {
  return {
    async find(search: RegistrySearch, limit: number, offset: number): Promise<OrganizationHit[]> {
      const distance = search.origin
        ? Prisma.sql`earth_distance(ll_to_earth(o.lat, o.lon), ${earthAt(search.origin)}) / 1000`
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
