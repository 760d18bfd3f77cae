import type pg from "pg";
import type {
  Beneficiary,
  ClassificationOutcome,
  MeasureCategory,
  MeasureStatus,
  SizeClass,
  WelfareStage,
} from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";

export interface OpenDataMeasure {
  id: number;
  title: string;
  description: string;
  category: MeasureCategory;
  status: MeasureStatus;
  beneficiaries: Beneficiary[];
  openToCitizens: boolean;
  areaServed: string;
  accessConditions: string;
  costToCitizens: string;
  capacity: number | null;
  /** YYYY-MM-DD */
  startsOn: string | null;
  endsOn: string | null;
  partners: string;
  currentOutcome: ClassificationOutcome | null;
  /** ISO 8601, UTC */
  updatedAt: string;
}

/** What the open data may show of an organization: its approved, public fields only. */
export interface OpenDataOrganization {
  id: number;
  slug: string;
  registryNumber: string | null;
  registeredAt: Date | null;
  lastVerifiedAt: Date | null;
  name: string;
  legalForm: string;
  vatNumber: string | null;
  atecoSectionCode: string | null;
  sizeClass: SizeClass | null;
  address: string;
  comuneCode: string | null;
  lat: number | null;
  lon: number | null;
  website: string | null;
  contactEmail: string | null;
  phone: string | null;
  description: string;
  welfareStage: WelfareStage;
  updatedAt: Date;
  isDemo: boolean;
  comune: { name: string; cap: string } | null;
  measures: OpenDataMeasure[];
}

const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Representatives (users), reports and advice requests are never read here.
// Stored timestamps are UTC wall-clock values: AT TIME ZONE 'UTC' makes them instants.
const SELECT_PUBLIC = `
  SELECT o.id, o.slug, o."registryNumber",
         o."registeredAt" AT TIME ZONE 'UTC' AS "registeredAt", o."lastVerifiedAt" AT TIME ZONE 'UTC' AS "lastVerifiedAt",
         o.name, o."legalForm", o."vatNumber", o."atecoSectionCode", o."sizeClass", o.address, o."comuneCode",
         o.lat, o.lon, o.website, o."contactEmail", o.phone, o.description, o."welfareStage",
         o."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", o."isDemo",
         CASE WHEN c."istatCode" IS NULL THEN NULL ELSE json_build_object('name', c.name, 'cap', c.cap) END AS comune,
         coalesce((SELECT json_agg(json_build_object(
             'id', m.id, 'title', m.title, 'description', m.description, 'category', m.category, 'status', m.status,
             'beneficiaries', m.beneficiaries, 'openToCitizens', m."openToCitizens", 'areaServed', m."areaServed",
             'accessConditions', m."accessConditions", 'costToCitizens', m."costToCitizens", 'capacity', m.capacity,
             'startsOn', to_char(m."startsOn", 'YYYY-MM-DD'), 'endsOn', to_char(m."endsOn", 'YYYY-MM-DD'),
             'partners', m.partners, 'currentOutcome', m."currentOutcome", 'updatedAt', ${iso('m."updatedAt"')}
           ) ORDER BY m.id) FROM "Measure" m WHERE m."organizationId" = o.id), '[]'::json) AS measures
  FROM "Organization" o LEFT JOIN "Comune" c ON c."istatCode" = o."comuneCode"
  WHERE o."registryStatus" = 'REGISTERED'`;

/**
 * The open data and the API's organization page. Exports read through the pg
 * pool rather than Prisma: a download of 100,000 organizations through
 * Prisma's result mapping left some 150 MB of garbage for V8 to collect, the
 * plain driver about 30 MB (scripts/exportMemory.ts measures it).
 */
export function createOpenDataRepository(db: Db, pool: pg.Pool) {
  return {
    /**
     * The next registered organizations after an id (keyset pagination): an
     * export of any size holds one batch in memory at a time, and on the
     * single embedded connection other requests run between batches.
     */
    async registeredAfter(afterId: number, take: number): Promise<OpenDataOrganization[]> {
      const { rows } = await pool.query<OpenDataOrganization>(`${SELECT_PUBLIC} AND o.id > $1 ORDER BY o.id LIMIT $2`, [
        afterId,
        take,
      ]);
      return rows;
    },

    async registeredBySlug(slug: string): Promise<OpenDataOrganization | undefined> {
      const { rows } = await pool.query<OpenDataOrganization>(`${SELECT_PUBLIC} AND o.slug = $1`, [slug]);
      return rows[0];
    },

    /** When the public register last changed (Last-Modified of the downloads and the catalogue). */
    async lastModified(): Promise<Date | null> {
      const rows = await db.$queryRaw<{ modified: Date | null }[]>`
        SELECT greatest((SELECT max("updatedAt") FROM "Organization"), (SELECT max("updatedAt") FROM "Measure")) AS modified`;
      return rows[0]?.modified ?? null;
    },

    /** When the oldest registration still public was made (dct:issued of the catalogue). */
    async firstRegistered(): Promise<Date | null> {
      const rows = await db.$queryRaw<{ issued: Date | null }[]>`
        SELECT min("registeredAt") AS issued FROM "Organization" WHERE "registryStatus" = 'REGISTERED'`;
      return rows[0]?.issued ?? null;
    },
  };
}

export type OpenDataRepository = ReturnType<typeof createOpenDataRepository>;
