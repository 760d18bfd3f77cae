import type pg from "pg";
import { Prisma } from "../../generated/prisma/client.js";
import { rawQuery } from "../../db/rawQuery.js";
import type { Db } from "../shared/db.js";
import { publicNetwork } from "../territory/networkVisibility.js";
import { latestClassification } from "../territory/networkRepository.js";

const publicOrganization = { registryStatus: "REGISTERED" } as const;

/** The public services staff accepted to work with a measure (serviceIntegrationService.ts). */
const acceptedIntegrations = {
  where: { status: "ACCEPTED" as const },
  orderBy: [{ decidedAt: "asc" as const }, { id: "asc" as const }],
  select: { id: true, serviceName: true, contact: true, comune: { select: { name: true } } },
};

/**
 * The columns a public page never shows, left out of what it reads: staff notes
 * and reviewers, search internals, the keys of the relations it reads, and
 * bookkeeping dates. A third fewer values for PostgreSQL to put into the page's
 * JSON and for the server to parse (and none of them can reach a template).
 */
const omitted = {
  organization: {
    taxCode: true,
    registryStatus: true,
    atecoSectionCode: true,
    comuneCode: true,
    welfareStage: true,
    measureFacts: true,
    createdAt: true,
    updatedAt: true,
  },
  comune: { istatCode: true, lat: true, lon: true, population: true, areaKm2: true },
  measure: {
    organizationId: true,
    networkId: true,
    networkReview: true,
    reviewNote: true,
    createdAt: true,
    updatedAt: true,
  },
  classification: {
    measureId: true,
    openToCitizens: true,
    integratesPublicService: true,
    wellbeingImpact: true,
    continuity: true,
    thirdSectorPartnership: true,
    reviewerId: true,
  },
  network: { description: true, leadOrganizationId: true, isDemo: true, createdAt: true, updatedAt: true },
  improvementGoal: { organizationId: true, progressAt: true, closedAt: true, createdAt: true, updatedAt: true },
} satisfies {
  organization: Prisma.OrganizationOmit;
  comune: Prisma.ComuneOmit;
  measure: Prisma.MeasureOmit;
  classification: Prisma.ClassificationOmit;
  network: Prisma.NetworkOmit;
  improvementGoal: Prisma.ImprovementGoalOmit;
};

const latestPublicClassification = {
  classifications: { ...latestClassification.classifications, omit: omitted.classification },
};

/**
 * What a public organization page reads, as Prisma query arguments: the type
 * of the page (`PublicOrganizationRow`), and the reference the hand-written
 * statement below is tested against (tests/integration/organizationPageQueries.test.ts).
 */
export const publicPageQuery = {
  omit: omitted.organization,
  include: {
    comune: { omit: omitted.comune },
    atecoSection: true,
    measures: {
      orderBy: [{ status: "asc" }, { category: "asc" }, { title: "asc" }],
      omit: omitted.measure,
      include: { ...latestPublicClassification, integrations: acceptedIntegrations },
    },
    // shown only while the firm consents (publishPlan); the goals not met stay private
    improvementGoals: {
      where: { status: { not: "NOT_MET" } },
      orderBy: [{ status: "asc" }, { dueOn: "asc" }],
      omit: omitted.improvementGoal,
    },
    // the Pact badge: a confirmed signature
    pactSignatures: {
      where: { status: "CONFIRMED" },
      orderBy: { signedOn: "asc" },
      take: 1,
      select: { signedOn: true },
    },
    networks: {
      where: { status: "ACTIVE", network: publicNetwork },
      orderBy: { network: { name: "asc" } },
      select: {
        network: {
          omit: omitted.network,
          include: {
            measures: {
              where: { networkReview: "APPROVED" },
              orderBy: { title: "asc" },
              omit: omitted.measure,
              include: latestPublicClassification,
            },
          },
        },
      },
    },
  },
} satisfies Pick<Prisma.OrganizationFindFirstArgs, "omit" | "include">;

