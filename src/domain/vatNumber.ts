/**
 * The Italian VAT number (Partita IVA): 11 digits, the last a check digit.
 * Digits 1-7 number the taxpayer, 8-10 name the tax office, 11 checks the rest
 * (a Luhn variant: digits in even positions are doubled, minus 9 above 9).
 */

/** The check digit of the first ten digits of a Partita IVA. */
export function vatCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) {
    throw new RangeError(`vatCheckDigit expects 10 digits, got "${first10}"`);
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      sum += digit;
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * True for 11 digits with a correct check digit. The all-zero number passes
 * the checksum but is never issued, so it is refused.
 */
export function isValidVatNumber(s: string): boolean {
  if (!/^\d{11}$/.test(s) || s === "00000000000") return false;
  return vatCheckDigit(s.slice(0, 10)) === Number(s[10]);
}

/** A Partita IVA as staff type it in a search box ("IT 012 345 678 90"), or undefined when it is not one. */
export function typedVatNumber(text: string): string | undefined {
  return /^(?:IT)?(\d{11})$/i.exec(text.replace(/\s+/g, ""))?.[1];
}
