import type { IntegrationStatus } from "../../generated/prisma/enums.js";
import { pageWindow, staffPage } from "../../domain/staffPaging.js";
import type { Db } from "../shared/db.js";

export interface NewIntegration {
  measureId: number;
  measureTitle: string;
  comuneCode: string;
  serviceName: string;
  description: string;
  contact: string;
  proposerId: number;
}

const include = {
  comune: { select: { name: true } },
  proposer: { select: { id: true, name: true, email: true, language: true } },
  decidedBy: { select: { name: true } },
  measure: { select: { id: true, title: true, organization: { select: { id: true, name: true, slug: true } } } },
} as const;

/** Public services of local authorities proposed to work with firms' measures, and the staff's decisions. */
export function createServiceIntegrationRepository(db: Db) {
  return {
    create(data: NewIntegration, tx: Db = db) {
      return tx.serviceIntegration.create({ data });
    },

    find(id: number, tx: Db = db) {
      return tx.serviceIntegration.findUnique({ where: { id }, include });
    },

    /** What a local authority's account proposed, newest first. */
    ofProposer(proposerId: number) {
      return db.serviceIntegration.findMany({
        where: { proposerId },
        include,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
    },

    /** The staff's queue: proposals waiting (oldest first) or, with `status`, decided ones (newest first). */
    async list(status: IntegrationStatus, page: number) {
      const where = { status };
      const createdAt = status === "PROPOSED" ? ("asc" as const) : ("desc" as const);
      const [total, items] = await Promise.all([
        db.serviceIntegration.count({ where }),
        db.serviceIntegration.findMany({
          where,
          include,
          orderBy: [{ createdAt }, { id: createdAt }],
          ...pageWindow(page),
        }),
      ]);
      return staffPage(items, total, page);
    },

    countProposed() {
      return db.serviceIntegration.count({ where: { status: "PROPOSED" } });
    },

    /** Decides a proposal only while it waits, so two staff members cannot both decide it. */
    async decide(
      id: number,
      data: { status: "ACCEPTED" | "DECLINED"; decidedById: number; decisionComment: string | null },
      tx: Db = db,
    ) {
      const { count } = await tx.serviceIntegration.updateMany({
        where: { id, status: "PROPOSED" },
        data: { ...data, decidedAt: new Date() },
      });
      return count === 1;
    },
  };
}

export type ServiceIntegrationRepository = ReturnType<typeof createServiceIntegrationRepository>;
