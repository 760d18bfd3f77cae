import { describe, expect, it } from "vitest";
import { createSearchCache } from "../../src/services/registry/searchCache.js";

/** A computation counting its runs, whose answers take about 800 bytes an entry: a 2 KB cache holds two. */
function entriesOf800Bytes() {
  let runs = 0;
  return { compute: async () => "x".repeat(400) + ++runs, runs: () => runs };
}

describe("createSearchCache", () => {
  it("keeps a search from its second request, once per register version", async () => {
    const cache = createSearchCache(1024 * 1024);
    let runs = 0;
    const compute = async () => `run ${++runs}`;
    expect(await cache.get("7", "q=asilo", compute)).toBe("run 1");
    // Asked again: worth keeping.
    expect(await cache.get("7", "q=asilo", compute)).toBe("run 2");
    expect(await cache.get("7", "q=asilo", compute)).toBe("run 2");
    expect(await cache.get("7", "q=nido", compute)).toBe("run 3");
    expect(await cache.get("8", "q=asilo", compute)).toBe("run 4");
    expect(await cache.get("8", "q=asilo", compute)).toBe("run 5");
    expect(await cache.get("8", "q=asilo", compute)).toBe("run 5");
  });

  it("does not let searches asked once push a popular one out", async () => {
    const { compute, runs } = entriesOf800Bytes();
    const small = createSearchCache(2048);
    await small.get("1", "popular", compute);
    await small.get("1", "popular", compute);
    for (let k = 0; k < 20; k++) await small.get("1", `once ${k}`, compute);
    expect(runs()).toBe(22);
    expect(await small.get("1", "popular", compute)).toBe("x".repeat(400) + 2);
    expect(runs()).toBe(22);
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
    await cache.get("1", "k", async () => "first");
    // The second request would be kept: it fails, and nothing is.
    await expect(cache.get("1", "k", () => Promise.reject(new Error("database away")))).rejects.toThrow(
      "database away",
    );
    expect(await cache.get("1", "k", async () => "ok")).toBe("ok");
  });

  it("keeps nothing when given no memory, and evicts what does not fit", async () => {
    const { compute, runs } = entriesOf800Bytes();
    const off = createSearchCache(0);
    await off.get("1", "k", compute);
    await off.get("1", "k", compute);
    expect(runs()).toBe(2);
    const small = createSearchCache(2048);
    for (const key of ["a", "b", "c", "a", "b", "c"]) await small.get("1", key, compute);
    expect(runs()).toBe(8);
    // "a" went out when "c" came in.
    await small.get("1", "a", compute);
    expect(runs()).toBe(9);
  });
});

describe("createSearchCache with bytes", () => {
  it("counts an answer's bytes: a 2 KB cache keeps two answers of 800 bytes", async () => {
    let runs = 0;
    const compute = async () => Buffer.alloc(800, ++runs);
    const small = createSearchCache(2048);
    // Each asked twice: kept from the second request.
    for (const key of ["a", "a", "b", "b"]) await small.get("1", key, compute);
    expect(runs).toBe(4);
    expect((await small.get("1", "a", compute))[0]).toBe(2);
    expect((await small.get("1", "b", compute))[0]).toBe(4);
    expect(runs).toBe(4);
    // A third one pushes out the least recently used ("a").
    for (const key of ["c", "c"]) await small.get("1", key, compute);
    await small.get("1", "a", compute);
    expect(runs).toBe(7);
  });
});
