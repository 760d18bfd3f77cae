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
  | { ok: false; reason: "none" | "conflict" | "vatTaken" }
  | { ok: false; reason: "incomplete"; missing: MissingItem[] };

interface Deps {
  companies: CompanyRepository;
  accounts: AccountRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  transaction: RunInTransaction;
  messages: MailMessages;
}

// Two firms submitting the same number at once: the unique index lets one through.
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

/** What the company does with its application as a whole: submit, cancel a revision, withdraw. */
export function createCompanyApplicationService({ companies, accounts, audit, outbox, transaction, messages }: Deps) {
  async function tell(organizationId: number, tx: Db, key: string, params: Record<string, unknown>, staffToo = true) {
    const company = await accounts.organizationRecipients(organizationId, tx);
    const staff = staffToo ? await accounts.staffRecipients(tx) : [];
    for (const to of company) await outbox.enqueue(messages(to, `company.mail.${key}`, params), tx);
    for (const to of staff) await outbox.enqueue(messages(to, `company.mail.staff.${key}`, params), tx);
  }

  // Sends the application to staff, inside the caller's transaction.
  async function send(organizationId: number, user: Express.User, version: number, tx: Db): Promise<SubmitOutcome> {
    const app = await companies.currentApplication(organizationId, tx);
    if (!app || !["DRAFT", "CHANGES_REQUESTED"].includes(app.status)) return { ok: false, reason: "none" };
    if (app.version !== version) return { ok: false, reason: "conflict" };
    const payload = readPayload(app.payload);
    const missing = missingItems(payload);
    if (missing.length) return { ok: false, reason: "incomplete", missing };
    const vatNumber = payload.organization.vatNumber ?? null;
    if (vatNumber && (await companies.vatNumberTaken(vatNumber, organizationId, tx)))
      return { ok: false, reason: "vatTaken" };
    const resubmission = app.status === "CHANGES_REQUESTED";
    const submitted = { status: "SUBMITTED" as const, submittedAt: new Date() };
    if (!(await companies.updateApplication(app.id, version, [app.status], submitted, tx)))
      return { ok: false, reason: "conflict" };
    await companies.holdVatNumber(organizationId, vatNumber, tx);
    await companies.addEvent(app.id, resubmission ? "RESUBMITTED" : "SUBMITTED", user.id, null, tx);
    await audit.change(tx, user, resubmission ? "application.resubmit" : "application.submit", ["Application", app.id]);
    const organization = await companies.findOrganization(organizationId, tx);
    await tell(organizationId, tx, "submitted", {
      name: organization?.name,
      link: "/impresa/domanda",
      adminLink: `/admin/domande/${app.id}`,
    });
    return { ok: true };
  }

  return {
    /**
     * Submitting is what reserves the Partita IVA: refused when another
     * organization holds it (registered, or submitted first), so a draft with
     * another firm's number blocks no one.
     */
    async submit(user: Express.User, version: number): Promise<SubmitOutcome> {
      if (!user.organizationId) return { ok: false, reason: "none" };
      const organizationId = user.organizationId;
      try {
        return await transaction((tx) => send(organizationId, user, version, tx));
      } catch (err) {
        if (isUniqueViolation(err)) return { ok: false, reason: "vatTaken" };
        throw err;
      }
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
