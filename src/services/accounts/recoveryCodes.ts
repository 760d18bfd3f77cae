import { randomBytes } from "node:crypto";
import { hashToken } from "../shared/secretTokens.js";

export const RECOVERY_CODE_COUNT = 10;
// 32 symbols without 0/O and 1/I, which people mistake for each other when copying.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * Ten single-use codes for a lost phone, 16 symbols each (80 random bits:
 * too many to guess, so an unsalted SHA-256 is enough to store them), shown in
 * groups of four.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 256 is a multiple of 32: every symbol is equally likely.
    const symbols = [...randomBytes(16)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
    return symbols.match(/.{4}/g)!.join("-");
  });
}

/** What is stored: the code as typed, without case, spaces or dashes, hashed. */
export const hashRecoveryCode = (typed: string) => hashToken(typed.toUpperCase().replace(/[\s-]/g, ""));
