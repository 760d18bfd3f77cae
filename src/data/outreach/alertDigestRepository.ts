import { Prisma } from "../../generated/prisma/client.js";
import type { MeasureCategory } from "../../generated/prisma/enums.js";
import { MAX_ALERT_RADIUS_KM } from "../../domain/alerts.js";
import type { AlertSettings } from "./alertSubscriptionRepository.js";
import type { Db } from "../shared/db.js";

/** A measure of a digest, as its e-mail shows it. */
export interface DigestItem {
  subscriptionId: number;
  measureId: number;
  title: string;
  category: MeasureCategory;
  organizationName: string;
  slug: string;
  comuneName: string | null;
  approximate: boolean;
  distanceKm: number;
}

/**
 * What a citizen may hear of: a measure `m` open to citizens, not ended, of a
 * registered organization `o` (the rule of the register: nothing unreviewed or
 * hidden is ever public). Checked when a publication is matched and again when
 * the digest is written, so a suspension meanwhile keeps the measure out.
 */
const DELIVERABLE = Prisma.sql`m."openToCitizens" AND m.status <> 'ENDED' AND o."registryStatus" = 'REGISTERED'`;

/** Matches waiting for a digest that may still be sent; `am` the match. */
const pendingMatches = Prisma.sql`
  FROM "AlertMatch" am JOIN "Measure" m ON m.id = am."measureId" JOIN "Organization" o ON o.id = m."organizationId"
  WHERE am."sentAt" IS NULL AND ${DELIVERABLE}`;

/** The matching of published measures to subscriptions, and the daily digests. */
export function createAlertDigestRepository(db: Db) {
  return {
    /**
     * Records, in the approval's transaction, which confirmed subscriptions the
     * organization's measures `measureIds` (null: all of them) reach: within
     * each subscription's radius of the seat, in its categories. In SQL, the
     * subscriptions found through their GiST index within the largest radius
     * offered, then measured exactly (as the search does). A measure already
     * matched to a subscription is never matched again.
     */
    matchPublished(organizationId: number, measureIds: number[] | null, now: Date, tx: Db = db): Promise<number> {
      const only = measureIds === null ? Prisma.empty : Prisma.sql`AND m.id = ANY(${measureIds}::int[])`;
      return tx.$executeRaw`
        INSERT INTO "AlertMatch" ("subscriptionId", "measureId", "matchedAt")
        SELECT s.id, m.id, ${now}::timestamp
        FROM "Measure" m
        JOIN "Organization" o ON o.id = m."organizationId"
        JOIN "AlertSubscription" s
          ON earth_box(o."earthPoint"::earth, ${MAX_ALERT_RADIUS_KM * 1000}::float8) @> s."earthPoint"
         AND sec_to_gc(s."earthPoint" <-> o."earthPoint") <= s."radiusKm" * 1000
         AND (cardinality(s.categories) = 0 OR m.category = ANY(s.categories))
        WHERE m."organizationId" = ${organizationId} ${only} AND ${DELIVERABLE}
          AND s."confirmedAt" IS NOT NULL
        ON CONFLICT DO NOTHING`;
    },

    /**
     * Claims up to `limit` confirmed subscriptions with something to send whose
     * last digest went before `previousBefore`, marking this one as sent `now`.
     * One statement: rows another instance is claiming are skipped (SKIP
     * LOCKED), and once it commits their new lastDigestAt keeps them out.
     */
    claim(now: Date, previousBefore: Date, limit: number, tx: Db = db): Promise<AlertSettings[]> {
      return tx.$queryRaw`
        UPDATE "AlertSubscription" s SET "lastDigestAt" = ${now}::timestamp
        WHERE s.id IN (
          SELECT d.id FROM "AlertSubscription" d
          WHERE d."confirmedAt" IS NOT NULL
            AND (d."lastDigestAt" IS NULL OR d."lastDigestAt" <= ${previousBefore}::timestamp)
            AND d.id IN (SELECT am."subscriptionId" ${pendingMatches})
          ORDER BY d.id LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        AND (s."lastDigestAt" IS NULL OR s."lastDigestAt" <= ${previousBefore}::timestamp)
        RETURNING s.id, s.email, s.language,
          (SELECT c.name FROM "Comune" c WHERE c."istatCode" = s."comuneCode") AS "comuneName",
          s.lat, s.lon, s."radiusKm", s.categories::text[] AS categories`;
    },

    /** Marks the pending matches of the claimed subscriptions as sent, and answers them for their e-mails. */
    takePending(subscriptionIds: number[], now: Date, tx: Db = db): Promise<DigestItem[]> {
      return tx.$queryRaw`
        UPDATE "AlertMatch" am SET "sentAt" = ${now}::timestamp
        FROM "AlertSubscription" s, "Measure" m, "Organization" o
        LEFT JOIN "Comune" c ON c."istatCode" = o."comuneCode"
        WHERE am."subscriptionId" = ANY(${subscriptionIds}::int[]) AND am."sentAt" IS NULL
          AND s.id = am."subscriptionId" AND m.id = am."measureId" AND o.id = m."organizationId"
          AND ${DELIVERABLE}
        RETURNING am."subscriptionId" AS "subscriptionId", m.id AS "measureId", m.title, m.category,
          o.name AS "organizationName", o.slug, c.name AS "comuneName",
          o."positionPrecision" = 'APPROXIMATE' AS approximate,
          sec_to_gc(s."earthPoint" <-> o."earthPoint") / 1000 AS "distanceKm"`;
    },
  };
}

export type AlertDigestRepository = ReturnType<typeof createAlertDigestRepository>;
