import type { Config } from "../../config.js";
import type { ComunePlace, Geocoder } from "./geocoder.js";
import { createNominatimGeocoder } from "./nominatimGeocoder.js";
import { createOfflineGeocoder } from "./offlineGeocoder.js";

export type { ComunePlace, Geocoder, PlaceMatch, Position } from "./geocoder.js";

/** The HTTP geocoder when GEOCODER_URL is set (answering offline when it fails), else the offline one. */
export function createGeocoder(
  config: Config["geocoder"],
  comuni: () => Promise<readonly ComunePlace[]>,
  log?: (message: string, error?: unknown) => void,
): Geocoder {
  const offline = createOfflineGeocoder(comuni);
  return config ? createNominatimGeocoder({ ...config, fallback: offline, log }) : offline;
}
