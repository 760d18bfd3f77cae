import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/logger.js";
import { startJobs } from "../../src/services/shared/jobs.js";

// The scheduler alone, on fake timers: when jobs run, that a failure is logged
// and retried, that a slow run is never doubled. What a job does is tested
// through its service with a `now` (tests/integration/verificationJob.test.ts).
const logger = () => ({ info: vi.fn(), error: vi.fn() });
const asLogger = (l: ReturnType<typeof logger>) => l as unknown as Logger;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("startJobs", () => {
  it("runs a job soon after start, then every period, until stopped", async () => {
    const run = vi.fn(async (_now: Date) => ({ done: 0 }));
    const stop = startJobs([{ name: "j", everyMs: 3_600_000, run }], asLogger(logger()), 60_000);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![0]).toBeInstanceOf(Date);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("logs a failure and tries again at the next tick", async () => {
    const log = logger();
    const run = vi
      .fn<() => Promise<Record<string, number>>>()
      .mockRejectedValueOnce(new Error("database away"))
      .mockResolvedValue({ reminded: 3 });
    const stop = startJobs([{ name: "reminders", everyMs: 1000, run }], asLogger(log), 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ job: "reminders" }), expect.any(String));
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(log.info).toHaveBeenCalledWith({ job: "reminders", reminded: 3 }, expect.any(String));
    stop();
  });

  it("does not start a run while the previous one is still going", async () => {
    let finish!: () => void;
    const run = vi.fn(() => new Promise<Record<string, number>>((resolve) => (finish = () => resolve({})))); // slow
    const stop = startJobs([{ name: "slow", everyMs: 1000, run }], asLogger(logger()), 1000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
  });
});
