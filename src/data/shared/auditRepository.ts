import type { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "./db.js";
import type { AuditedEntity } from "../../domain/vocabulary.js";

export interface AuditInput {
  actor: { id: number; name: string } | null;
  /** Dotted verb, e.g. "application.approve", "organization.suspend". */
  action: string;
  entityType: AuditedEntity;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/** The activity register is append-only: this module has no update or delete. */
export function createAuditRepository(db: Db) {
  function record(entry: AuditInput, tx: Db = db) {
    return tx.auditEntry.create({
      data: {
        actorId: entry.actor?.id ?? null,
        actorLabel: entry.actor?.name ?? "sistema",
        action: entry.action,
        entityType: entry.entityType,
        entityId: String(entry.entityId),
        before: json(entry.before),
        after: json(entry.after),
      },
    });
  }

  return {
    record,
    /**
     * One change, audited in the transaction `tx` that makes it: who did
     * `action` to which entity ([type, id]), its state before and after.
     */
    change(
      tx: Db,
      actor: AuditInput["actor"],
      action: string,
      [entityType, entityId]: [AuditedEntity, string | number],
      before?: unknown,
      after?: unknown,
    ) {
      return record({ actor, action, entityType, entityId, before, after }, tx);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
