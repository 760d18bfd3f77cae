import { normalizedWords } from "../../domain/searchVocabulary.js";
import type { ComunePlace, Geocoder, PlaceMatch } from "./geocoder.js";

const key = (text: string) => normalizedWords(text).join(" ");

/**
 * The geocoder that needs no network: it knows the 55 comuni (names and
 * centres, from prisma/data/comuni-bologna.csv) and nothing finer, so every
 * position it gives is approximate. Postcode areas are not shipped: no
 * openly licensed boundary data for them was available to cite.
 */
export function createOfflineGeocoder(comuni: () => Promise<readonly ComunePlace[]>): Geocoder {
  const toMatch = (c: ComunePlace): PlaceMatch => ({
    label: c.name,
    lat: c.lat,
    lon: c.lon,
    approximate: true,
    comuneCode: c.istatCode,
  });
  return {
    attribution: null,
    async search(query) {
      const wanted = key(query);
      if (!wanted) return [];
      const all = await comuni();
      const exact = all.filter((c) => key(c.name) === wanted);
      if (exact.length) return exact.map(toMatch);
      // "Casalecchio" finds Casalecchio di Reno; "via Roma, Imola" finds Imola.
      const starting = all.filter((c) => key(c.name).startsWith(wanted));
      const named = all.filter((c) => ` ${wanted} `.includes(` ${key(c.name)} `));
      return [...new Set([...starting, ...named])].slice(0, 5).map(toMatch);
    },
    async locate(_address, comune) {
      return { lat: comune.lat, lon: comune.lon, approximate: true };
    },
  };
}
