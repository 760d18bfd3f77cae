import type { AccountRepository } from "../../data/accounts/accountRepository.js";
import type { PersonalDataRepository } from "../../data/accounts/personalDataRepository.js";
import type { TwoFactorRepository } from "../../data/accounts/twoFactorRepository.js";
import type { StaffRepository } from "../../data/review/staffRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { verifyPassword } from "./passwords.js";

/**
 * What a closed account becomes. The row stays, because the activity register
 * and the applications' history point to it, but nothing in it names or
 * reaches the person: a placeholder address (the `.invalid` domain can never
 * receive mail, and the real address is free for a new sign-up), no password
 * (an empty hash matches none), no second factor, no organization, deactivated.
 */
export const closedAccount = (id: number) => ({
  email: `deleted-${id}@invalid`,
  name: `deleted-${id}`,
  passwordHash: "",
  active: false,
  organizationId: null,
  emailVerifiedAt: null,
  privacyAcceptedAt: null,
});

/** A signed-in user's own data: the download of everything held about them, and the closing of the account. */
export function createPersonalDataService(deps: {
  personalData: PersonalDataRepository;
  accounts: AccountRepository;
  twoFactor: TwoFactorRepository;
  staff: StaffRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
}) {
  const { personalData, accounts, twoFactor, staff, audit, transaction } = deps;

  return {
    /** The account, its organization with its applications, what the user did, their advice requests. */
    async download(userId: number) {
      const found = await personalData.account(userId);
      if (!found) return null;
      const { organization, ...account } = found;
      const [auditEntries, adviceRequests] = await Promise.all([
        personalData.auditEntries(userId),
        personalData.adviceRequests(account.email),
      ]);
      return {
        exportedAt: new Date(),
        account,
        organizations: organization ? [organization] : [],
        // The register's ids are 64-bit: JSON has no such numbers.
        auditEntries: auditEntries.map((e) => ({ ...e, id: String(e.id) })),
        adviceRequests,
      };
    },

    /** What the closing page must tell: the organization that stays, whether the user is its last, or the last admin. */
    async closingFacts(userId: number) {
      const user = await accounts.findWithOrganization(userId);
      const organization = user?.organization ?? null;
      return {
        organization: organization?.name ?? null,
        lastOfOrganization:
          organization !== null && (await accounts.countOtherActiveMembers(organization.id, userId)) === 0,
        // Someone must still be able to manage staff: the last active admin cannot leave.
        lastAdmin: user?.role === "ADMIN" && (await staff.countActiveAdmins()) <= 1,
      };
    },

    /** Closes the account after the password is typed again: anonymised, signed out everywhere, audited. */
    async close(userId: number, password: string): Promise<"ok" | "wrongPassword" | "lastAdmin"> {
      const user = await accounts.findById(userId);
      if (!user || !(await verifyPassword(user.passwordHash, password))) return "wrongPassword";
      return transaction(async (tx) => {
        if (user.role === "ADMIN" && (await staff.countActiveAdmins(tx)) <= 1) return "lastAdmin";
        await accounts.updateUser(userId, closedAccount(userId), tx);
        await accounts.deleteTokens(userId, tx);
        await twoFactor.remove(userId, tx);
        await accounts.endSessions(userId, tx);
        await audit.change(
          tx,
          { id: userId, name: user.name },
          "user.close",
          ["User", userId],
          { role: user.role, organizationId: user.organizationId, active: user.active },
          { organizationId: null, active: false, personalDataErased: true },
        );
        return "ok";
      });
    },
  };
}

export type PersonalDataService = ReturnType<typeof createPersonalDataService>;
