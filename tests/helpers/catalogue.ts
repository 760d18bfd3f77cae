import { createI18n, type Language } from "../../src/locales/i18n.js";

const i18n = createI18n();

/**
 * A text of the catalogues (src/locales), as the app writes it: tests compare
 * pages with this rather than with a copy of the sentence, so that rewording
 * the copy does not break them. Pages escape it: see `inHtml`.
 */
export function t(key: string, lng: Language = "it", options: Record<string, unknown> = {}): string {
  return i18n.t(key, { ...options, lng });
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };

/** A text as EJS's `<%=` writes it into a page. */
export const inHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);

/** The error that views/components show beside the field `field` (id `campo-<field>-errore`), in Italian. */
export function fieldError(field: string, key: string, options: Record<string, unknown> = {}): RegExp {
  const text = inHtml(t(key, "it", options)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`id="campo-${field}-errore"[^>]*>${text}`);
}
