import type { AccountRepository } from "../../data/accounts/accountRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { MailMessages } from "../shared/mailMessages.js";

export type RemovalOutcome = "ok" | "notFound" | "self" | "lastUser";

/**
 * /impresa/colleghi: a company user removes a colleague who left. Only accounts
 * of the user's own organization are found; nobody removes themselves (they
 * close their account instead), and the organization always keeps one active
 * account.
 */
export function createColleagueService(deps: {
  accounts: AccountRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  messages: MailMessages;
}) {
  const { accounts, audit, outbox, transaction, messages } = deps;

  /** A company account of the user's organization, or null (another company's, a staff account, none). */
  async function colleagueOf(user: Express.User, id: number, tx?: Parameters<Parameters<RunInTransaction>[0]>[0]) {
    const colleague = await accounts.findById(id, tx);
    const same = colleague && user.organizationId !== null && colleague.organizationId === user.organizationId;
    return same && colleague.role === "COMPANY" ? colleague : null;
  }

  return {
    /** Who the confirmation page names: the colleague, or why not. */
    async removable(user: Express.User, id: number) {
      const colleague = await colleagueOf(user, id);
      if (!colleague) return { outcome: "notFound" } as const;
      if (colleague.id === user.id) return { outcome: "self" } as const;
      return { outcome: "ok", colleague: { id: colleague.id, name: colleague.name, email: colleague.email } } as const;
    },

    /**
     * Detaches the colleague from the organization and deactivates the account
     * (an account belongs to one organization only, so it has none left), ends
     * its sessions and pending links, tells the colleague by e-mail; audited.
     */
    remove(user: Express.User, id: number): Promise<RemovalOutcome> {
      return transaction(async (tx) => {
        if (user.organizationId === null) return "notFound";
        // Two colleagues removing each other at once: the second waits here, then finds itself alone.
        const organization = await accounts.lockOrganization(user.organizationId, tx);
        const colleague = await colleagueOf(user, id, tx);
        if (!organization || !colleague) return "notFound";
        if (colleague.id === user.id) return "self";
        if ((await accounts.countOtherActiveMembers(user.organizationId, colleague.id, tx)) === 0) return "lastUser";
        await accounts.updateUser(colleague.id, { organizationId: null, active: false }, tx);
        await accounts.deleteTokens(colleague.id, tx);
        await accounts.endSessions(colleague.id, tx);
        await outbox.enqueue(
          messages(colleague, "company.mail.colleagueRemoved", {
            name: colleague.name,
            organization: organization.name,
            remover: user.name,
          }),
          tx,
        );
        await audit.change(
          tx,
          user,
          "user.removeFromOrganization",
          ["User", colleague.id],
          { organizationId: colleague.organizationId, active: colleague.active },
          { organizationId: null, active: false },
        );
        return "ok";
      });
    },
  };
}

export type ColleagueService = ReturnType<typeof createColleagueService>;