type PublicOrganizationRow = Prisma.OrganizationGetPayload<typeof publicPageQuery>;

/**
 * A row as a JSON object of its model's scalar fields but the `omit`ted ones
 * (Prisma's list, so a new column comes along; the tsvector and cube columns
 * Prisma does not read stay out), plus `extra` pairs. `json`, not `jsonb`:
 * built as text, it cost the page's statement a third less than
 * `to_jsonb(row) - 'searchVector'`, which spelled out the tsvector only to drop
 * it and built binary objects only to print them (0.30 vs 0.47 ms a page for
 * one client at 100,000 organizations, round trip included, 2026-12-06).
 * json_build_object takes at most 100 arguments: 50 fields and pairs.
 */
const objectOf = (alias: string, fields: Record<string, string>, omit: Record<string, boolean>, extra = "") =>
  `json_build_object(${Object.values(fields)
    .filter((field) => !omit[field])
    .map((field) => `'${field}', ${alias}."${field}"`)
    .join(", ")}${extra && `, ${extra}`})`;
const latestClassificationOf = (measure: string) =>
  `COALESCE((SELECT json_build_array(${objectOf("k", Prisma.ClassificationScalarFieldEnum, omitted.classification)})
    FROM "Classification" k WHERE k."measureId" = ${measure}.id ORDER BY k."createdAt" DESC, k.id DESC LIMIT 1), '[]')`;

/**
 * `publicPageQuery` in one statement written by hand, each relation a JSON
 * aggregate: Prisma's client spent 1.65 ms of CPU per page turning its relation
 * joins into objects (half of the page's cost at 100,000 organizations), this
 * one and `revive` well under half of that. Same rows, same order, same shape.
 */
const PUBLIC_PAGE = `
  SELECT ${objectOf(
    "o",
    Prisma.OrganizationScalarFieldEnum,
    omitted.organization,
    `
    'comune', (SELECT ${objectOf("c", Prisma.ComuneScalarFieldEnum, omitted.comune)} FROM "Comune" c WHERE c."istatCode" = o."comuneCode"),
    'atecoSection', (SELECT ${objectOf("a", Prisma.AtecoSectionScalarFieldEnum, {})} FROM "AtecoSection" a
                     WHERE a.code = o."atecoSectionCode"),
    'measures', COALESCE((
      SELECT json_agg(${objectOf(
        "m",
        Prisma.MeasureScalarFieldEnum,
        omitted.measure,
        `
        'classifications', ${latestClassificationOf("m")},
        'integrations', COALESCE((
          SELECT json_agg(json_build_object('id', i.id, 'serviceName', i."serviceName", 'contact', i.contact,
                                            'comune', json_build_object('name', ic.name))
                          ORDER BY i."decidedAt", i.id)
          FROM "ServiceIntegration" i JOIN "Comune" ic ON ic."istatCode" = i."comuneCode"
          WHERE i."measureId" = m.id AND i.status = 'ACCEPTED'), '[]')`,
      )}
        ORDER BY m.status, m.category, m.title)
      FROM "Measure" m WHERE m."organizationId" = o.id), '[]'),
    'improvementGoals', COALESCE((
      SELECT json_agg(${objectOf("g", Prisma.ImprovementGoalScalarFieldEnum, omitted.improvementGoal)} ORDER BY g.status, g."dueOn")
      FROM "ImprovementGoal" g WHERE g."organizationId" = o.id AND g.status <> 'NOT_MET'), '[]'),
    'pactSignatures', COALESCE((
      SELECT json_agg(json_build_object('signedOn', s."signedOn"))
      FROM (SELECT "signedOn" FROM "PactSignature" WHERE "organizationId" = o.id AND status = 'CONFIRMED'
            ORDER BY "signedOn" LIMIT 1) s), '[]'),
    'networks', COALESCE((
      SELECT json_agg(json_build_object('network', ${objectOf(
        "n",
        Prisma.NetworkScalarFieldEnum,
        omitted.network,
        `'measures', COALESCE((
          SELECT json_agg(${objectOf("nm", Prisma.MeasureScalarFieldEnum, omitted.measure, `'classifications', ${latestClassificationOf("nm")}`)}
                          ORDER BY nm.title)
          FROM "Measure" nm WHERE nm."networkId" = n.id AND nm."networkReview" = 'APPROVED'), '[]')`,
      )}) ORDER BY n.name)
      FROM "NetworkMembership" ms JOIN "Network" n ON n.id = ms."networkId"
      JOIN "Organization" lead ON lead.id = n."leadOrganizationId" AND lead."registryStatus" = 'REGISTERED'
      WHERE ms."organizationId" = o.id AND ms.status = 'ACTIVE'), '[]')`,
  )} AS page
  FROM "Organization" o WHERE o.slug = `;
