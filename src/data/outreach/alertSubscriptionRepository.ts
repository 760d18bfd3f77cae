import type { MeasureCategory } from "../../generated/prisma/enums.js";
import type { Db } from "../shared/db.js";

export interface NewAlertSubscription {
  email: string;
  language: string;
  comuneCode: string | null;
  lat: number;
  lon: number;
  radiusKm: number;
  categories: MeasureCategory[];
  consentAt: Date;
  confirmTokenHash: string;
}

/** What a subscription's pages and e-mails say of it: the place, the distance and the categories. */
export interface AlertSettings {
  id: number;
  email: string;
  language: string;
  comuneName: string | null;
  lat: number;
  lon: number;
  radiusKm: number;
  categories: MeasureCategory[];
}

/** The e-mails of the subscriptions `ids` still in the outbox (sent or not): copies of their personal data. */
const deleteOutboxCopies = (tx: Db, ids: number[]) => tx.$executeRaw`
  DELETE FROM "OutboxMessage" WHERE id IN (
    SELECT "outboxMessageId" FROM "AlertMail" WHERE "subscriptionId" = ANY(${ids}::int[]))`;

/** Citizens' subscriptions to the alerts (/avvisi), their confirmation and their end. */
export function createAlertSubscriptionRepository(db: Db) {
  return {
    /** The point on the earth is written with the row: the matching's GiST index reads it. */
    async create(s: NewAlertSubscription, tx: Db = db): Promise<number> {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO "AlertSubscription" (email, language, "comuneCode", lat, lon, "earthPoint", "radiusKm",
          categories, "consentAt", "confirmTokenHash")
        VALUES (${s.email}, ${s.language}, ${s.comuneCode}, ${s.lat}::float8, ${s.lon}::float8,
          ll_to_earth(${s.lat}::float8, ${s.lon}::float8)::cube, ${s.radiusKm}::int,
          ${s.categories}::"MeasureCategory"[], ${s.consentAt}::timestamp, ${s.confirmTokenHash})
        RETURNING id`;
      return rows[0]!.id;
    },

    /** An e-mail about the subscription, with the hash of its unsubscribe link's token. */
    async addMail(subscriptionId: number, unsubscribeTokenHash: string, outboxMessageId: number, tx: Db = db) {
      await tx.alertMail.create({ data: { subscriptionId, unsubscribeTokenHash, outboxMessageId } });
    },

    /**
     * Confirms the subscription of a link made after `madeAfter` (its life);
     * following the link again answers true. False: unknown or expired.
     */
    async confirm(confirmTokenHash: string, madeAfter: Date, now: Date, tx: Db = db): Promise<boolean> {
      const count = await tx.$executeRaw`
        UPDATE "AlertSubscription" SET "confirmedAt" = COALESCE("confirmedAt", ${now}::timestamp)
        WHERE "confirmTokenHash" = ${confirmTokenHash}
          AND ("confirmedAt" IS NOT NULL OR "createdAt" > ${madeAfter}::timestamp)`;
      return count === 1;
    },

    /** The subscription an e-mail's unsubscribe link stands for. */
    async findByUnsubscribeToken(unsubscribeTokenHash: string, tx: Db = db): Promise<AlertSettings | null> {
      const rows = await tx.$queryRaw<AlertSettings[]>`
        SELECT s.id, s.email, s.language, c.name AS "comuneName", s.lat, s.lon, s."radiusKm",
               s.categories::text[] AS categories
        FROM "AlertMail" m JOIN "AlertSubscription" s ON s.id = m."subscriptionId"
        LEFT JOIN "Comune" c ON c."istatCode" = s."comuneCode"
        WHERE m."unsubscribeTokenHash" = ${unsubscribeTokenHash}`;
      return rows[0] ?? null;
    },

    /**
     * Deletes the subscription with everything personal about it: its row, its
     * matches, its links and its e-mails in the outbox. The row is locked first,
     * so a digest being written for it either commits before (and its e-mail is
     * deleted too) or finds it gone. False when it was gone already.
     */
    async remove(id: number, tx: Db = db): Promise<boolean> {
      const locked = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM "AlertSubscription" WHERE id = ${id} FOR UPDATE`;
      if (!locked.length) return false;
      await deleteOutboxCopies(tx, [id]);
      await tx.alertSubscription.delete({ where: { id } });
      return true;
    },

    /**
     * Deletes the subscriptions never confirmed and made before `before`, with
     * their confirmation e-mails. Their rows are claimed first (another
     * instance running the job skips them; a late click on the link waits, then
     * finds nothing to confirm).
     */
    async removeUnconfirmed(before: Date, tx: Db = db): Promise<number> {
      const expired = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM "AlertSubscription" WHERE "confirmedAt" IS NULL AND "createdAt" < ${before}::timestamp
        FOR UPDATE SKIP LOCKED`;
      if (!expired.length) return 0;
      const ids = expired.map((s) => s.id);
      await deleteOutboxCopies(tx, ids);
      const { count } = await tx.alertSubscription.deleteMany({ where: { id: { in: ids } } });
      return count;
    },
  };
}

export type AlertSubscriptionRepository = ReturnType<typeof createAlertSubscriptionRepository>;
