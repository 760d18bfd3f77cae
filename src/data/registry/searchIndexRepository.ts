import { Prisma } from "../../generated/prisma/client.js";
import { publicNetworkParticipants, withNetworkMembersOf } from "../territory/networkVisibility.js";
import type { Db } from "../shared/db.js";

/** categorySearchWord() in SQL: "categoriaminori" beside each measure's title, so vocabulary words find the category. */
const CATEGORY_WORD = Prisma.sql`'categoria' || lower(replace(m.category::text, '_', ''))`;

/**
 * Recomputes the derived search columns of organizations from their published
 * data: the Italian full-text document (name, comune, measures; accents
 * removed so "citta" finds "città") and the point on the earth for distance
 * queries. Called inside the transaction that publishes data or changes an
 * organization's status; `ids` null = all. The members of the networks an
 * organization leads are refreshed with it: their text holds the network's
 * measures only while the lead is registered (networkVisibility.ts).
 */
export async function refreshSearchData(db: Db, ids: number[] | null): Promise<number> {
  const only = ids === null ? Prisma.sql`TRUE` : Prisma.sql`o.id IN (${withNetworkMembersOf(ids)})`;
  // Correlated subqueries: UPDATE cannot reference its target from a LATERAL join.
  return db.$executeRaw`
    UPDATE "Organization" o SET
      "earthPoint" = ll_to_earth(o.lat, o.lon)::cube,
      "searchVector" =
        setweight(to_tsvector('italian', unaccent(o.name)), 'A') ||
        setweight(to_tsvector('italian', unaccent(concat_ws(' ',
          (SELECT c.name FROM "Comune" c WHERE c."istatCode" = o."comuneCode"),
          (SELECT string_agg(concat_ws(' ', m.title, ${CATEGORY_WORD}), ' ' ORDER BY m.id) FROM "Measure" m WHERE m."organizationId" = o.id),
          -- approved measures of the public networks it leads or belongs to
          (SELECT string_agg(concat_ws(' ', m.title, ${CATEGORY_WORD}), ' ' ORDER BY m.id) FROM "Measure" m
           WHERE m."networkReview" = 'APPROVED' AND m."networkId" IN (
             SELECT p."networkId" FROM (${publicNetworkParticipants}) p WHERE p."organizationId" = o.id))))), 'B') ||
        setweight(to_tsvector('italian', unaccent(concat_ws(' ', o.description,
          (SELECT string_agg(concat_ws(' ', m.description, m."areaServed", m.partners), ' ' ORDER BY m.id)
           FROM "Measure" m WHERE m."organizationId" = o.id)))), 'C')
    WHERE ${only}`;
}
