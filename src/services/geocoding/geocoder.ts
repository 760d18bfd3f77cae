/** A place a geocoder found: what to show, where it is, and whether it is only roughly there. */
export interface PlaceMatch {
  label: string;
  lat: number;
  lon: number;
  /** True for an area (a comune, a postcode) rather than a street or a building. */
  approximate: boolean;
  /** Set when the match is one of the register's comuni (found offline). */
  comuneCode?: string | undefined;
}

export interface Position {
  lat: number;
  lon: number;
  approximate: boolean;
}

export interface ComunePlace {
  istatCode: string;
  name: string;
  lat: number;
  lon: number;
}

/**
 * Turns words into positions. Two implementations: a Nominatim-compatible
 * HTTP service (GEOCODER_URL) and the offline one built from the register's
 * comuni; the HTTP one answers with the offline one whenever it fails, so a
 * geocoder never breaks a save or a search.
 */
export interface Geocoder {
  /** Places matching free text in the metropolitan area, best first (at most five). */
  search(query: string): Promise<PlaceMatch[]>;
  /** Where an address of a comune is; the comune's centre (approximate) when nothing better is known. */
  locate(address: string, comune: ComunePlace): Promise<Position>;
  /** The credit the geocoder's licence asks for, shown beside its results (null offline). */
  attribution: string | null;
}

/** The metropolitan city of Bologna with a margin: results outside it are not the place meant. */
export const AREA = { south: 43.95, north: 44.85, west: 10.8, east: 11.85 };

export const inArea = (p: { lat: number; lon: number }) =>
  p.lat >= AREA.south && p.lat <= AREA.north && p.lon >= AREA.west && p.lon <= AREA.east;
