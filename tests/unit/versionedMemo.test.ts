import { describe, expect, it, vi } from "vitest";
import { createVersionedMemo } from "../../src/services/shared/versionedMemo.js";

describe("createVersionedMemo", () => {
  it("computes once for concurrent requests under one version, again under a new one", async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const memo = createVersionedMemo(async () => {
      calls += 1;
      await gate;
      return calls;
    });
    const first = Array.from({ length: 16 }, () => memo.get("1.0"));
    release();
    expect(await Promise.all(first)).toEqual(Array(16).fill(1));
    expect(await memo.get("1.0")).toBe(1);
    expect(await memo.get("2.0")).toBe(2);
    expect(calls).toBe(2);
  });

  it("forgets a failed computation", async () => {
    const compute = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("database away"))
      .mockResolvedValue("ok");
    const memo = createVersionedMemo(compute);
    await expect(memo.get("1")).rejects.toThrow("database away");
    expect(await memo.get("1")).toBe("ok");
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("computes again once the value's own expiry has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 1_000 });
    let calls = 0;
    const memo = createVersionedMemo(
      async () => ++calls,
      () => new Date(2_000),
    );
    expect(await memo.get("1")).toBe(1);
    expect(await memo.get("1")).toBe(1);
    vi.setSystemTime(2_000);
    expect(await memo.get("1")).toBe(2);
    vi.useRealTimers();
  });
});
