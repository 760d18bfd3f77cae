import type { AlertSettings } from "../../data/outreach/alertSubscriptionRepository.js";
import type { DigestItem } from "../../data/outreach/alertDigestRepository.js";
import type { OutgoingMail } from "../../data/shared/outboxRepository.js";
import { CONFIRMATION_DAYS } from "../../domain/alerts.js";
import { distanceShown } from "../../domain/distanceShown.js";
import { asLanguage, type I18n, type Language, type Translate } from "../../locales/i18n.js";

/** The place, the distance and the categories of a subscription, as its e-mails and pages say them. */
export function describeAlert(t: Translate, s: Omit<AlertSettings, "id" | "email" | "language">) {
  const place = s.comuneName
    ? t("alerts.place.comune", { comune: s.comuneName })
    : t("alerts.place.position", { lat: s.lat.toFixed(4), lon: s.lon.toFixed(4) });
  const categories = s.categories.length
    ? s.categories.map((c) => t(`categories.${c}`)).join(", ")
    : t("alerts.allCategories");
  return { place, radius: s.radiusKm, categories };
}

/**
 * The alerts' e-mails (catalogue "alerts.mail"), in the language of the page
 * the citizen subscribed on. Each carries its own unsubscribe link, in the text
 * and in the RFC 8058 headers that let a mail client offer one-click unsubscribe.
 */
export function createAlertMails(publicBaseUrl: string, i18n: I18n) {
  // The pages a link opens speak the subscriber's language, whatever the browser says.
  const link = (path: string, s: AlertSettings) => `${publicBaseUrl}${path}?lang=${asLanguage(s.language)}`;
  const unsubscribeUrl = (token: string, s: AlertSettings) => link(`/avvisi/disiscrizione/${token}`, s);

  function mail(s: AlertSettings, key: string, params: Record<string, unknown>, unsubscribeToken: string) {
    const t = i18n.getFixedT(asLanguage(s.language));
    const values = { ...describeAlert(t, s), ...params, unsubscribeLink: unsubscribeUrl(unsubscribeToken, s) };
    return {
      to: s.email,
      subject: t(`alerts.mail.${key}.subject`, values),
      text: `${t(`alerts.mail.${key}.text`, values)}\n\n${t("accounts.mail.signature")}`,
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl(unsubscribeToken, s)}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    } satisfies OutgoingMail;
  }

  /** One measure of a digest: what, who, how far (an approximate seat is never "0 km" away). */
  function itemLine(t: Translate, language: Language, item: DigestItem) {
    const km = new Intl.NumberFormat(language === "en" ? "en-GB" : "it-IT", { maximumFractionDigits: 1 });
    const d = distanceShown(item.distanceKm, item.approximate);
    const distance =
      d.kind === "inComune"
        ? t("alerts.mail.digest.inComune", { comune: item.comuneName ?? "" })
        : t(d.kind === "about" ? "alerts.mail.digest.about" : "alerts.mail.digest.distance", { km: km.format(d.km) });
    return t("alerts.mail.digest.item", {
      title: item.title,
      category: t(`categories.${item.category}`),
      organization: item.organizationName,
      distance,
      link: `${publicBaseUrl}/registro/${item.slug}`,
    });
  }

  return {
    /** The double opt-in: the link that confirms, valid CONFIRMATION_DAYS. */
    confirmation: (s: AlertSettings, confirmToken: string, unsubscribeToken: string): OutgoingMail =>
      mail(
        s,
        "confirm",
        { confirmLink: link(`/avvisi/conferma/${confirmToken}`, s), days: CONFIRMATION_DAYS },
        unsubscribeToken,
      ),

    /** The day's measures of one subscription, nearest first. */
    digest(s: AlertSettings, items: DigestItem[], unsubscribeToken: string): OutgoingMail {
      const language = asLanguage(s.language);
      const t = i18n.getFixedT(language);
      const lines = [...items].sort((a, b) => a.distanceKm - b.distanceKm).map((i) => itemLine(t, language, i));
      return mail(s, "digest", { count: items.length, measures: lines.join("\n\n") }, unsubscribeToken);
    },
  };
}

export type AlertMails = ReturnType<typeof createAlertMails>;
