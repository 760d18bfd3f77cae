import type { Logger } from "../../logger.js";

/**
 * Periodic work that every instance runs and that must be done once: `run`
 * claims its work in the database (a conditional UPDATE or INSERT ... RETURNING,
 * a DELETE ... RETURNING), so two instances running it at the same moment do it
 * once. The timer only decides when to look; tests call `run` with their `now`.
 */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Counts of what was done, for the log. */
  run: (now: Date) => Promise<Record<string, number>>;
}

/**
 * Starts the jobs of src/server.ts: each runs `firstRunMs` after start (instances
 * may be restarted more often than a daily job's period) and then every `everyMs`,
 * never twice at once in one process. A failure is logged and the job tries
 * again at its next tick; it never stops the process. Returns the stop function.
 */
export function startJobs(jobs: ScheduledJob[], logger: Logger, firstRunMs = 60_000): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      void job
        .run(new Date())
        .then((done) => {
          if (Object.values(done).some((n) => n > 0)) logger.info({ job: job.name, ...done }, "scheduled job done");
        })
        .catch((err: unknown) => logger.error({ err, job: job.name }, "scheduled job failed: retried at its next tick"))
        .finally(() => (running = false));
    };
    const first = setTimeout(() => {
      tick();
      timers.push(setInterval(tick, job.everyMs).unref());
    }, firstRunMs).unref();
    timers.push(first);
  }
  // Node clears a timeout and an interval alike.
  return () => timers.forEach((timer) => clearTimeout(timer));
}
