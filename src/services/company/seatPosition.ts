import type { OrganizationDraft } from "../../domain/applicationPayload.js";
import type { ComunePlace, Geocoder } from "../geocoding/index.js";

const samePoint = (a: OrganizationDraft, b: OrganizationDraft) =>
  a.lat !== undefined &&
  b.lat !== undefined &&
  a.lon !== undefined &&
  b.lon !== undefined &&
  Math.abs(a.lat - b.lat) < 1e-7 &&
  Math.abs(a.lon - b.lon) < 1e-7;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Where the seat goes on the map, and how sure that is. A point the company
 * moved or confirmed is EXACT; one it left as it was keeps its precision while the address
 * stays the same; otherwise the address is geocoded (ADDRESS), or the seat
 * goes to the comune's centre (APPROXIMATE) when the geocoder has nothing
 * better. The geocoder never fails: at worst it answers offline.
 */
export async function placeSeat(
  previous: OrganizationDraft,
  next: OrganizationDraft,
  comune: ComunePlace | undefined,
  geocoder: Geocoder,
  confirmed: boolean,
): Promise<OrganizationDraft> {
  const pinned = next.lat !== undefined && next.lon !== undefined;
  if (pinned && (confirmed || !samePoint(previous, next))) return { ...next, positionPrecision: "EXACT" };
  const samePlace = (previous.address ?? "") === (next.address ?? "") && previous.comuneCode === next.comuneCode;
  if (pinned && samePlace) return { ...next, positionPrecision: previous.positionPrecision ?? "EXACT" };
  if (!comune) return { ...next, lat: undefined, lon: undefined, positionPrecision: undefined };
  const found = await geocoder.locate(next.address ?? "", comune);
  return {
    ...next,
    lat: round6(found.lat),
    lon: round6(found.lon),
    positionPrecision: found.approximate ? "APPROXIMATE" : "ADDRESS",
  };
}
