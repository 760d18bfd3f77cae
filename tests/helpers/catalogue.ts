import { createI18n, type Language } from "../../src/locales/i18n.js";

const i18n = createI18n();

/**
 * A text of the catalogues (src/locales), as the app writes it: tests compare
 * pages with this rather than with a copy of the sentence, so that rewording
 * the copy does not break them. Pages escape `&`, `<`, `>`, `"` and `'`: pick
 * texts without them when matching HTML.
 */
export function t(key: string, lng: Language = "it", options: Record<string, unknown> = {}): string {
  return i18n.t(key, { ...options, lng });
}
