import { requireAdmin, type StaffActor } from "../shared/requireAdmin.js";
import type { AccountRepository } from "../../data/accounts/accountRepository.js";
import type { TwoFactorRepository } from "../../data/accounts/twoFactorRepository.js";
import type { StaffRepository } from "../../data/review/staffRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { Role } from "../../generated/prisma/enums.js";
import { hashRecoveryCode, newRecoveryCodes } from "./recoveryCodes.js";
import { createSecretBox } from "./secretBox.js";
import { matchingStep, newTotpSecret, totpUri } from "./totp.js";

/** The name authenticator apps show beside the account. */
const ISSUER = "Registro welfare Bologna";
/** Five wrong codes in a row, then 1 minute before the next try, 2, 4 … up to an hour. */
const THROTTLE = { free: 5, firstMinutes: 1, maxMinutes: 60 };

type Person = Pick<Express.User, "id" | "name" | "email" | "role">;
export type CodeRefusal = { ok: false; reason: "wrong" } | { ok: false; reason: "wait"; until: Date };
export type CodeCheck = { ok: true } | CodeRefusal;
/** After the password: nothing more, a code, or enrolment first. */
export type LoginStep = "none" | "verify" | "enrol";

/** Staff must have a second factor (ASVS 6.3.3); company users may. */
export const twoFactorRequired = (role: Role) => role === "REVIEWER" || role === "ADMIN";

interface Deps {
  twoFactor: TwoFactorRepository;
  staff: StaffRepository;
  accounts: AccountRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  sessionSecret: string;
}

/**
 * The second factor: enrolment with an authenticator app, the code asked
 * after the password, recovery codes, and an admin's reset of a staff member's
 * enrolment. Secrets are encrypted at rest (secretBox.ts).
 */
export function createTwoFactorService({ twoFactor, staff, accounts, audit, transaction, sessionSecret }: Deps) {
  const box = createSecretBox(sessionSecret, "totp-secret");
  const context = (userId: number) => `user:${userId}`;

  /** The user's secret, and whether a first code confirmed it; null if none can be read. */
  async function credential(userId: number) {
    const row = await twoFactor.find(userId);
    const secret = row && box.open(row.secret, context(userId));
    return row && secret ? { secret, confirmed: row.confirmedAt !== null } : null;
  }

  /** New recovery codes replace the old ones; the codes themselves are shown once and never stored. */
  async function issueRecoveryCodes(userId: number, tx: Db) {
    const codes = newRecoveryCodes();
    await twoFactor.replaceRecoveryCodes(userId, codes.map(hashRecoveryCode), tx);
    return codes;
  }

  /** A code of the app or a recovery code: counted before it is checked (throttled), each good once. */
  async function verify(userId: number, code: string): Promise<CodeCheck> {
    if (!(await twoFactor.claimAttempt(userId, THROTTLE))) {
      const until = await twoFactor.blockedUntil(userId);
      return until ? { ok: false, reason: "wait", until } : { ok: false, reason: "wrong" };
    }
    const typed = code.replace(/\s/g, "");
    if (/^\d{6}$/.test(typed)) {
      const secret = (await credential(userId))?.secret;
      const step = secret ? matchingStep(secret, typed) : null;
      return step !== null && (await twoFactor.useStep(userId, step)) ? { ok: true } : { ok: false, reason: "wrong" };
    }
    const used = await transaction(async (tx) => {
      if (!(await twoFactor.useRecoveryCode(userId, hashRecoveryCode(typed), tx))) return false;
      await twoFactor.forgive(userId, tx);
      return true;
    });
    return used ? { ok: true } : { ok: false, reason: "wrong" };
  }

  return {
    verify,

    async loginStep(user: Pick<Express.User, "id" | "role">): Promise<LoginStep> {
      const row = await twoFactor.find(user.id);
      if (row?.confirmedAt) return (await credential(user.id)) ? "verify" : "enrol";
      return twoFactorRequired(user.role) ? "enrol" : "none";
    },

    /** What the account page shows. */
    async status(user: Pick<Express.User, "id" | "role">) {
      const enrolled = (await credential(user.id))?.confirmed === true;
      return {
        enrolled,
        required: twoFactorRequired(user.role),
        recoveryCodesLeft: enrolled ? await twoFactor.unusedRecoveryCodes(user.id) : 0,
      };
    },

    /**
     * The secret to add to the app (the same one while enrolment is pending,
     * so reloading the page keeps the QR code scanned); null once enrolled.
     */
    async enrolment(user: Person): Promise<{ secret: string; uri: string } | null> {
      const existing = await credential(user.id);
      if (existing?.confirmed) return null;
      let secret = existing?.secret;
      if (!secret) {
        secret = newTotpSecret();
        await twoFactor.savePending(user.id, box.seal(secret, context(user.id)));
      }
      return { secret, uri: totpUri(secret, ISSUER, user.email) };
    },

    /** The first code confirms the enrolment; the answer carries the recovery codes, to show once. */
    async confirmEnrolment(user: Person, code: string): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
      const pending = await credential(user.id);
      const step = pending && !pending.confirmed ? matchingStep(pending.secret, code.replace(/\s/g, "")) : null;
      if (step === null) return { ok: false };
      return transaction(async (tx) => {
        if (!(await twoFactor.confirm(user.id, step, tx))) return { ok: false } as const;
        const recoveryCodes = await issueRecoveryCodes(user.id, tx);
        await audit.change(tx, user, "user.enableTwoFactor", ["User", user.id]);
        return { ok: true, recoveryCodes } as const;
      });
    },

    /** New recovery codes, after a current code (or one of the old recovery codes). */
    async regenerateRecoveryCodes(
      user: Person,
      code: string,
    ): Promise<CodeRefusal | { ok: true; recoveryCodes: string[] }> {
      const check = await verify(user.id, code);
      if (!check.ok) return check;
      return transaction(async (tx) => {
        const recoveryCodes = await issueRecoveryCodes(user.id, tx);
        await audit.change(tx, user, "user.regenerateRecoveryCodes", ["User", user.id]);
        return { ok: true, recoveryCodes } as const;
      });
    },

    /** A company user turns the second factor off, with a current code; staff cannot. */
    async disable(user: Person, code: string): Promise<CodeCheck | { ok: false; reason: "required" }> {
      if (twoFactorRequired(user.role)) return { ok: false, reason: "required" };
      const check = await verify(user.id, code);
      if (!check.ok) return check;
      await transaction(async (tx) => {
        await twoFactor.remove(user.id, tx);
        await audit.change(tx, user, "user.disableTwoFactor", ["User", user.id]);
      });
      return { ok: true };
    },

    /**
     * An admin resets a staff member's second factor (a lost phone): the
     * member is signed out everywhere and enrols again at the next login.
     */
    async reset(actor: StaffActor, userId: number): Promise<"ok" | "notFound"> {
      requireAdmin(actor);
      return transaction(async (tx) => {
        const member = await staff.find(userId, tx);
        if (!member) return "notFound" as const;
        const removed = await twoFactor.remove(userId, tx);
        await accounts.endSessions(userId, tx);
        await audit.change(
          tx,
          actor,
          "user.resetTwoFactor",
          ["User", userId],
          { enrolled: removed },
          { enrolled: false },
        );
        return "ok" as const;
      });
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
