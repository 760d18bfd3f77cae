import { describe, expect, it } from "vitest";
import { roughBytes } from "../../src/services/registry/searchCache.js";

describe("roughBytes", () => {
  it("grows with the strings and the number of values held", () => {
    expect(roughBytes("x".repeat(1000))).toBeGreaterThanOrEqual(2000);
    const one = roughBytes([{ name: "Alfa", measures: [{ title: "Nido" }] }]);
    const ten = roughBytes(Array.from({ length: 10 }, () => ({ name: "Alfa", measures: [{ title: "Nido" }] })));
    expect(ten).toBeGreaterThan(8 * one);
    // At least what the JSON text would take, so the cache's bound is not exceeded.
    const page = { results: [{ slug: "a-b", name: "Àlfa", registeredAt: new Date(), lat: 44.5, approximate: true }] };
    expect(roughBytes(page)).toBeGreaterThanOrEqual(JSON.stringify(page).length);
  });
});
