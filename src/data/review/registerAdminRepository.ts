import { companyUsersAsRecipients } from "../shared/outboxRepository.js";
import type { Prisma, RegistryStatus } from "../../generated/prisma/client.js";
import { refreshSearchData } from "../registry/searchIndexRepository.js";
import type { Db } from "../shared/db.js";
import { keysetWindow, pageWindow, staffPage } from "../../domain/staffPaging.js";
import { organizationMatching } from "./staffSearch.js";

export interface RegisterFilters {
  status?: RegistryStatus | undefined;
  /** Only entries last verified before this date (or never). */
  verifiedBefore?: Date | undefined;
  /** A part of the name, the Partita IVA or the registry number (staffSearch.ts). */
  text?: string | undefined;
}

const listSelect = {
  id: true,
  name: true,
  slug: true,
  registryNumber: true,
  vatNumber: true,
  registryStatus: true,
  lastVerifiedAt: true,
  comune: { select: { name: true } },
} as const;

function registerWhere(f: RegisterFilters): Prisma.OrganizationWhereInput {
  const where: Prisma.OrganizationWhereInput[] = [{ registryStatus: f.status ?? { in: ["REGISTERED", "SUSPENDED"] } }];
  if (f.verifiedBefore) where.push({ OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: f.verifiedBefore } }] });
  if (f.text) where.push(organizationMatching(f.text));
  return { AND: where };
}

/** The register as staff keep it: verification, suspension, classification of measures. */
export function createRegisterAdminRepository(db: Db) {
  return {
    /** One page of the register as staff filter it, least recently verified first, and its total. */
    async list(f: RegisterFilters, page = 1) {
      const where = registerWhere(f);
      const [total, items] = await Promise.all([
        db.organization.count({ where }),
        db.organization.findMany({
          where,
          select: listSelect,
          orderBy: [{ lastVerifiedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
    },

    /** The entries that match after an id, in id order: the CSV download (keysetBatches.ts). */
    exportAfter(f: RegisterFilters, afterId: number, take: number) {
      return db.organization.findMany({ ...keysetWindow(registerWhere(f), afterId, take), select: listSelect });
    },

    countStale(verifiedBefore: Date) {
      return db.organization.count({
        where: {
          registryStatus: "REGISTERED",
          OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: verifiedBefore } }],
        },
      });
    },

    detail(id: number) {
      return db.organization.findUnique({
        where: { id },
        include: {
          comune: true,
          measures: {
            orderBy: { id: "asc" },
            include: {
              classifications: {
                orderBy: [{ createdAt: "desc" }, { id: "desc" }],
                include: { reviewer: { select: { name: true } } },
              },
            },
          },
          applications: {
            orderBy: { createdAt: "desc" },
            select: { id: true, kind: true, status: true, submittedAt: true },
          },
        },
      });
    },

    status(id: number, tx: Db = db) {
      return tx.organization.findUnique({
        where: { id },
        select: {
          id: true,
          name: true,
          registryStatus: true,
          lastVerifiedAt: true,
          // who hears of a suspension or reinstatement (decisionMails.recipients)
          contactEmail: true,
          users: companyUsersAsRecipients,
        },
      });
    },

    /** What a bulk verification checks of each selected entry. */
    statuses(ids: number[], tx: Db = db) {
      return tx.organization.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, registryStatus: true, lastVerifiedAt: true },
      });
    },

    /** Moves the status only from `from`, so two staff members cannot both suspend. */
    /** The status and, with it, the search text of the members of the networks it leads. */
    async changeStatus(id: number, from: RegistryStatus, to: RegistryStatus, tx: Db = db) {
      const { count } = await tx.organization.updateMany({
        where: { id, registryStatus: from },
        data: { registryStatus: to },
      });
      if (count === 1) await refreshSearchData(tx, [id]);
      return count === 1;
    },

    verify(id: number, at: Date, tx: Db = db) {
      return tx.organization.update({ where: { id }, data: { lastVerifiedAt: at }, select: { lastVerifiedAt: true } });
    },

    measure(id: number, tx: Db = db) {
      return tx.measure.findUnique({
        where: { id },
        select: { id: true, organizationId: true, title: true, currentOutcome: true },
      });
    },

    addClassification(data: Prisma.ClassificationUncheckedCreateInput, tx: Db = db) {
      return tx.classification.create({ data });
    },

    /**
     * The classification queue: measures of registered organizations never
     * classified or to re-examine (UNDER_REVIEW), the longest waiting first.
     */
    async classificationQueue(page: number) {
      const where = {
        organization: { registryStatus: "REGISTERED" as const },
        OR: [{ currentOutcome: null }, { currentOutcome: "UNDER_REVIEW" as const }],
      };
      const [total, measures] = await Promise.all([
        db.measure.count({ where }),
        db.measure.findMany({
          where,
          orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
          ...pageWindow(page),
          select: {
            id: true,
            title: true,
            category: true,
            currentOutcome: true,
            updatedAt: true,
            organization: { select: { id: true, name: true } },
          },
        }),
      ]);
      return staffPage(measures, total, page);
    },

    setCurrentOutcome(measureId: number, outcome: Prisma.MeasureUpdateInput["currentOutcome"], tx: Db = db) {
      return tx.measure.update({ where: { id: measureId }, data: { currentOutcome: outcome } });
    },
  };
}

export type RegisterAdminRepository = ReturnType<typeof createRegisterAdminRepository>;
