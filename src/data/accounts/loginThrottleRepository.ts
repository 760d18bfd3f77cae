import type { Db } from "../shared/db.js";

/** A key's failed logins: how many, the latest when. */
export interface ThrottleState {
  key: string;
  failures: number;
  lastFailureAt: Date;
}

/** Failed-login counters (table "LoginThrottle"), shared by every instance. */
export function createLoginThrottleRepository(db: Db) {
  return {
    find(keys: string[]): Promise<ThrottleState[]> {
      return db.loginThrottle.findMany({ where: { key: { in: keys } } });
    },

    /**
     * One more failure for each key, in one atomic statement (parallel wrong
     * passwords are all counted); a key whose last failure is older than
     * `forgetAfter` starts again from one.
     */
    fail(keys: string[], forgetAfter: Date): Promise<ThrottleState[]> {
      return db.$queryRaw<ThrottleState[]>`
        INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt")
        SELECT k, 1, now() FROM unnest(${keys}::text[]) AS k
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN "LoginThrottle"."lastFailureAt" < ${forgetAfter} THEN 1
                          ELSE "LoginThrottle".failures + 1 END,
          "lastFailureAt" = now()
        RETURNING key, failures, "lastFailureAt"`;
    },

    async clear(keys: string[]): Promise<void> {
      await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
    },

    /** Every counter of an address typed (alone and from any client): after its password was reset. */
    async clearAddress(email: string, tx: Db = db): Promise<void> {
      const address = email.trim().toLowerCase();
      await tx.loginThrottle.deleteMany({
        where: { OR: [{ key: `account:${address}` }, { key: { startsWith: `pair:${address}|` } }] },
      });
    },
  };
}

export type LoginThrottleRepository = ReturnType<typeof createLoginThrottleRepository>;
