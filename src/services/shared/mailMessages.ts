import { asLanguage, type I18n, type Language } from "../../locales/i18n.js";
import type { OutgoingMail, Recipient } from "../../data/shared/outboxRepository.js";

/** The catalogue language of a recipient: English for "en", Italian otherwise. */
export const mailLanguage = (to: string | Recipient): Language =>
  typeof to === "string" ? "it" : asLanguage(to.language);

/**
 * The texts of the e-mails, from the catalogues (accounts.mail.*,
 * company.mail.*) in the recipient's language, Italian for a bare address;
 * links are made absolute with the public address.
 */
export function createMailMessages(publicBaseUrl: string, i18n: I18n) {
  return (to: string | Recipient, key: string, params: Record<string, unknown> = {}): OutgoingMail => {
    const t = i18n.getFixedT(mailLanguage(to));
    // Parameters named like "link" or "adminLink" are paths of this site.
    const absolute = Object.entries(params).map(([k, v]) => [
      k,
      /link$/i.test(k) && typeof v === "string" ? `${publicBaseUrl}${v}` : v,
    ]);
    const values: Record<string, unknown> = { ...Object.fromEntries(absolute), site: t("site.name") };
    const text = (k: string) => String(t(k, values));
    return {
      to: typeof to === "string" ? to : to.email,
      subject: text(`${key}.subject`),
      text: `${text(`${key}.text`)}\n\n${text("accounts.mail.signature")}`,
    };
  };
}

export type MailMessages = ReturnType<typeof createMailMessages>;
