import { z } from "zod";
import { distanceKm } from "../../domain/registrySearch.js";
import { AREA, inArea, type Geocoder, type PlaceMatch } from "./geocoder.js";

export interface NominatimOptions {
  /** Base URL of a Nominatim-compatible service, e.g. https://nominatim.openstreetmap.org */
  url: string;
  userAgent: string;
  attribution: string;
  /** Nominatim's public usage policy asks for at most one request a second. */
  minIntervalMs: number;
  timeoutMs: number;
  /** What to answer with when the service fails or is slow. */
  fallback: Geocoder;
  log?: (message: string, error?: unknown) => void;
}

// Only the fields used; jsonv2 sends many more.
const resultSchema = z.array(
  z.object({
    lat: z.coerce.number(),
    lon: z.coerce.number(),
    display_name: z.string(),
    place_rank: z.coerce.number().optional(),
  }),
);

/** Nominatim's place_rank: 26 and more are streets, addresses and buildings; less are areas. */
const STREET_RANK = 26;
const CACHE_SIZE = 1000;
/** A seat found farther than this from its comune's centre is some other street of the same name. */
const MAX_KM_FROM_COMUNE = 25;

export function createNominatimGeocoder(options: NominatimOptions): Geocoder {
  const cache = new Map<string, Promise<PlaceMatch[]>>();
  let nextSlot = 0;

  /** Waits for this request's turn: requests leave at least minIntervalMs apart. */
  async function turn() {
    const now = Date.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + options.minIntervalMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  async function query(q: string): Promise<PlaceMatch[]> {
    await turn();
    const url = new URL("search", options.url.endsWith("/") ? options.url : `${options.url}/`);
    const params = { q, format: "jsonv2", limit: "5", countrycodes: "it", "accept-language": "it", bounded: "1" };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set("viewbox", `${AREA.west},${AREA.north},${AREA.east},${AREA.south}`);
    const res = await fetch(url, {
      headers: { "User-Agent": options.userAgent, Accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!res.ok) throw new Error(`geocoder answered ${res.status}`);
    return resultSchema
      .parse(await res.json())
      .filter(inArea)
      .map((r) => ({
        label: r.display_name,
        lat: r.lat,
        lon: r.lon,
        approximate: (r.place_rank ?? 0) < STREET_RANK,
      }));
  }

  /** Cached (also while in flight); a failure is not cached, so the next request tries again. */
  function cached(q: string): Promise<PlaceMatch[]> {
    const k = q.trim().toLowerCase();
    const hit = cache.get(k);
    if (hit) {
      cache.delete(k);
      cache.set(k, hit);
      return hit;
    }
    const answer = query(q);
    cache.set(k, answer);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    answer.catch(() => cache.delete(k));
    return answer;
  }

  return {
    attribution: options.attribution,
    async search(text) {
      const offline = await options.fallback.search(text);
      // A comune's name is answered offline: exact, and no request leaves.
      if (offline.length === 1 && offline[0]!.label.toLowerCase() === text.trim().toLowerCase()) return offline;
      try {
        const found = await cached(text);
        return found.length ? found : offline;
      } catch (error) {
        options.log?.("geocoder search failed, answering offline", error);
        return offline;
      }
    },
    async locate(address, comune) {
      try {
        if (address.trim()) {
          const found = (await cached(`${address}, ${comune.name}`)).find(
            (m) => distanceKm(m, comune) <= MAX_KM_FROM_COMUNE,
          );
          if (found) return { lat: found.lat, lon: found.lon, approximate: found.approximate };
        }
      } catch (error) {
        options.log?.("geocoder locate failed, placing the seat at the comune's centre", error);
      }
      return options.fallback.locate(address, comune);
    },
  };
}
