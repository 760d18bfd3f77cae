import { companyUsersAsRecipients } from "../shared/outboxRepository.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";
import { pageWindow, staffPage } from "../../domain/staffPaging.js";

/** A mark set once per cycle (VerificationCycle's columns). */
export type CycleMark = "remindedAt" | "confirmedAt" | "staffAlertedAt";

/** An entry's cycle: the entry and the verification the cycle follows. */
export interface ClaimedEntry {
  organizationId: number;
  verifiedAt: Date;
}

/** Who hears of an entry: its name, its active company accounts (with their language), its contact address. */
const mailedCompany = {
  id: true,
  name: true,
  contactEmail: true,
  lastVerifiedAt: true,
  users: companyUsersAsRecipients,
} as const;

/**
 * The staff queue: registered entries whose company confirmed its data in the
 * current cycle (the one that follows the last verification), and entries not
 * verified since `overdueBefore`.
 */
const inQueue = (overdueBefore: Date) => Prisma.sql`
  FROM "Organization" o
  LEFT JOIN "VerificationCycle" c ON c."organizationId" = o.id AND c."verifiedAt" = o."lastVerifiedAt"
  WHERE o."registryStatus" = 'REGISTERED'
    AND (c."confirmedAt" IS NOT NULL OR o."lastVerifiedAt" < ${overdueBefore}::timestamp)`;

const countQueue = (db: Db, overdueBefore: Date) =>
  db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${inQueue(overdueBefore)}`.then(
    (rows) => rows[0]?.total ?? 0,
  );

/** The re-verification cycle of registered entries (src/domain/verification.ts). */
export function createVerificationCycleRepository(db: Db) {
  return {
    /**
     * Sets `mark` on the current cycle of registered entries last verified before
     * `olderThan` (at most `limit`, or only `organizationId`) where it is not set
     * yet, and answers those entries. One statement, so it is the claim: an
     * instance running the same claim at the same moment waits for this one's
     * transaction and then finds the mark set (the conflict's WHERE), and gets nothing.
     * `after`: the last entry a previous batch of the same run claimed, so that the
     * batches walk the index once ("registryStatus", "lastVerifiedAt", id) instead
     * of each one probing every entry claimed before it (at 100,000 entries with a
     * backlog of 70,000 the job held a PostgreSQL core for minutes).
     */
    claim(
      mark: CycleMark,
      c: { olderThan: Date; now: Date; limit: number; organizationId?: number; after?: ClaimedEntry },
      tx: Db = db,
    ): Promise<ClaimedEntry[]> {
      const column = Prisma.raw(`"${mark}"`);
      const only = c.organizationId === undefined ? Prisma.empty : Prisma.sql`AND o.id = ${c.organizationId}`;
      const after = c.after
        ? Prisma.sql`AND (o."lastVerifiedAt", o.id) > (${c.after.verifiedAt}::timestamp, ${c.after.organizationId})`
        : Prisma.empty;
      return tx.$queryRaw`
        INSERT INTO "VerificationCycle" AS vc ("organizationId", "verifiedAt", ${column})
        SELECT o.id, o."lastVerifiedAt", ${c.now}::timestamp
        FROM "Organization" o
        WHERE o."registryStatus" = 'REGISTERED' AND o."lastVerifiedAt" < ${c.olderThan}::timestamp ${only} ${after}
          AND NOT EXISTS (SELECT 1 FROM "VerificationCycle" done
                          WHERE done."organizationId" = o.id AND done."verifiedAt" = o."lastVerifiedAt"
                            AND done.${column} IS NOT NULL)
        ORDER BY o."lastVerifiedAt", o.id
        LIMIT ${c.limit}
        ON CONFLICT ("organizationId", "verifiedAt") DO UPDATE SET ${column} = EXCLUDED.${column}
          WHERE vc.${column} IS NULL
        RETURNING vc."organizationId" AS "organizationId", vc."verifiedAt" AS "verifiedAt"`;
    },

    companies(ids: number[], tx: Db = db) {
      return tx.organization.findMany({ where: { id: { in: ids } }, select: mailedCompany, orderBy: { id: "asc" } });
    },

    /** The current cycle of an entry, if anything happened in it. */
    cycle(organizationId: number, verifiedAt: Date, tx: Db = db) {
      return tx.verificationCycle.findUnique({ where: { organizationId_verifiedAt: { organizationId, verifiedAt } } });
    },

    /**
     * Records the staff's verification of entries whose company confirmed its data
     * in the current cycle; answers those entries with the cycle they close. The
     * new lastVerifiedAt starts a new cycle, so the confirmation is no longer
     * pending; a second member of staff confirming the same entries at the same
     * moment waits for this update and then finds nothing left to confirm.
     */
    verifyConfirmed(ids: number[], now: Date, tx: Db = db) {
      return tx.$queryRaw<{ id: number; previous: Date; confirmedAt: Date }[]>`
        UPDATE "Organization" o SET "lastVerifiedAt" = ${now}::timestamp, "updatedAt" = ${now}::timestamp
        FROM "VerificationCycle" c
        WHERE o.id = ANY(${ids}::int[]) AND o."registryStatus" = 'REGISTERED'
          AND c."organizationId" = o.id AND c."verifiedAt" = o."lastVerifiedAt" AND c."confirmedAt" IS NOT NULL
        RETURNING o.id, c."verifiedAt" AS previous, c."confirmedAt" AS "confirmedAt"`;
    },

    /** How many entries the staff queue holds. */
    queueTotal: (overdueBefore: Date) => countQueue(db, overdueBefore),

    /** One page of the staff queue, the longest unverified first, overdue entries flagged. */
    async queue(overdueBefore: Date, page: number) {
      const { take, skip } = pageWindow(page);
      const [total, items] = await Promise.all([
        countQueue(db, overdueBefore),
        db.$queryRaw<
          {
            id: number;
            name: string;
            registryNumber: string | null;
            lastVerifiedAt: Date;
            confirmedAt: Date | null;
            overdue: boolean;
          }[]
        >`
          SELECT o.id, o.name, o."registryNumber", o."lastVerifiedAt", c."confirmedAt",
                 o."lastVerifiedAt" < ${overdueBefore}::timestamp AS overdue
          ${inQueue(overdueBefore)}
          ORDER BY o."lastVerifiedAt", o.id
          LIMIT ${take} OFFSET ${skip}`,
      ]);
      return staffPage(items, total, page);
    },
  };
}

export type VerificationCycleRepository = ReturnType<typeof createVerificationCycleRepository>;
