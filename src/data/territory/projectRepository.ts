import type { SignatoryType } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";

/** A partner of the project as staff enter it (its texts are in SiteContent: shared/siteContentRepository.ts). */
export interface PartnerData {
  kind: SignatoryType;
  name: string;
  website: string | null;
  roleIt: string;
  roleEn: string;
  referent: string;
}

const fields = { id: true, kind: true, name: true, website: true, roleIt: true, roleEn: true, referent: true } as const;

/** The partners of the project shown on /progetto. */
export function createProjectRepository(db: Db) {
  return {
    partners() {
      return db.projectPartner.findMany({ select: fields, orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }] });
    },
    findPartner(id: number, tx: Db = db) {
      return tx.projectPartner.findUnique({ where: { id }, select: fields });
    },
    createPartner(data: PartnerData, tx: Db = db) {
      return tx.projectPartner.create({ data, select: fields });
    },
    updatePartner(id: number, data: PartnerData, tx: Db = db) {
      return tx.projectPartner.update({ where: { id }, data, select: fields });
    },
    deletePartner(id: number, tx: Db = db) {
      return tx.projectPartner.delete({ where: { id } });
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
