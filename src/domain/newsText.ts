import type { Language } from "../locales/i18n.js";

/** The texts of a news item: Italian, and English ("" = no English version). */
export interface NewsTexts {
  titleIt: string;
  summaryIt: string;
  bodyIt: string;
  titleEn: string;
  summaryEn: string;
  bodyEn: string;
  imageAltIt: string;
  imageAltEn: string;
}

/**
 * A news item's texts in the reader's language: English when the item has an
 * English version (staff write all of it or none), Italian otherwise, with
 * `lang` saying which, so that pages and feeds can mark Italian text as such.
 */
export function newsInLanguage(item: NewsTexts, lang: Language) {
  if (lang === "en" && item.titleEn !== "") {
    return {
      lang: "en" as Language,
      title: item.titleEn,
      summary: item.summaryEn,
      body: item.bodyEn,
      imageAlt: item.imageAltEn || item.imageAltIt,
    };
  }
  return {
    lang: "it" as Language,
    title: item.titleIt,
    summary: item.summaryIt,
    body: item.bodyIt,
    imageAlt: item.imageAltIt,
  };
}
