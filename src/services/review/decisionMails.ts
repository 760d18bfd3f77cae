import { asLanguage, type I18n, type Language } from "../../locales/i18n.js";
import type { OutgoingMail } from "../../data/shared/outboxRepository.js";

/** The criteria of a classification (Classification's boolean columns). */
const CRITERIA = [
  "openToCitizens",
  "integratesPublicService",
  "wellbeingImpact",
  "continuity",
  "thirdSectorPartnership",
] as const;

type Kind =
  | "APPROVED"
  | "REJECTED"
  | "CHANGES_REQUESTED"
  | "SUSPENDED"
  | "REINSTATED"
  | "PACT_CONFIRMED"
  | "PACT_REJECTED"
  | "NETWORK_MEASURE_APPROVED"
  | "NETWORK_MEASURE_REJECTED";

/** A company as its e-mails need it: its name, its active accounts, its public contact address. */
export interface MailedCompany {
  name: string;
  contactEmail: string | null;
  users: { email: string; language?: string }[];
}

/**
 * The company's active accounts (with the language of their last login), or its
 * public contact address, in Italian, when it has none.
 */
export function companyRecipients(org: MailedCompany | null): { to: string; language: Language }[] {
  if (!org) return [];
  const users = org.users.map((u) => ({ to: u.email, language: asLanguage(u.language) }));
  return users.length ? users : org.contactEmail ? [{ to: org.contactEmail, language: "it" }] : [];
}

const recipients = (org: MailedCompany | null) => companyRecipients(org).map((r) => r.to);

/**
 * E-mails that tell a company about a decision, in Italian (the company's
 * language of record): one per recipient (none without a company), for
 * OutboxRepository.enqueueAll in the decision's transaction.
 */
export function createDecisionMails(publicBaseUrl: string, i18n: I18n) {
  const write = (org: MailedCompany | null, key: string, params: Record<string, string>): OutgoingMail[] => {
    const t = i18n.getFixedT("it");
    const all = { ...params, url: `${publicBaseUrl}/impresa` };
    return recipients(org).map((to) => ({ to, subject: t(`${key}.subject`, all), text: t(`${key}.text`, all) }));
  };
  return {
    /** A measure's new classification: outcome, the criteria met, the rationale. */
    classification(
      org: MailedCompany | null,
      measure: string,
      c: { outcome: string; rationale: string } & Record<(typeof CRITERIA)[number], boolean>,
    ): OutgoingMail[] {
      const t = i18n.getFixedT("it");
      const met = CRITERIA.filter((k) => c[k]).map((k) => t(`admin.classification.criterionShort.${k}`));
      return write(org, "admin.mail.CLASSIFIED", {
        organization: org?.name ?? "",
        measure,
        outcome: t(`outcomes.${c.outcome}`),
        criteria: met.length ? met.join(", ") : t("admin.classification.noCriteria"),
        rationale: c.rationale,
      });
    },

    decision(kind: Kind, org: MailedCompany | null, detail: string): OutgoingMail[] {
      return write(org, `admin.mail.${kind}`, { organization: org?.name ?? "", detail });
    },
  };
}

export type DecisionMails = ReturnType<typeof createDecisionMails>;
