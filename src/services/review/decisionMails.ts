import type { I18n } from "../../locales/i18n.js";
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

/** E-mails that tell a company about a decision, in Italian (the company's language of record). */
export function createDecisionMails(publicBaseUrl: string, i18n: I18n) {
  return {
    /** The company's active accounts, or its public contact address when it has none. */
    recipients(org: { contactEmail: string | null; users: { email: string }[] }): string[] {
      const emails = org.users.map((u) => u.email);
      return emails.length ? emails : org.contactEmail ? [org.contactEmail] : [];
    },

    /** A measure's new classification: outcome, the criteria met, the rationale. */
    classification(
      to: string,
      organization: string,
      measure: string,
      c: { outcome: string; rationale: string } & Record<(typeof CRITERIA)[number], boolean>,
    ): OutgoingMail {
      const t = i18n.getFixedT("it");
      const met = CRITERIA.filter((k) => c[k]).map((k) => t(`admin.classification.criterionShort.${k}`));
      const params = {
        organization,
        measure,
        outcome: t(`outcomes.${c.outcome}`),
        criteria: met.length ? met.join(", ") : t("admin.classification.noCriteria"),
        rationale: c.rationale,
        url: `${publicBaseUrl}/impresa`,
      };
      return { to, subject: t("admin.mail.CLASSIFIED.subject", params), text: t("admin.mail.CLASSIFIED.text", params) };
    },

    decision(kind: Kind, to: string, organization: string, detail: string): OutgoingMail {
      const t = i18n.getFixedT("it");
      const params = { organization, detail, url: `${publicBaseUrl}/impresa` };
      return { to, subject: t(`admin.mail.${kind}.subject`, params), text: t(`admin.mail.${kind}.text`, params) };
    },
  };
}

export type DecisionMails = ReturnType<typeof createDecisionMails>;
