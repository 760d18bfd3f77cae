import { describe, expect, it } from "vitest";
import { createSearchCache } from "../../src/services/registry/searchCache.js";

describe("createSearchCache", () => {
  it("computes a search once per register version", async () => {
    const cache = createSearchCache(1024 * 1024);
    let runs = 0;
    const compute = async () => `run ${++runs}`;
    expect(await cache.get("7", "q=asilo", compute)).toBe("run 1");
    expect(await cache.get("7", "q=asilo", compute)).toBe("run 1");
    expect(await cache.get("7", "q=nido", compute)).toBe("run 2");
    expect(await cache.get("8", "q=asilo", compute)).toBe("run 3");
  });

  it("shares one computation between concurrent misses", async () => {
    const cache = createSearchCache(1024 * 1024);
    let runs = 0;
    const compute = () => new Promise<string>((resolve) => setTimeout(() => resolve(`run ${++runs}`), 10));
    const answers = await Promise.all([1, 2, 3].map(() => cache.get("1", "k", compute)));
    expect(answers).toEqual(["run 1", "run 1", "run 1"]);
    expect(runs).toBe(1);
  });

  it("does not keep failures", async () => {
    const cache = createSearchCache(1024 * 1024);
    await expect(cache.get("1", "k", () => Promise.reject(new Error("database away")))).rejects.toThrow(
      "database away",
    );
    expect(await cache.get("1", "k", async () => "ok")).toBe("ok");
  });

  it("keeps nothing when given no memory, and evicts what does not fit", async () => {
    let runs = 0;
    const compute = async () => "x".repeat(400) + ++runs;
    const off = createSearchCache(0);
    await off.get("1", "k", compute);
    await off.get("1", "k", compute);
    expect(runs).toBe(2);
    // About 800 bytes an entry: a 2 KB cache holds two.
    const small = createSearchCache(2048);
    for (const key of ["a", "b", "c"]) await small.get("1", key, compute);
    await small.get("1", "a", compute);
    expect(runs).toBe(6);
  });
});
