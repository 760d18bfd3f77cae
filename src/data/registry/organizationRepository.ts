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
 * What a public organization page reads, as a Prisma include: the type of the
 * page (`PublicOrganizationRow`), and the reference the hand-written statement
 * below is tested against (tests/integration/organizationPageQueries.test.ts).
 */
export const publicPageInclude = {
  comune: true,
  atecoSection: true,
  measures: {
    orderBy: [{ status: "asc" }, { category: "asc" }, { title: "asc" }],
    include: { ...latestClassification, integrations: acceptedIntegrations },
  },
  // shown only while the firm consents (publishPlan); the goals not met stay private
  improvementGoals: { where: { status: { not: "NOT_MET" } }, orderBy: [{ status: "asc" }, { dueOn: "asc" }] },
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
        include: {
          measures: {
            where: { networkReview: "APPROVED" },
            orderBy: { title: "asc" },
            include: latestClassification,
          },
        },
      },
    },
  },
} satisfies Prisma.OrganizationInclude;

type PublicOrganizationRow = Prisma.OrganizationGetPayload<{ include: typeof publicPageInclude }>;

/** A row as JSON, without the columns Prisma does not read (tsvector, cube). */
const rowOf = (alias: string) => Prisma.raw(`(to_jsonb(${alias}) - 'searchVector' - 'earthPoint')`);
const latestClassificationOf = (measure: string) =>
  Prisma.raw(`COALESCE((SELECT jsonb_agg(to_jsonb(k)) FROM (SELECT * FROM "Classification"
    WHERE "measureId" = ${measure}.id ORDER BY "createdAt" DESC, id DESC LIMIT 1) k), '[]')`);

/**
 * `publicPageInclude` in one statement written by hand, each relation a JSON
 * aggregate: Prisma's client spent 1.65 ms of CPU per page turning its relation
 * joins into objects (half of the page's cost at 100,000 organizations), this
 * one and `revive` well under half of that. Same rows, same order, same shape.
 */
const publicPageStatement = (slug: string) => Prisma.sql`
  SELECT ${rowOf("o")} || jsonb_build_object(
    'comune', (SELECT to_jsonb(c) FROM "Comune" c WHERE c."istatCode" = o."comuneCode"),
    'atecoSection', (SELECT to_jsonb(a) FROM "AtecoSection" a WHERE a.code = o."atecoSectionCode"),
    'measures', COALESCE((
      SELECT jsonb_agg(to_jsonb(m) || jsonb_build_object(
        'classifications', ${latestClassificationOf("m")},
        'integrations', COALESCE((
          SELECT jsonb_agg(jsonb_build_object('id', i.id, 'serviceName', i."serviceName", 'contact', i.contact,
                                              'comune', jsonb_build_object('name', ic.name))
                           ORDER BY i."decidedAt", i.id)
          FROM "ServiceIntegration" i JOIN "Comune" ic ON ic."istatCode" = i."comuneCode"
          WHERE i."measureId" = m.id AND i.status = 'ACCEPTED'), '[]'))
        ORDER BY m.status, m.category, m.title)
      FROM "Measure" m WHERE m."organizationId" = o.id), '[]'),
    'improvementGoals', COALESCE((
      SELECT jsonb_agg(to_jsonb(g) ORDER BY g.status, g."dueOn")
      FROM "ImprovementGoal" g WHERE g."organizationId" = o.id AND g.status <> 'NOT_MET'), '[]'),
    'pactSignatures', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('signedOn', s."signedOn"))
      FROM (SELECT "signedOn" FROM "PactSignature" WHERE "organizationId" = o.id AND status = 'CONFIRMED'
            ORDER BY "signedOn" LIMIT 1) s), '[]'),
    'networks', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('network', to_jsonb(n) || jsonb_build_object('measures', COALESCE((
          SELECT jsonb_agg(to_jsonb(nm) || jsonb_build_object('classifications', ${latestClassificationOf("nm")})
                           ORDER BY nm.title)
          FROM "Measure" nm WHERE nm."networkId" = n.id AND nm."networkReview" = 'APPROVED'), '[]')))
        ORDER BY n.name)
      FROM "NetworkMembership" ms JOIN "Network" n ON n.id = ms."networkId"
      JOIN "Organization" lead ON lead.id = n."leadOrganizationId" AND lead."registryStatus" = 'REGISTERED'
      WHERE ms."organizationId" = o.id AND ms.status = 'ACTIVE'), '[]')
  ) AS page
  FROM "Organization" o WHERE o.slug = ${slug} AND o."registryStatus" = 'REGISTERED'`;

/**
 * The DateTime fields of the models the page reads: JSON has their text, Prisma
 * gives Dates. A new DateTime column of these models belongs here (the test that
 * compares the page with Prisma's include fails otherwise).
 */
const DATE_FIELDS = new Set([
  "createdAt",
  "updatedAt",
  "registeredAt",
  "lastVerifiedAt",
  "startsOn",
  "endsOn",
  "dueOn",
  "progressAt",
  "closedAt",
  "signedOn",
]);

/** The scalar lists of those models: a NULL column is an empty list to Prisma. */
const LIST_FIELDS = new Set(["beneficiaries", "measureFacts"]);

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
