import i18next, { type i18n } from "i18next";
import { loadCatalogue } from "./loadCatalogue.js";

export const languages = ["it", "en"] as const;
export type Language = (typeof languages)[number];
export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type I18n = i18n;

/** A stored language (a user's, a request's), Italian when it is none of ours. */
export const asLanguage = (value: unknown): Language => (value === "en" ? "en" : "it");

/**
 * The texts of both languages, ready at once (the catalogues are in memory, so
 * nothing to wait for). Built once by the app and passed to whoever writes
 * text: the i18n middleware for pages, the services that write e-mails.
 */
export function createI18n(): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { it: { translation: loadCatalogue("it") }, en: { translation: loadCatalogue("en") } },
    lng: "it",
    fallbackLng: "it",
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // EJS escapes on output
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