const publicPageStatement = (slug: string) =>
  Prisma.sql`${Prisma.raw(PUBLIC_PAGE)}${slug} AND o."registryStatus" = 'REGISTERED'`;

/**
 * The DateTime fields the page reads (not `omitted`): JSON has their text,
 * Prisma gives Dates. A new DateTime column of these models belongs here (the
 * test that compares the page with Prisma's query fails otherwise).
 */
const DATE_FIELDS = new Set(["createdAt", "registeredAt", "lastVerifiedAt", "startsOn", "endsOn", "dueOn", "signedOn"]);

/** The scalar lists of those models: a NULL column is an empty list to Prisma. */
const LIST_FIELDS = new Set(["beneficiaries"]);

/**
 * Prisma's values back from JSON: dates from their text (a timestamp(3) column
 * is UTC without a zone, a date column a day), NULL lists as empty ones.
 */
function revive<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === "string" && DATE_FIELDS.has(key)) record[key] = new Date(v.length === 10 ? v : `${v}Z`);
      else if (v === null && LIST_FIELDS.has(key)) record[key] = [];
      else if (v !== null && typeof v === "object") record[key] = revive(v);
    }
  }
  return value;
}

/** `pool`: the public organization page's statement goes through node-postgres itself (rawQuery). */
export function createOrganizationRepository(db: Db, pool: pg.Pool) {
  return {
    /**
     * A public organization page: approved data of a registered organization
     * only, with the public networks it is an active member of. One statement,
     * whatever the number of measures, classifications and networks: nine round
     * trips made the page cost seven layout pages.
     */
    async findPublicBySlug(slug: string) {
      const [row] = await rawQuery<{ page: PublicOrganizationRow }>(pool, publicPageStatement(slug));
      const org = row ? revive(row.page) : undefined;
      // Approval guarantees the identity fields; the types learn it here.
      const { vatNumber, comune, lat, lon } = org ?? {};
      if (!org || !vatNumber || !comune || lat == null || lon == null) return null;
      return { ...org, vatNumber, comune, lat, lon, networks: org.networks.map((m) => m.network) };
    },

    latestRegistered(take: number) {
      return db.organization.findMany({
        where: publicOrganization,
        orderBy: [{ registeredAt: "desc" }, { id: "desc" }],
        take,
        select: { slug: true, name: true, registeredAt: true, comune: { select: { name: true } } },
      });
    },

    async publicCounts() {
      const [organizations, measures, openMeasures, byCategory] = await Promise.all([
        db.organization.count({ where: publicOrganization }),
        db.measure.count({ where: { organization: publicOrganization } }),
        db.measure.count({ where: { organization: publicOrganization, openToCitizens: true } }),
        db.measure.groupBy({ by: ["category"], where: { organization: publicOrganization }, _count: { _all: true } }),
      ]);
      return {
        organizations,
        measures,
        openMeasures,
        byCategory: Object.fromEntries(byCategory.map((row) => [row.category, row._count._all])),
      };
    },
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
