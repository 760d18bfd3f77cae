import type { OutgoingMail } from "../../data/shared/outboxRepository.js";
import { verificationDeadline } from "../../domain/verification.js";
import type { I18n, Language } from "../../locales/i18n.js";
import { mailLanguage } from "../shared/mailMessages.js";
import { companyRecipients, type MailedCompany } from "./decisionMails.js";

/** A day as people of the language write it, in Italian time. */
const day = (d: Date, language: Language) =>
  d.toLocaleDateString(language === "en" ? "en-GB" : "it-IT", { dateStyle: "long", timeZone: "Europe/Rome" });

/** An entry overdue for verification, as the staff's e-mail lists it. */
export interface OverdueEntry {
  id: number;
  name: string;
  lastVerifiedAt: Date | null;
}

/**
 * The e-mails of the re-verification cycle (catalogue "verification.mail"),
 * each in its recipient's language (the language of their last login).
 */
export function createVerificationMails(publicBaseUrl: string, i18n: I18n) {
  const toCompany = (org: MailedCompany, key: string, dates: Record<string, Date>): OutgoingMail[] =>
    companyRecipients(org).map((to) => {
      const language = mailLanguage(to);
      const t = i18n.getFixedT(language);
      const params: Record<string, string> = { organization: org.name, url: `${publicBaseUrl}/impresa` };
      for (const [name, date] of Object.entries(dates)) params[name] = day(date, language);
      return {
        to: to.email,
        subject: t(`verification.mail.${key}.subject`, params),
        text: t(`verification.mail.${key}.text`, params),
      };
    });

  return {
    /** 11 months after the last verification: confirm the data or revise them. */
    reminder: (org: MailedCompany, lastVerifiedAt: Date) =>
      toCompany(org, "reminder", { lastVerified: lastVerifiedAt, deadline: verificationDeadline(lastVerifiedAt) }),

    /** Staff checked the company's confirmation: the entry counts as verified today. */
    verified: (org: MailedCompany, at: Date) => toCompany(org, "verified", { verified: at }),

    /** One e-mail per member of staff, listing the entries that just passed 18 months. */
    overdue(staff: { email: string; language: string }[], entries: OverdueEntry[]): OutgoingMail[] {
      if (!entries.length) return [];
      return staff.map((member) => {
        const language = mailLanguage(member);
        const t = i18n.getFixedT(language);
        const lines = entries.map((e) =>
          t("verification.mail.overdue.entry", {
            name: e.name,
            lastVerified: e.lastVerifiedAt ? day(e.lastVerifiedAt, language) : "—",
            url: `${publicBaseUrl}/admin/imprese/${e.id}`,
          }),
        );
        const params = { count: entries.length, entries: lines.join("\n"), url: `${publicBaseUrl}/admin/verifiche` };
        return {
          to: member.email,
          subject: t("verification.mail.overdue.subject", params),
          text: t("verification.mail.overdue.text", params),
        };
      });
    },
  };
}

export type VerificationMails = ReturnType<typeof createVerificationMails>;
