import type { UserRepository } from "../../data/accounts/userRepository.js";
import type { LoginThrottleRepository } from "../../data/accounts/loginThrottleRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import { DUMMY_HASH, verifyPassword } from "./passwords.js";
import { THROTTLE, throttleKeys, waitMs } from "./loginThrottle.js";

export type LoginOutcome =
  | { ok: true; user: Express.User }
  | { ok: false; reason: "invalid" | "unverified" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an e-mail and password. Unknown e-mails and wrong passwords give the
 * same answer in the same time (a dummy hash is verified for an unknown
 * address); repeated failures earn progressive delays (loginThrottle.ts),
 * counted in PostgreSQL for every instance. Logins of known accounts, failed
 * or not, go to the activity log.
 */
export function createAuthService(deps: {
  users: UserRepository;
  throttle: LoginThrottleRepository;
  audit: AuditRepository;
}) {
  const { users, throttle, audit } = deps;
  const logged = (user: { id: number; name: string } | null, action: string, id: number, after: unknown) =>
    audit.record({ actor: user, action, entityType: "User", entityId: id, after });

  return {
    /** The user a session stands for, while the account is active. */
    sessionUser: (id: number) => users.findSessionUser(id),

    /** `client`: the address the attempt comes from (req.ip). */
    async authenticate(email: string, password: string, client: string): Promise<LoginOutcome> {
      const keys = throttleKeys(email, client);
      const now = Date.now();
      const user = await users.findByEmail(email.trim());
      const wait = waitMs(await throttle.find([keys.pair, keys.account]), keys, now);
      if (wait > 0) {
        if (user) await logged(null, "user.loginThrottled", user.id, { client });
        return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(wait / 1000) };
      }
      const matches = await verifyPassword(user?.passwordHash || DUMMY_HASH, password);
      if (!user || !user.active || !matches) {
        await throttle.fail([keys.pair, keys.account], new Date(now - THROTTLE.forgetAfterMs));
        if (user) await logged(null, "user.loginFailed", user.id, { client });
        return { ok: false, reason: "invalid" };
      }
      if (!user.emailVerifiedAt) return { ok: false, reason: "unverified" };
      await throttle.clear([keys.pair, keys.account]);
      const { id, name, role, organizationId } = user;
      await logged({ id, name }, "user.login", id, { client });
      return { ok: true, user: { id, email: user.email, name, role, organizationId } };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
