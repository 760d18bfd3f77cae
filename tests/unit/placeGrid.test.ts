import { describe, expect, it } from "vitest";
import { chordMetres } from "../../src/data/registry/registrySearchRepository.js";
import { Prng } from "../../src/db/seed/prng.js";
import { boxAround, placeGrid } from "../../src/services/registry/memorySearchIndex.js";

// earthdistance's sphere, as the index and the SQL search measure.
const R = 6378168;
const point = (lat: number, lon: number) => {
  const [a, b] = [(lat * Math.PI) / 180, (lon * Math.PI) / 180];
  return { x0: R * Math.cos(a) * Math.cos(b), y0: R * Math.cos(a) * Math.sin(b), z0: R * Math.sin(a) };
};

describe("placeGrid: a small circle's organizations from the cells of its bounding box", () => {
  // 20,000 places over the Città metropolitana, and 2,000 exactly on the grid's lines (every 0.01° and 0.014°).
  const rng = new Prng(7);
  const lats: number[] = [];
  const lons: number[] = [];
  for (let k = 0; k < 20_000; k++) {
    lats.push(44.05 + rng.next() * 0.8);
    lons.push(10.85 + rng.next() * 1.05);
  }
  for (let k = 0; k < 2_000; k++) {
    lats.push(44.05 + Math.floor(rng.next() * 80) * 0.01);
    lons.push(10.85 + Math.floor(rng.next() * 75) * 0.014);
  }
  const grid = placeGrid(Float64Array.from(lats), Float64Array.from(lons));
  const xyz = lats.map((lat, i) => point(lat, lons[i]!));

  it("gives exactly the organizations within the radius, for circles of every size", () => {
    for (let k = 0; k < 300; k++) {
      // Centred on an organization, on a grid line or anywhere; up to 30 km.
      const at = rng.next();
      const i0 = Math.floor(rng.next() * lats.length);
      const origin =
        at < 0.4
          ? { lat: lats[i0]!, lon: lons[i0]! }
          : at < 0.6
            ? { lat: 44.05 + Math.floor(rng.next() * 80) * 0.01, lon: 10.85 + Math.floor(rng.next() * 75) * 0.014 }
            : { lat: 44 + rng.next(), lon: 10.8 + rng.next() * 1.2 };
      const radiusKm = rng.pick([0.2, 0.5, 1, 2, 3, 5, 10, 30]);
      const o = point(origin.lat, origin.lon);
      const max = chordMetres(radiusKm * 1000);
      const inCircle = (i: number) =>
        (xyz[i]!.x0 - o.x0) ** 2 + (xyz[i]!.y0 - o.y0) ** 2 + (xyz[i]!.z0 - o.z0) ** 2 <= max * max;
      const expected = lats.map((_, i) => i).filter(inCircle);
      const { candidates, bitmap } = grid.around({ ...origin, ...o }, max, boxAround(origin.lat, radiusKm));
      const bits = bitmap(inCircle);
      const found = lats.map((_, i) => i).filter((i) => (bits[i >>> 5]! & (1 << (i & 31))) !== 0);
      expect(found, `${JSON.stringify(origin)} ${radiusKm} km`).toEqual(expected);
      expect(candidates).toBeGreaterThanOrEqual(expected.length);
      // A small circle's box holds few of the organizations: taking them from it is worth it.
      if (radiusKm <= 2) expect(candidates * 16).toBeLessThan(lats.length);
    }
  });

  it("trusts a cell wholly inside the circle without measuring its organizations", () => {
    // Bologna, 5 km (about 250 organizations here): those of the cells wholly inside are not measured.
    const origin = { lat: 44.4938, lon: 11.3387 };
    const o = point(origin.lat, origin.lon);
    const max = chordMetres(5000);
    let measured = 0;
    const inCircle = (i: number) => {
      measured++;
      return (xyz[i]!.x0 - o.x0) ** 2 + (xyz[i]!.y0 - o.y0) ** 2 + (xyz[i]!.z0 - o.z0) ** 2 <= max * max;
    };
    const { candidates, bitmap } = grid.around({ ...origin, ...o }, max, boxAround(origin.lat, 5));
    const bits = bitmap(inCircle);
    let inside = 0;
    for (let w = 0; w < bits.length; w++) for (let v = bits[w]!; v !== 0; v &= v - 1) inside++;
    expect(inside).toBeGreaterThan(200);
    // Only those in the cells across the edge are measured (the box's corners are outside the circle).
    expect(measured).toBeLessThan(candidates * 0.8);
  });
});
