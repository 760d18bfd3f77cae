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

export function createOrganizationRepository(db: Db) {
  return {
    /**
     * A public organization page: approved data of a registered organization
     * only, with the public networks it is an active member of. One statement
     * (relation joins), whatever the number of measures, classifications and
     * networks: nine round trips made the page cost seven layout pages.
     */
    async findPublicBySlug(slug: string) {
      const org = await db.organization.findFirst({
        relationLoadStrategy: "join",
        where: { slug, ...publicOrganization },
        include: {
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
        },
      });
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
