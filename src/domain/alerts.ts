import type { RegistrySearch } from "./registrySearch.js";
import { categories } from "./vocabulary.js";

/** The distances a subscriber chooses from, in km; the largest bounds the matching's index search. */
export const ALERT_RADII_KM = [3, 5, 10, 15, 25] as const;
export const DEFAULT_ALERT_RADIUS_KM = 10;
export const MAX_ALERT_RADIUS_KM = Math.max(...ALERT_RADII_KM);

/** How long a confirmation link works; an unconfirmed subscription is deleted after it. */
export const CONFIRMATION_DAYS = 7;
const DAY_MS = 86_400_000;

/** Subscriptions made before this and never confirmed are past their link's life. */
export const confirmationDeadline = (now: Date) => new Date(now.getTime() - CONFIRMATION_DAYS * DAY_MS);

/** A subscription whose last digest went before this may get the next one: at most one a day. */
export const previousDigestBefore = (now: Date) => new Date(now.getTime() - DAY_MS);

/** The smallest distance offered that covers `km` (the largest when none does). */
export function alertRadiusFor(km: number): number {
  return ALERT_RADII_KM.find((r) => r >= km) ?? MAX_ALERT_RADIUS_KM;
}

/**
 * The subscription form's address for the place, distance and categories of a
 * search (/registro's link "Ricevi un avviso"): the search's own parameters
 * (`vicino` or `lat`+`lon`, `raggio`, `categoria`), which /avvisi reads to fill
 * in its form.
 */
export function alertsLinkFor(search: RegistrySearch): string {
  const params = new URLSearchParams();
  const origin = search.origin;
  if (origin?.comuneCode) params.set("vicino", origin.comuneCode);
  else if (origin) {
    params.set("lat", String(origin.lat));
    params.set("lon", String(origin.lon));
  }
  if (origin) params.set("raggio", String(alertRadiusFor(search.radiusKm)));
  for (const code of search.categories) params.append("categoria", categories.slug(code));
  const query = params.toString();
  return query ? `/avvisi?${query}` : "/avvisi";
}
