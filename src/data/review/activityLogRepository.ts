import type { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";

export interface ActivityFilters {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Reads the append-only activity register (auditRepository writes it); no update, no delete. */
export function createActivityLogRepository(db: Db) {
  return {
    list(f: ActivityFilters, take = 100, skip = 0) {
      const where: Prisma.AuditEntryWhereInput = {
        ...(f.action ? { action: { startsWith: f.action } } : {}),
        ...(f.entityType ? { entityType: f.entityType } : {}),
        ...(f.entityId ? { entityId: f.entityId } : {}),
        ...(f.actor ? { actorLabel: { contains: f.actor, mode: "insensitive" as const } } : {}),
        ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
      };
      return db.auditEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, skip });
    },
  };
}

export type ActivityLogRepository = ReturnType<typeof createActivityLogRepository>;
