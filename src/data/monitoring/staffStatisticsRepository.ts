import type { Db } from "../shared/db.js";

// Figures for staff only (/admin/statistiche): the review workload.

export function createStaffStatisticsRepository(db: Db) {
  return {
    applicationsByStatus() {
      return db.$queryRaw<{ status: string; kind: string; applications: number }[]>`
        SELECT status::text AS status, kind::text AS kind, count(*)::int AS applications
        FROM "Application" GROUP BY status, kind ORDER BY status, kind`;
    },

    /** Days from submission to decision of decided applications: median and 90th percentile. */
    async decisionTimes() {
      const rows = await db.$queryRaw<
        { kind: string; decided: number; medianDays: number | null; p90Days: number | null }[]
      >`
        SELECT kind::text AS kind, count(*)::int AS decided,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS "medianDays",
               percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS "p90Days"
        FROM (SELECT kind, extract(epoch FROM "decidedAt" - "submittedAt") / 86400.0 AS days
              FROM "Application"
              WHERE status IN ('APPROVED', 'REJECTED') AND "submittedAt" IS NOT NULL AND "decidedAt" IS NOT NULL) d
        GROUP BY ROLLUP (kind)
        ORDER BY kind NULLS LAST`;
      // ROLLUP's total row has kind NULL: call it "ALL".
      return rows.map((r) => ({ ...r, kind: r.kind ?? "ALL" }));
    },

    /** Per staff member: applications assigned now (open), ever assigned, decided (approved or rejected), changes asked. */
    reviewerWorkload() {
      return db.$queryRaw<
        {
          id: number;
          name: string;
          role: string;
          openAssigned: number;
          assigned: number;
          decided: number;
          changesRequested: number;
        }[]
      >`
        SELECT u.id, u.name, u.role::text AS role,
               (SELECT count(*) FROM "Application" a
                 WHERE a."assigneeId" = u.id AND a.status IN ('SUBMITTED', 'CHANGES_REQUESTED'))::int AS "openAssigned",
               (SELECT count(*) FROM "Application" a WHERE a."assigneeId" = u.id)::int AS assigned,
               (SELECT count(DISTINCT e."applicationId") FROM "ApplicationEvent" e
                 WHERE e."actorId" = u.id AND e.type IN ('APPROVED', 'REJECTED'))::int AS decided,
               (SELECT count(*) FROM "ApplicationEvent" e
                 WHERE e."actorId" = u.id AND e.type = 'CHANGES_REQUESTED')::int AS "changesRequested"
        FROM "User" u
        WHERE u.role IN ('REVIEWER', 'ADMIN')
        ORDER BY u.name, u.id`;
    },

    /** Registered entries last verified before the threshold (src/domain/verification.ts). */
    async toVerify(threshold: Date) {
      return db.organization.count({
        where: { registryStatus: "REGISTERED", OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: threshold } }] },
      });
    },

    /** The requests kept and those deleted after the retention period (their anonymous counts). */
    adviceRequestsByTopicAndStatus() {
      return db.$queryRaw<{ topic: string; status: string; requests: number }[]>`
        SELECT topic::text AS topic, status::text AS status, sum(requests)::int AS requests
        FROM (SELECT topic, status, count(*) AS requests FROM "AdviceRequest" GROUP BY topic, status
              UNION ALL
              SELECT topic, status, sum(requests) FROM "AdviceRequestTally" GROUP BY topic, status) a
        GROUP BY a.topic, a.status ORDER BY a.topic, a.status`;
    },
  };
}

export type StaffStatisticsRepository = ReturnType<typeof createStaffStatisticsRepository>;
