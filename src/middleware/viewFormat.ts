import type { Language } from "../locales/i18n.js";

const localeOf = (lang: Language) => (lang === "en" ? "en-GB" : "it-IT");

/**
 * Dates and numbers as the pages show them, exposed to every view as `format`
 * (viewLocals.ts) instead of Intl set up inside templates. Intl formatters are
 * costly to create and pages are rendered many times, so each one is built
 * once per language (and per number of decimals) and then reused.
 */
function createFormat(lang: Language) {
  const locale = localeOf(lang);
  const date = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options);
  const longDay = { day: "numeric", month: "long", year: "numeric" } as const;
  const calendarDay = date({ ...longDay, timeZone: "UTC" });
  const romeDay = date({ ...longDay, timeZone: "Europe/Rome" });
  const romeDateTime = date({ dateStyle: "long", timeStyle: "short", timeZone: "Europe/Rome" });
  const month = date({ month: "long", timeZone: "UTC" });
  const plain = new Intl.NumberFormat(locale);
  const upToOneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const euro = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  const fixed = new Map<number, Intl.NumberFormat>();
  const decimals = (digits: number) => {
    let f = fixed.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      fixed.set(digits, f);
    }
    return f;
  };
  return {
    locale,
    /** A calendar day stored in a date column (00:00 UTC), e.g. "25 novembre 2026". */
    calendarDay: (d: Date) => calendarDay.format(d),
    /** The day of an instant in Bologna. */
    day: (d: Date) => romeDay.format(d),
    /** Date and time of an instant in Bologna. */
    dateTime: (d: Date) => romeDateTime.format(d),
    /** The name of a month, 1 = January. */
    monthName: (m: number) => month.format(new Date(Date.UTC(2026, m - 1, 1))),
    /** Without `digits` as Intl's default (up to 3 decimals), with it exactly that many. */
    number: (n: number, digits?: number) => (digits === undefined ? plain : decimals(digits)).format(n),
    /** At most one decimal, e.g. a distance in km. */
    upToOneDecimal: (n: number) => upToOneDecimal.format(n),
    /** One decimal and " %", e.g. "12,5 %". */
    percent: (n: number) => decimals(1).format(n) + " %",
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
