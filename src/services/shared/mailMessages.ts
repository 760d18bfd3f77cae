import type { I18n } from "../../locales/i18n.js";
import type { OutgoingMail } from "../../data/shared/outboxRepository.js";

/**
 * The texts of the e-mails, from the Italian catalogue (accounts.mail.*,
 * company.mail.*); links are made absolute with the public address.
 */
export function createMailMessages(publicBaseUrl: string, i18n: I18n) {
  const t = i18n.getFixedT("it");
  return (to: string, key: string, params: Record<string, unknown> = {}): OutgoingMail => {
    // Parameters named like "link" or "adminLink" are paths of this site.
    const absolute = Object.entries(params).map(([k, v]) => [
      k,
      /link$/i.test(k) && typeof v === "string" ? `${publicBaseUrl}${v}` : v,
    ]);
    const values: Record<string, unknown> = { ...Object.fromEntries(absolute), site: t("site.name") };
    const text = (k: string) => String(t(k, values));
    return {
      to,
      subject: text(`${key}.subject`),
      text: `${text(`${key}.text`)}\n\n${text("accounts.mail.signature")}`,
    };
  };
}

export type MailMessages = ReturnType<typeof createMailMessages>;
