import type { AdviceRequest } from "../../generated/prisma/client.js";
import type { Db } from "../shared/db.js";

/** What the staff wrote about a request, kept in its audit entries' before/after (adviceService). */
const STAFF_WRITING = ["internalNotes", "answer"];

/** A deleted request, as far as its traces elsewhere need it. */
export type DeletedAdviceRequest = Pick<AdviceRequest, "id" | "referenceCode" | "email">;

/** Advice requests past the retention period: deleted with their personal data, their counts kept. */
export function createAdviceRetentionRepository(db: Db) {
  return {
    /**
     * Deletes the requests answered (or, never answered, made) before `before` and,
     * in the same statement, adds their counts by month, topic, comune and status
     * to AdviceRequestTally. The DELETE is the claim: a run of another instance at
     * the same moment waits for this one's rows and then finds them gone, so no
     * request is ever counted twice.
     */
    deleteExpired(before: Date, tx: Db = db) {
      return tx.$queryRaw<DeletedAdviceRequest[]>`
        WITH gone AS (
          DELETE FROM "AdviceRequest" WHERE COALESCE("answeredAt", "createdAt") < ${before}::timestamp
          RETURNING id, "referenceCode", email, topic, status, "comuneCode", "createdAt"
        ), counted AS (
          INSERT INTO "AdviceRequestTally" (month, topic, "comuneCode", status, requests)
          SELECT date_trunc('month', ("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Rome')::date,
                 topic, "comuneCode", status, count(*)::int
          FROM gone GROUP BY 1, 2, 3, 4
        )
        SELECT id, "referenceCode", email FROM gone`;
    },

    /**
     * The personal data of deleted requests outside their row: the staff's notes
     * and answers in the activity register (the entries stay: who did what, when),
     * and the e-mails to the citizen (the answer repeats the question).
     */
    async eraseTraces(requests: DeletedAdviceRequest[], tx: Db = db) {
      if (!requests.length) return;
      const ids = requests.map((r) => String(r.id));
      await tx.$executeRaw`
        UPDATE "AuditEntry" SET before = before - ${STAFF_WRITING}::text[], after = after - ${STAFF_WRITING}::text[]
        WHERE "entityType" = 'AdviceRequest' AND "entityId" = ANY(${ids}::text[])`;
      await tx.$executeRaw`
        DELETE FROM "OutboxMessage" m
        USING unnest(${requests.map((r) => r.email)}::text[], ${requests.map((r) => r.referenceCode)}::text[])
          AS r(email, code)
        WHERE m."to" = r.email AND strpos(m.text, r.code) > 0`;
    },
  };
}

export type AdviceRetentionRepository = ReturnType<typeof createAdviceRetentionRepository>;
