import type { SignatoryType, SignatureStatus } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";

export interface NewSignature {
  signatoryType: SignatoryType;
  name: string;
  organizationId: number | null;
  status: SignatureStatus;
  signedOn: Date | null;
  commitments: string;
}

/** Signatures of the Pact (its text is in SiteContent: shared/siteContentRepository.ts). */
export function createPactRepository(db: Db) {
  return {
    /** Public: confirmed signatures; a firm's only while it is in the register. */
    confirmed() {
      return db.pactSignature.findMany({
        where: {
          status: "CONFIRMED",
          OR: [{ organizationId: null }, { organization: { registryStatus: "REGISTERED" } }],
        },
        orderBy: [{ signatoryType: "asc" }, { signedOn: "asc" }, { name: "asc" }],
        select: {
          id: true,
          signatoryType: true,
          name: true,
          signedOn: true,
          commitments: true,
          organization: { select: { slug: true } },
        },
      });
    },

    latestOfOrganization(organizationId: number, tx: Db = db) {
      return tx.pactSignature.findFirst({ where: { organizationId }, orderBy: { id: "desc" } });
    },

    openOrConfirmedOf(organizationId: number, tx: Db = db) {
      return tx.pactSignature.findFirst({ where: { organizationId, status: { in: ["REQUESTED", "CONFIRMED"] } } });
    },

    forStaff() {
      return db.pactSignature.findMany({
        orderBy: [{ status: "asc" }, { createdAt: "desc" }],
        include: { organization: { select: { id: true, slug: true, registryStatus: true } } },
        take: 500,
      });
    },

    find(id: number, tx: Db = db) {
      return tx.pactSignature.findUnique({ where: { id } });
    },

    create(data: NewSignature, tx: Db = db) {
      return tx.pactSignature.create({ data });
    },

    /** Decides a request only while it is still a request, so two staff members cannot both decide. */
    async decide(id: number, status: "CONFIRMED" | "REJECTED", signedOn: Date | null, tx: Db = db) {
      const { count } = await tx.pactSignature.updateMany({
        where: { id, status: "REQUESTED" },
        data: { status, signedOn },
      });
      return count === 1;
    },

    /** Locks the organization's row until the transaction ends (call it inside one). */
    async lockOrganization(id: number, tx: Db) {
      await tx.$executeRaw`SELECT 1 FROM "Organization" WHERE id = ${id} FOR UPDATE`;
    },

    organization(id: number, tx: Db = db) {
      return tx.organization.findUnique({
        where: { id },
        select: { id: true, name: true, slug: true, registryStatus: true },
      });
    },
  };
}

export type PactRepository = ReturnType<typeof createPactRepository>;
