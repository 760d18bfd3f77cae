import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud on the phone and copied by hand.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** "CONS-2026-7KQ2MX": the year and six random characters (31^6 ≈ 890 million), never a sequence. */
export function newAdviceReference(now: Date = new Date()): string {
  let code = "";
  for (let i = 0; i < 6; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `CONS-${now.getUTCFullYear()}-${code}`;
}

export const adviceReferencePattern = /^CONS-\d{4}-[2-9A-HJKMNP-Z]{6}$/;
