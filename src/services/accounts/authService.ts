import type { UserRepository } from "../../data/accounts/userRepository.js";
import { DUMMY_HASH, verifyPassword } from "./passwords.js";
import { asLanguage } from "../../locales/i18n.js";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type LoginOutcome =
  { ok: true; user: Express.User } | { ok: false; reason: "invalid" | "locked" | "unverified" };

/**
 * Checks an e-mail and password. Unknown e-mails and wrong passwords give the
 * same answer; after repeated failures the account is locked for a while (the
 * counter is in the database, so it holds across instances).
 */
export function createAuthService(users: UserRepository) {
  return {
    /** The user a session stands for, while the account is active. */
    sessionUser: (id: number) => users.findSessionUser(id),

    rememberLanguage: (id: number, language: unknown) => users.setLanguage(id, asLanguage(language)),

    async authenticate(email: string, password: string): Promise<LoginOutcome> {
      const user = await users.findByEmail(email.trim());
      const matches = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      if (!user || !user.active) return { ok: false, reason: "invalid" };
      if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, reason: "locked" };
      if (!matches) {
        const failed = user.failedLogins + 1;
        const lock = failed >= MAX_FAILED_LOGINS;
        await users.setFailedLogins(
          user.id,
          lock ? 0 : failed,
          lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
        );
        return { ok: false, reason: lock ? "locked" : "invalid" };
      }
      if (!user.emailVerifiedAt) return { ok: false, reason: "unverified" };
      if (user.failedLogins > 0 || user.lockedUntil) {
        await users.setFailedLogins(user.id, 0, null);
      }
      const { id, name, role, organizationId } = user;
      return { ok: true, user: { id, email: user.email, name, role, organizationId } };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
