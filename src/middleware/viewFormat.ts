import type { Language } from "../locales/i18n.js";

const localeOf = (lang: Language) => (lang === "en" ? "en-GB" : "it-IT");

/**
 * Dates and numbers as the pages show them, one formatter per language built
 * once (Intl formatters are costly to create), exposed to every view as
 * `format` (viewLocals.ts) instead of Intl set up inside templates.
 */
function createFormat(lang: Language) {
  const locale = localeOf(lang);
  const calendarDay = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const romeDay = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Rome",
  });
  const romeDateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Rome",
  });
  const integer = new Intl.NumberFormat(locale);
  const euro = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  return {
    locale,
    /** A calendar day stored in a date column (00:00 UTC), e.g. "25 novembre 2026". */
    calendarDay: (d: Date) => calendarDay.format(d),
    /** The day of an instant in Bologna. */
    day: (d: Date) => romeDay.format(d),
    /** Date and time of an instant in Bologna. */
    dateTime: (d: Date) => romeDateTime.format(d),
    number: (n: number, digits = 0) =>
      digits === 0
        ? integer.format(n)
        : new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
    euro: (amount: number | string) => euro.format(Number(amount)),
  };
}

export type ViewFormat = ReturnType<typeof createFormat>;
const formats = new Map<Language, ViewFormat>();

export function viewFormat(lang: Language): ViewFormat {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = createFormat(lang)));
  return format;
}
