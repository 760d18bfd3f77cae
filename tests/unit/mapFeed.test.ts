import { describe, expect, it } from "vitest";
import { featureCollection } from "../../src/routes/public/map.js";
import type { MapPoint } from "../../src/services/registry/memorySearchIndex.js";

/** Points with names that JSON must escape or encode in several bytes. */
function points(n: number): MapPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    slug: `org-${i + 1}`,
    name: i % 3 === 0 ? `Società "Città" n° ${i}\\${"\u2028"}` : `Cooperativa ${i}`,
    comuneName: i % 2 ? "Sant'Agata Bolognese" : "Città di Castel San Pietro",
    lat: 44.4 + i / 10_000,
    lon: 11.3 + i / 7_000,
    approximate: i % 5 === 0,
    distanceKm: i % 4 === 0 ? null : i / 3,
  }));
}

describe("the map's GeoJSON (featureCollection)", () => {
  it.each([0, 1, 99, 100, 101, 250, 500])("is one FeatureCollection of %i points, written in parts", (n) => {
    const pts = points(n);
    const body = featureCollection(pts);
    expect(Buffer.isBuffer(body)).toBe(true);
    const parsed = JSON.parse(body.toString("utf8"));
    expect(parsed.type).toBe("FeatureCollection");
    expect(parsed.features).toHaveLength(n);
    // Every point once, in order, with its properties (parts joined by exactly one comma).
    expect(parsed.features.map((f: { id: string }) => f.id)).toEqual(pts.map((p) => p.slug));
    if (n > 0) {
      const last = pts[n - 1]!;
      expect(parsed.features[n - 1]).toEqual({
        type: "Feature",
        id: last.slug,
        geometry: { type: "Point", coordinates: [last.lon, last.lat] },
        properties: {
          name: last.name,
          slug: last.slug,
          url: `/registro/${last.slug}`,
          comune: last.comuneName,
          distanceKm: last.distanceKm === null ? null : Math.round(last.distanceKm * 10) / 10,
          approximate: last.approximate,
        },
      });
    }
    // The same bytes as one JSON text of the whole collection.
    expect(body.equals(Buffer.from(JSON.stringify(parsed)))).toBe(true);
  });
});
