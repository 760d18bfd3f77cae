/**
 * How far a result is, said honestly. A seat placed only at its comune's
 * centre is never "0 km" away: within a kilometre it is "in the comune of X",
 * farther it is "about N km" in whole kilometres.
 */
export type DistanceShown = { kind: "exact"; km: number } | { kind: "about"; km: number } | { kind: "inComune" };

export function distanceShown(km: number, approximate: boolean): DistanceShown {
  if (!approximate) return { kind: "exact", km };
  if (km < 1) return { kind: "inComune" };
  return { kind: "about", km: Math.round(km) };
}
