import type { I18n } from "../../locales/i18n.js";
import type { OutgoingMail, Recipient } from "../../data/shared/outboxRepository.js";
import { mailLanguage } from "../shared/mailMessages.js";

/** The criteria of a classification (Classification's boolean columns). */
const CRITERIA = [
  "openToCitizens",
  "integratesPublicService",
  "wellbeingImpact",
  "continuity",
  "thirdSectorPartnership",
] as const;

export type DecisionKind =
  | "APPROVED"
  | "REJECTED"
  | "CHANGES_REQUESTED"
  | "SUSPENDED"
  | "REINSTATED"
  | "PACT_CONFIRMED"
  | "PACT_REJECTED"
  | "NETWORK_MEASURE_APPROVED"
  | "NETWORK_MEASURE_REJECTED"
  | "NETWORK_JOIN_REQUESTED"
  | "NETWORK_MEMBER_ACCEPTED"
  | "NETWORK_MEMBER_REJECTED"
  | "NETWORK_MEMBER_ADDED"
  | "NETWORK_MEMBER_REMOVED"
  | "PLAN_GOAL_ADDED"
  | "PLAN_GOAL_MET"
  | "PLAN_GOAL_NOT_MET"
  | "INTEGRATION_ACCEPTED";

/** A company as its e-mails need it: its name, its active accounts, its public contact address. */
export interface MailedCompany {
  name: string;
  contactEmail: string | null;
  users: Recipient[];
}

/** The company's active accounts, or its public contact address (in Italian) when it has none. */
export function companyRecipients(org: MailedCompany | null): Recipient[] {
  if (!org) return [];
  return org.users.length ? org.users : org.contactEmail ? [{ email: org.contactEmail, language: "it" }] : [];
}

type T = ReturnType<I18n["getFixedT"]>;

/**
 * E-mails that tell a company about a decision, each in its recipient's
 * language: one per recipient (none without a company), for
 * OutboxRepository.enqueueAll in the decision's transaction. `params` gets
 * the recipient's catalogue, for values that are words (an outcome, criteria).
 */
export function createDecisionMails(publicBaseUrl: string, i18n: I18n) {
  const write = (org: MailedCompany | null, key: string, params: (t: T) => Record<string, string>): OutgoingMail[] =>
    companyRecipients(org).map((to) => {
      const t = i18n.getFixedT(mailLanguage(to));
      const all = { ...params(t), url: `${publicBaseUrl}/impresa` };
      return { to: to.email, subject: t(`${key}.subject`, all), text: t(`${key}.text`, all) };
    });
  return {
    /** A measure's new classification: outcome, the criteria met, the rationale. */
    classification(
      org: MailedCompany | null,
      measure: string,
      c: { outcome: string; rationale: string } & Record<(typeof CRITERIA)[number], boolean>,
    ): OutgoingMail[] {
      return write(org, "admin.mail.CLASSIFIED", (t) => {
        const met = CRITERIA.filter((k) => c[k]).map((k) => t(`admin.classification.criterionShort.${k}`));
        return {
          organization: org?.name ?? "",
          measure,
          outcome: t(`outcomes.${c.outcome}`),
          criteria: met.length ? met.join(", ") : t("admin.classification.noCriteria"),
          rationale: c.rationale,
        };
      });
    },

    decision(kind: DecisionKind, org: MailedCompany | null, detail: string): OutgoingMail[] {
      return write(org, `admin.mail.${kind}`, () => ({ organization: org?.name ?? "", detail }));
    },
  };
}

export type DecisionMails = ReturnType<typeof createDecisionMails>;
