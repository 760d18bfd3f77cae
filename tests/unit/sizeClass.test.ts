import { describe, expect, it } from "vitest";
import { sizeClassFor } from "../../src/domain/sizeClass.js";

describe("sizeClassFor", () => {
  it.each([
    [0, "MICRO"],
    [1, "MICRO"],
    [9, "MICRO"],
    [10, "SMALL"],
    [49, "SMALL"],
    [50, "MEDIUM"],
    [249, "MEDIUM"],
    [250, "LARGE"],
    [12000, "LARGE"],
  ] as const)("%i employees → %s", (employees, expected) => {
    expect(sizeClassFor(employees)).toBe(expected);
  });

  it("refuses negative or fractional headcounts", () => {
    expect(() => sizeClassFor(-1)).toThrow(RangeError);
    expect(() => sizeClassFor(2.5)).toThrow(RangeError);
  });
});
