/**
 * Amounts in euro as people type them, read without floating point:
 * "1.234,56", "1234,56", "1234.56", "1.234" (Italian thousands), "€ 12".
 * A comma is always the decimal separator; without a comma, a dot followed by
 * groups of exactly three digits separates thousands ("1.234" is 1234), any
 * other single dot is the decimal separator ("12.5"). Cents: at most two.
 * Returns the canonical decimal string ("1234.56") or null.
 */
export function parseEuroAmount(input: string, maxIntegerDigits = 12): string | null {
  const text = input.replace(/[\s\u00a0€]/g, "");
  let integer: string;
  let cents: string;
  let match: RegExpExecArray | null;
  if (
    (match = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$/.exec(text)) ||
    (match = /^(\d{1,3}(?:\.\d{3})+|\d+)()$/.exec(text))
  ) {
    integer = match[1]!.replaceAll(".", "");
    cents = match[2] ?? "";
  } else if ((match = /^(\d+)\.(\d{1,2})$/.exec(text))) {
    integer = match[1]!;
    cents = match[2]!;
  } else {
    return null;
  }
  integer = integer.replace(/^0+(?=\d)/, "");
  if (integer.length > maxIntegerDigits) return null;
  return `${integer}.${cents.padEnd(2, "0")}`;
}

/** "1234.5" → "1.234,50" (Italian) or "1,234.50" (English), from the decimal string. */
export function formatEuroAmount(amount: string, lang: "it" | "en"): string {
  const [integer = "0", fraction = ""] = amount.split(".");
  const negative = integer.startsWith("-");
  const digits = negative ? integer.slice(1) : integer;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "it" ? "." : ",");
  return `${negative ? "-" : ""}${grouped}${lang === "it" ? "," : "."}${fraction.padEnd(2, "0").slice(0, 2)}`;
}
