import type { LoginThrottleRepository } from "../../data/accounts/loginThrottleRepository.js";
import type { AccountRepository } from "../../data/accounts/accountRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { Role, TokenPurpose } from "../../generated/prisma/enums.js";
import type { MailMessages } from "../shared/mailMessages.js";
import { hashToken } from "../shared/secretTokens.js";
import { hashPassword, unusablePasswordHash, verifyPassword } from "./passwords.js";
import { issueUserToken, sendInvitation } from "./userTokens.js";

/** Whom an invitation makes: the invitation page and what follows it depend on it. */
export type InvitedKind = "company" | "staff" | "localAuthority";
const invitedKind = (role: Role): InvitedKind =>
  role === "COMPANY" ? "company" : role === "LOCAL_AUTHORITY" ? "localAuthority" : "staff";

interface Deps {
  accounts: AccountRepository;
  throttle: LoginThrottleRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  messages: MailMessages;
}

/**
 * Sign-up, e-mail verification, password reset and change, e-mail change and
 * invitations. Answers never reveal whether an address has an account.
 */
export function createAccountService({ accounts, throttle, audit, outbox, transaction, messages }: Deps) {
  const issueToken = (
    userId: number,
    purpose: TokenPurpose,
    tx: Parameters<Parameters<RunInTransaction>[0]>[0],
    data?: { email: string },
  ) => issueUserToken(accounts, tx, userId, purpose, data);

  return {
    /** The language the user last used the site in (at login): their next e-mails are written in it. */
    async rememberLanguage(userId: number, language: string) {
      await accounts.updateUser(userId, { language });
    },

    /** `language`: the site's language at sign-up, in which the account's e-mails are written. */
    async register(input: { name: string; email: string; password: string; language: string }) {
      const { password, ...fields } = input;
      const passwordHash = await hashPassword(password);
      await transaction(async (tx) => {
        const existing = await accounts.findByEmail(input.email, tx);
        if (existing) {
          await outbox.enqueue(
            messages(existing, "accounts.mail.alreadyRegistered", { link: "/password-dimenticata" }),
            tx,
          );
          return;
        }
        const user = await accounts.createUser({ ...fields, passwordHash, privacyAcceptedAt: new Date() }, tx);
        const token = await issueToken(user.id, "VERIFY_EMAIL", tx);
        await outbox.enqueue(
          messages(user, "accounts.mail.verify", { name: user.name, link: `/verifica-email/${token}` }),
          tx,
        );
        await audit.change(tx, { id: user.id, name: user.name }, "user.register", ["User", user.id]);
      });
    },

    /**
     * Confirms a sign-up or a new address; false when the link is not valid
     * any more. A new address ends the user's other sessions (all but
     * `currentSession`, the one following the link) and the old address is told.
     */
    async verifyEmail(token: string, currentSession = ""): Promise<boolean> {
      return transaction(async (tx) => {
        const used = await accounts.consumeToken(hashToken(token), ["VERIFY_EMAIL", "CHANGE_EMAIL"], tx);
        if (!used) return false;
        const newEmail = used.purpose === "CHANGE_EMAIL" ? (used.data as { email?: string } | null)?.email : undefined;
        if (newEmail && (await accounts.findByEmail(newEmail, tx))) return false;
        const before = newEmail ? await accounts.findById(used.userId, tx) : null;
        const user = await accounts.updateUser(
          used.userId,
          { emailVerifiedAt: new Date(), ...(newEmail ? { email: newEmail } : {}) },
          tx,
        );
        if (before) {
          await accounts.endSessions(user.id, tx, currentSession);
          await outbox.enqueue(
            messages(before, "accounts.mail.emailChanged", { name: user.name, email: user.email }),
            tx,
          );
        }
        await audit.change(tx, { id: user.id, name: user.name }, newEmail ? "user.changeEmail" : "user.verifyEmail", [
          "User",
          user.id,
        ]);
        return true;
      });
    },

    async requestPasswordReset(email: string) {
      await transaction(async (tx) => {
        const user = await accounts.findByEmail(email, tx);
        if (!user || !user.active) return;
        const token = await issueToken(user.id, "RESET_PASSWORD", tx);
        await outbox.enqueue(
          messages(user, "accounts.mail.reset", { name: user.name, link: `/reimposta-password/${token}` }),
          tx,
        );
      });
    },

    /** Whether a reset or invitation link can still be used (to show the form or an explanation). */
    async tokenIsValid(token: string, purpose: TokenPurpose) {
      return (await accounts.findValidToken(hashToken(token), purpose)) !== null;
    },

    async resetPassword(token: string, password: string): Promise<boolean> {
      const passwordHash = await hashPassword(password);
      return transaction(async (tx) => {
        const used = await accounts.consumeToken(hashToken(token), ["RESET_PASSWORD"], tx);
        if (!used) return false;
        await accounts.expireTokens(used.userId, "RESET_PASSWORD", tx);
        // Following the link proves the address too.
        const user = await accounts.updateUser(used.userId, { passwordHash, emailVerifiedAt: new Date() }, tx);
        // A session opened with the old password (perhaps by whoever learnt it) ends here,
        // and the owner is not kept waiting by the failures of whoever was guessing it.
        await accounts.endSessions(user.id, tx);
        await throttle.clearAddress(user.email, tx);
        await outbox.enqueue(messages(user, "accounts.mail.passwordReset", { name: user.name }), tx);
        await audit.change(tx, { id: user.id, name: user.name }, "user.resetPassword", ["User", user.id]);
        return true;
      });
    },

    /** Every other session of the user ends; `currentSession` (the one asking) stays signed in. */
    async changePassword(
      userId: number,
      current: string,
      next: string,
      currentSession: string,
    ): Promise<"ok" | "wrongPassword"> {
      const user = await accounts.findById(userId);
      if (!user || !(await verifyPassword(user.passwordHash, current))) return "wrongPassword";
      const passwordHash = await hashPassword(next);
      await transaction(async (tx) => {
        await accounts.updateUser(userId, { passwordHash }, tx);
        await accounts.endSessions(userId, tx, currentSession);
        await outbox.enqueue(messages(user, "accounts.mail.passwordChanged", { name: user.name }), tx);
        await audit.change(tx, { id: user.id, name: user.name }, "user.changePassword", ["User", user.id]);
      });
      return "ok";
    },

    /** The new address is used only after its owner follows the link sent to it. */
    async requestEmailChange(userId: number, current: string, email: string): Promise<"ok" | "wrongPassword"> {
      const user = await accounts.findById(userId);
      if (!user || !(await verifyPassword(user.passwordHash, current))) return "wrongPassword";
      await transaction(async (tx) => {
        if (await accounts.findByEmail(email, tx)) return;
        const token = await issueToken(user.id, "CHANGE_EMAIL", tx, { email });
        await outbox.enqueue(
          messages({ email, language: user.language }, "accounts.mail.changeEmail", {
            name: user.name,
            link: `/verifica-email/${token}`,
          }),
          tx,
        );
      });
      return "ok";
    },

    /**
     * `language`: the inviter's language on the site, in which the colleague is
     * written to. The inviter is told the same whether the address has an
     * account or not (no way to learn who is registered): an address that has
     * one is told by e-mail instead, in its own language, what to do.
     */
    async invite(
      inviter: Express.User,
      input: { name: string; email: string; language: string },
    ): Promise<"ok" | "noOrganization"> {
      if (!inviter.organizationId) return "noOrganization";
      const organizationId = inviter.organizationId;
      const passwordHash = await unusablePasswordHash();
      return transaction(async (tx) => {
        const existing = await accounts.findByEmail(input.email, tx);
        if (existing) {
          await outbox.enqueue(
            messages(existing, "accounts.mail.inviteExisting", { name: existing.name, inviter: inviter.name }),
            tx,
          );
          await audit.change(tx, inviter, "user.invite", ["User", existing.id], undefined, { existingAccount: true });
          return "ok" as const;
        }
        const user = await accounts.createUser({ ...input, passwordHash, organizationId }, tx);
        await sendInvitation({ accounts, outbox, messages }, tx, user, inviter.name, "accounts.mail.invite");
        await audit.change(tx, inviter, "user.invite", ["User", user.id], undefined, {
          email: user.email,
          organizationId,
        });
        return "ok" as const;
      });
    },

    /** The invitation a link stands for, while it can be used: whom it makes (a company colleague, staff, a local authority). */
    async invitation(token: string): Promise<{ kind: InvitedKind } | null> {
      const valid = await accounts.findValidToken(hashToken(token), "INVITE");
      const user = valid && (await accounts.findById(valid.userId));
      return user ? { kind: invitedKind(user.role) } : null;
    },

    /**
     * The invited user chooses a password (a company colleague also accepts the
     * privacy notice, on the form); the user, or null when the link is not valid any more.
     */
    async acceptInvitation(token: string, password: string): Promise<Pick<Express.User, "id" | "role"> | null> {
      const passwordHash = await hashPassword(password);
      return transaction(async (tx) => {
        const used = await accounts.consumeToken(hashToken(token), ["INVITE"], tx);
        if (!used) return null;
        const invited = await accounts.findById(used.userId, tx);
        const now = new Date();
        // Staff work for the Città metropolitana; anyone else accepted the privacy notice on the form.
        const privacyAcceptedAt = invited && invitedKind(invited.role) !== "staff" ? now : null;
        const user = await accounts.updateUser(
          used.userId,
          { passwordHash, emailVerifiedAt: now, privacyAcceptedAt },
          tx,
        );
        await audit.change(tx, { id: user.id, name: user.name }, "user.acceptInvitation", ["User", user.id]);
        return { id: user.id, role: user.role };
      });
    },

    colleagues: (organizationId: number) => accounts.colleagues(organizationId),
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
