import type { AccountRepository } from "../../data/accounts/accountRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { CompanyRepository } from "../../data/company/companyRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import { missingItems, readPayload, type MissingItem } from "../../domain/applicationPayload.js";
import type { MailMessages } from "../shared/mailMessages.js";

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; reason: "none" | "conflict" }
  | { ok: false; reason: "incomplete"; missing: MissingItem[] };

interface Deps {
  companies: CompanyRepository;
  accounts: AccountRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  messages: MailMessages;
}

/** What the company does with its application as a whole: submit, cancel a revision, withdraw. */
export function createCompanyApplicationService({ companies, accounts, audit, outbox, transaction, messages }: Deps) {
  async function tell(organizationId: number, tx: Db, key: string, params: Record<string, unknown>, staffToo = true) {
    const company = await accounts.organizationRecipients(organizationId, tx);
    const staff = staffToo ? await accounts.staffRecipients(tx) : [];
    for (const to of company) await outbox.enqueue(messages(to, `company.mail.${key}`, params), tx);
    for (const to of staff) await outbox.enqueue(messages(to, `company.mail.staff.${key}`, params), tx);
  }

  return {
    async submit(user: Express.User, version: number): Promise<SubmitOutcome> {
      if (!user.organizationId) return { ok: false, reason: "none" };
      const organizationId = user.organizationId;
      return transaction(async (tx) => {
        const app = await companies.currentApplication(organizationId, tx);
        if (!app || !["DRAFT", "CHANGES_REQUESTED"].includes(app.status)) return { ok: false, reason: "none" } as const;
        if (app.version !== version) return { ok: false, reason: "conflict" } as const;
        const missing = missingItems(readPayload(app.payload));
        if (missing.length) return { ok: false, reason: "incomplete", missing } as const;
        const resubmission = app.status === "CHANGES_REQUESTED";
        if (
          !(await companies.updateApplication(
            app.id,
            version,
            [app.status],
            { status: "SUBMITTED", submittedAt: new Date() },
            tx,
          ))
        ) {
          return { ok: false, reason: "conflict" } as const;
        }
        await companies.addEvent(app.id, resubmission ? "RESUBMITTED" : "SUBMITTED", user.id, null, tx);
        await audit.change(tx, user, resubmission ? "application.resubmit" : "application.submit", [
          "Application",
          app.id,
        ]);
        const organization = await companies.findOrganization(organizationId, tx);
        await tell(organizationId, tx, "submitted", {
          name: organization?.name,
          link: "/impresa/domanda",
          adminLink: `/admin/domande/${app.id}`,
        });
        return { ok: true } as const;
      });
    },

    /**
     * The company's answer to a request for changes: a comment in the
     * application's history (the data change with a resubmission), e-mailed
     * to the staff member handling it, or to all staff when nobody is.
     * False when no request for changes is open.
     */
    async reply(user: Express.User, comment: string): Promise<boolean> {
      if (!user.organizationId) return false;
      const organizationId = user.organizationId;
      return transaction(async (tx) => {
        const app = await companies.currentApplication(organizationId, tx);
        if (app?.status !== "CHANGES_REQUESTED") return false;
        await companies.addEvent(app.id, "COMPANY_REPLY", user.id, comment, tx);
        await audit.change(tx, user, "application.reply", ["Application", app.id]);
        const assignee = app.assigneeId ? await accounts.findById(app.assigneeId, tx) : null;
        const staff = assignee?.active ? [assignee] : await accounts.staffRecipients(tx);
        const organization = await companies.findOrganization(organizationId, tx);
        const params = { name: organization?.name, comment, adminLink: `/admin/domande/${app.id}` };
        await outbox.enqueueAll(
          staff.map((to) => messages(to, "company.mail.staff.replied", params)),
          tx,
        );
        return true;
      });
    },

    /** Drops the pending changes of a revision: what is online stays as it is. */
    async cancelRevision(user: Express.User, version: number): Promise<boolean> {
      if (!user.organizationId) return false;
      const organizationId = user.organizationId;
      return transaction(async (tx) => {
        const app = await companies.currentApplication(organizationId, tx);
        if (!app || app.kind !== "REVISION" || app.version !== version) return false;
        if (
          !(await companies.updateApplication(
            app.id,
            version,
            ["DRAFT", "CHANGES_REQUESTED", "SUBMITTED"],
            { status: "CANCELLED", decidedAt: new Date() },
            tx,
          ))
        )
          return false;
        await companies.addEvent(app.id, "CANCELLED", user.id, null, tx);
        await audit.change(tx, user, "application.cancel", ["Application", app.id]);
        return true;
      });
    },

    /** Leaves the register: the data stays for the record, public pages stop showing it. */
    async withdraw(user: Express.User, reason: string | undefined): Promise<boolean> {
      if (!user.organizationId) return false;
      const organizationId = user.organizationId;
      return transaction(async (tx) => {
        const organization = await companies.findOrganization(organizationId, tx);
        if (organization?.registryStatus !== "REGISTERED") return false;
        const app = await companies.currentApplication(organizationId, tx);
        if (app && app.kind === "REVISION" && ["DRAFT", "CHANGES_REQUESTED", "SUBMITTED"].includes(app.status)) {
          await companies.updateApplication(
            app.id,
            app.version,
            [app.status],
            { status: "CANCELLED", decidedAt: new Date() },
            tx,
          );
          await companies.addEvent(app.id, "CANCELLED", user.id, reason ?? null, tx);
        }
        await companies.setRegistryStatus(organizationId, "WITHDRAWN", tx);
        await audit.change(
          tx,
          user,
          "organization.withdraw",
          ["Organization", organizationId],
          { registryStatus: "REGISTERED" },
          { registryStatus: "WITHDRAWN", reason },
        );
        await tell(organizationId, tx, "withdrawn", { name: organization.name, reason: reason ?? "—" });
        return true;
      });
    },
  };
}

export type CompanyApplicationService = ReturnType<typeof createCompanyApplicationService>;
