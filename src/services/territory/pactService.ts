import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { PactRepository } from "../../data/territory/pactRepository.js";
import type { SiteContentRepository } from "../../data/shared/siteContentRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { SignatoryType } from "../../generated/prisma/enums.js";
import { defaultPactText, PACT_CONTENT_KEY } from "../../domain/pactText.js";
import { dateColumn, romeDateAndTime } from "../../domain/romeTime.js";
import type { Actor } from "../review/reviewService.js";
import type { RegisterAdminRepository } from "../../data/review/registerAdminRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { DecisionMails } from "../review/decisionMails.js";
import { saveSiteText } from "../shared/siteTexts.js";

export type PactOutcome =
  { ok: true } | { ok: false; reason: "notFound" | "notRegistered" | "alreadyAsked" | "conflict" };

export interface ExternalSignatory {
  signatoryType: SignatoryType;
  name: string;
  signedOn: Date;
  commitments: string;
}

/** Today's date in Rome (where the Pact is signed), as the UTC midnight a date column stores. */
export const romeToday = (now = new Date()) => dateColumn(romeDateAndTime(now).date);

/**
 * The Metropolitan Pact: its text (editable by admins), firms of the register
 * asking to sign, staff confirming or rejecting, and signatories outside the
 * register added by staff. Every change is audited in its transaction.
 */
export function createPactService(deps: {
  pact: PactRepository;
  siteContent: SiteContentRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  /** Who hears a decision on a company's request (registerAdminRepository.status). */
  register: RegisterAdminRepository;
  outbox: OutboxRepository;
  mails: DecisionMails;
}) {
  const { pact, siteContent, audit, transaction, register, outbox, mails } = deps;

  return {
    async text() {
      const row = await siteContent.find(PACT_CONTENT_KEY);
      return {
        it: row?.bodyIt ?? defaultPactText.it,
        en: row?.bodyEn ?? defaultPactText.en,
        updatedAt: row?.updatedAt ?? null,
      };
    },

    publicSignatories: () => pact.confirmed(),
    forStaff: () => pact.forStaff(),

    /** The company's organization and its latest signature, for /impresa/patto. */
    async companyView(organizationId: number | null) {
      if (organizationId === null) return { organization: null, signature: null };
      const [organization, signature] = await Promise.all([
        pact.organization(organizationId),
        pact.latestOfOrganization(organizationId),
      ]);
      return { organization, signature };
    },

    async requestSignature(user: Express.User, commitments: string): Promise<PactOutcome> {
      if (user.organizationId === null) return { ok: false, reason: "notRegistered" };
      const organizationId = user.organizationId;
      return transaction(async (tx) => {
        // Two requests of the same firm queue here, so the second sees the first one's row.
        await pact.lockOrganization(organizationId, tx);
        const org = await pact.organization(organizationId, tx);
        if (org?.registryStatus !== "REGISTERED") return { ok: false, reason: "notRegistered" } as const;
        if (await pact.openOrConfirmedOf(organizationId, tx)) return { ok: false, reason: "alreadyAsked" } as const;
        const created = await pact.create(
          { signatoryType: "FIRM", name: org.name, organizationId, status: "REQUESTED", signedOn: null, commitments },
          tx,
        );
        await audit.change(tx, user, "pact.request", ["PactSignature", created.id], undefined, {
          organizationId,
          commitments,
        });
        return { ok: true } as const;
      });
    },

    async decide(id: number, actor: Actor, decision: "CONFIRMED" | "REJECTED", reason?: string): Promise<PactOutcome> {
      return transaction(async (tx) => {
        const signature = await pact.find(id, tx);
        if (!signature) return { ok: false, reason: "notFound" } as const;
        const signedOn = decision === "CONFIRMED" ? romeToday() : null;
        if (!(await pact.decide(id, decision, signedOn, tx))) return { ok: false, reason: "conflict" } as const;
        await audit.change(
          tx,
          actor,
          decision === "CONFIRMED" ? "pact.confirm" : "pact.reject",
          ["PactSignature", id],
          { status: signature.status },
          { status: decision, signedOn, ...(reason ? { reason } : {}) },
        );
        // A company's request: the company hears the decision (and the reason of a refusal).
        const org = signature.organizationId ? await register.status(signature.organizationId, tx) : null;
        await outbox.enqueueAll(
          mails.decision(decision === "CONFIRMED" ? "PACT_CONFIRMED" : "PACT_REJECTED", org, reason ?? ""),
          tx,
        );
        return { ok: true } as const;
      });
    },

    async addExternal(actor: Actor, input: ExternalSignatory) {
      return transaction(async (tx) => {
        const created = await pact.create({ ...input, organizationId: null, status: "CONFIRMED" }, tx);
        await audit.change(tx, actor, "pact.add", ["PactSignature", created.id], undefined, input);
        return created;
      });
    },

    /** Admin settings: the Pact's text in both languages, before and after kept in the audit. */
    saveText(actor: Actor, bodyIt: string, bodyEn: string) {
      return transaction((tx) =>
        saveSiteText(tx, { siteContent, audit }, actor, "settings.pactText", PACT_CONTENT_KEY, {
          it: bodyIt,
          en: bodyEn,
        }),
      );
    },
  };
}

export type PactService = ReturnType<typeof createPactService>;
