import type { Db } from "../shared/db.js";

/** Users' TOTP credentials and recovery codes (only the SHA-256 of each code). */
export function createTwoFactorRepository(db: Db) {
  return {
    find(userId: number, tx: Db = db) {
      return tx.twoFactorCredential.findUnique({ where: { userId } });
    },

    /** A new secret to enrol with, in place of any earlier (e.g. one that can no longer be decrypted). */
    async savePending(userId: number, secret: string) {
      const fresh = { secret, confirmedAt: null, lastUsedStep: null, failedCodes: 0, blockedUntil: null };
      await db.twoFactorCredential.upsert({ where: { userId }, create: { userId, ...fresh }, update: fresh });
    },

    /** Confirms the pending credential with the step of its first code; false if it was confirmed meanwhile. */
    async confirm(userId: number, step: number, tx: Db = db) {
      const { count } = await tx.twoFactorCredential.updateMany({
        where: { userId, confirmedAt: null },
        data: { confirmedAt: new Date(), lastUsedStep: step, failedCodes: 0, blockedUntil: null },
      });
      return count === 1;
    },

    /**
     * Counts an attempt before its code is checked, in one statement: parallel
     * guesses are all counted, and once `free` attempts in a row have been made
     * each further one must wait (`blockedUntil`): `firstMinutes`, doubled at
     * each further attempt, up to `maxMinutes`. A success forgives them
     * (useStep, forgive). Null: the user must wait, or has no confirmed credential.
     */
    async claimAttempt(userId: number, throttle: { free: number; firstMinutes: number; maxMinutes: number }) {
      const rows = await db.$queryRaw<{ failedCodes: number }[]>`
        UPDATE "TwoFactorCredential" SET
          "failedCodes" = "failedCodes" + 1,
          "blockedUntil" = CASE WHEN "failedCodes" + 1 < ${throttle.free}::int THEN NULL
            ELSE now() + interval '1 minute' * least(
              ${throttle.firstMinutes}::int * power(2, "failedCodes" + 1 - ${throttle.free}::int),
              ${throttle.maxMinutes}::int) END
        WHERE "userId" = ${userId} AND "confirmedAt" IS NOT NULL
          AND ("blockedUntil" IS NULL OR "blockedUntil" <= now())
        RETURNING "failedCodes"`;
      return rows[0] ?? null;
    },

    /** Accepts the code of `step` if no code of that step or a later one was used: each code works once. */
    async useStep(userId: number, step: number) {
      const { count } = await db.twoFactorCredential.updateMany({
        where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
        data: { lastUsedStep: step, failedCodes: 0, blockedUntil: null },
      });
      return count === 1;
    },

    /** Marks an unused recovery code used; false when it is unknown or spent. */
    async useRecoveryCode(userId: number, codeHash: string, tx: Db = db) {
      const { count } = await tx.recoveryCode.updateMany({
        where: { userId, codeHash, usedAt: null },
        data: { usedAt: new Date() },
      });
      return count === 1;
    },

    forgive(userId: number, tx: Db = db) {
      return tx.twoFactorCredential.update({ where: { userId }, data: { failedCodes: 0, blockedUntil: null } });
    },

    /** Until when the user must wait before the next code (null: they need not). */
    async blockedUntil(userId: number) {
      const row = await db.twoFactorCredential.findUnique({ where: { userId }, select: { blockedUntil: true } });
      return row?.blockedUntil && row.blockedUntil > new Date() ? row.blockedUntil : null;
    },

    async replaceRecoveryCodes(userId: number, codeHashes: string[], tx: Db = db) {
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
    },

    unusedRecoveryCodes(userId: number) {
      return db.recoveryCode.count({ where: { userId, usedAt: null } });
    },

    /** The credential and the recovery codes go: the user enrols again (or goes without, if they may). */
    async remove(userId: number, tx: Db = db) {
      await tx.recoveryCode.deleteMany({ where: { userId } });
      const { count } = await tx.twoFactorCredential.deleteMany({ where: { userId } });
      return count === 1;
    },
  };
}

export type TwoFactorRepository = ReturnType<typeof createTwoFactorRepository>;
