/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the
 * same sequence on every machine, so seeded data is reproducible.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** An index drawn with the given cumulative weights (ascending, last = total). */
  weightedIndex(cumulative: readonly number[]): number {
    const target = this.next() * (cumulative[cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** A well-mixed 32-bit seed from an integer (so neighbouring indexes differ). */
export function seedFor(n: number, salt = 0x9e3779b9): number {
  let h = Math.imul(n ^ salt, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A point at a random bearing within `radiusKm` of (lat, lon), uniform over the disc. */
export function jitter(rng: Prng, lat: number, lon: number, radiusKm: number): { lat: number; lon: number } {
  const distance = radiusKm * Math.sqrt(rng.next());
  const bearing = rng.next() * 2 * Math.PI;
  const dLat = (distance * Math.cos(bearing)) / 111.2;
  const dLon = (distance * Math.sin(bearing)) / (111.2 * Math.cos((lat * Math.PI) / 180));
  return { lat: Number((lat + dLat).toFixed(6)), lon: Number((lon + dLon).toFixed(6)) };
}
