import type { Prisma } from "../../generated/prisma/client.js";
import type { MembershipStatus, NetworkMeasureReview } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";
import { publicNetwork } from "./networkVisibility.js";

const registered = { registryStatus: "REGISTERED" } as const;
const publicMembers = { status: "ACTIVE", organization: registered } as const;
const approvedMeasures = { networkReview: "APPROVED" } as const;
const orgBrief = {
  select: { id: true, name: true, slug: true, registryStatus: true, comune: { select: { name: true } } },
} as const;
/** A measure's current classification: the latest (organization pages use it too). */
export const latestClassification = {
  classifications: { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }], take: 1 },
};

/** Networks of firms, their memberships and their measures (Measure.networkId). */
export function createNetworkRepository(db: Db) {
  return {
    listPublic() {
      return db.network.findMany({
        where: publicNetwork,
        orderBy: { name: "asc" },
        include: {
          leadOrganization: orgBrief,
          _count: { select: { members: { where: publicMembers }, measures: { where: approvedMeasures } } },
        },
      });
    },

    findPublicBySlug(slug: string) {
      return db.network.findFirst({
        where: { slug, ...publicNetwork },
        include: {
          leadOrganization: orgBrief,
          members: {
            where: publicMembers,
            include: { organization: orgBrief },
            orderBy: { organization: { name: "asc" } },
          },
          measures: { where: approvedMeasures, orderBy: { title: "asc" }, include: latestClassification },
        },
      });
    },

    /** Every public network with this organization's membership, for the company area. */
    forCompany(organizationId: number) {
      return db.network.findMany({
        where: publicNetwork,
        orderBy: { name: "asc" },
        include: {
          leadOrganization: orgBrief,
          members: { where: { organizationId } },
        },
      });
    },

    /** A network as its lead sees it in the company area. */
    ledBy(slug: string, organizationId: number) {
      return db.network.findFirst({
        where: { slug, leadOrganizationId: organizationId },
        include: {
          members: { include: { organization: orgBrief }, orderBy: { requestedAt: "asc" } },
          measures: { orderBy: { id: "desc" } },
        },
      });
    },

    listAll() {
      return db.network.findMany({
        orderBy: { name: "asc" },
        include: {
          leadOrganization: orgBrief,
          members: { select: { status: true } },
          measures: { select: { networkReview: true } },
        },
      });
    },

    findById(id: number) {
      return db.network.findUnique({
        where: { id },
        include: {
          leadOrganization: orgBrief,
          members: { include: { organization: orgBrief }, orderBy: [{ status: "asc" }, { requestedAt: "asc" }] },
          measures: {
            orderBy: { id: "desc" },
            include: {
              classifications: {
                orderBy: [{ createdAt: "desc" }, { id: "desc" }],
                include: { reviewer: { select: { name: true } } },
              },
            },
          },
        },
      });
    },

    bySlug(slug: string, tx: Db = db) {
      return tx.network.findUnique({ where: { slug } });
    },
    byId(id: number, tx: Db = db) {
      return tx.network.findUnique({ where: { id } });
    },

    registeredOrganizations() {
      return db.organization.findMany({
        where: registered,
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      });
    },

    organization(id: number, tx: Db = db) {
      return tx.organization.findUnique({ where: { id }, select: { id: true, name: true, registryStatus: true } });
    },

    create(data: { slug: string; name: string; description: string; leadOrganizationId: number }, tx: Db = db) {
      return tx.network.create({ data });
    },

    membership(networkId: number, organizationId: number, tx: Db = db) {
      return tx.networkMembership.findUnique({ where: { networkId_organizationId: { networkId, organizationId } } });
    },

    /** Creates or reopens a membership (after REJECTED or LEFT). */
    putMembership(networkId: number, organizationId: number, status: MembershipStatus, tx: Db = db) {
      const decidedAt = status === "REQUESTED" ? null : new Date();
      return tx.networkMembership.upsert({
        where: { networkId_organizationId: { networkId, organizationId } },
        create: { networkId, organizationId, status, decidedAt },
        update: { status, decidedAt, requestedAt: new Date() },
      });
    },

    /** Moves a membership only from the expected status, so concurrent decisions cannot both win. */
    async moveMembership(
      networkId: number,
      organizationId: number,
      from: MembershipStatus,
      to: MembershipStatus,
      tx: Db = db,
    ) {
      const { count } = await tx.networkMembership.updateMany({
        where: { networkId, organizationId, status: from },
        data: { status: to, decidedAt: new Date() },
      });
      return count === 1;
    },

    async activeMemberIds(networkId: number, tx: Db = db) {
      const rows = await tx.networkMembership.findMany({
        where: { networkId, status: "ACTIVE" },
        select: { organizationId: true },
      });
      return rows.map((r) => r.organizationId);
    },

    createMeasure(
      networkId: number,
      data: Omit<Prisma.MeasureUncheckedCreateInput, "networkId" | "organizationId">,
      tx: Db = db,
    ) {
      return tx.measure.create({ data: { ...data, networkId, organizationId: null, networkReview: "PROPOSED" } });
    },

    measure(id: number, tx: Db = db) {
      return tx.measure.findFirst({
        where: { id, networkId: { not: null } },
        select: { id: true, networkId: true, title: true, networkReview: true, currentOutcome: true },
      });
    },

    async reviewMeasure(
      id: number,
      from: NetworkMeasureReview,
      to: NetworkMeasureReview,
      note: string | null,
      tx: Db = db,
    ) {
      const { count } = await tx.measure.updateMany({
        where: { id, networkReview: from },
        data: { networkReview: to, reviewNote: note },
      });
      return count === 1;
    },
  };
}

export type NetworkRepository = ReturnType<typeof createNetworkRepository>;
