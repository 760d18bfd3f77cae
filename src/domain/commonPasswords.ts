import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The common passwords of zxcvbn-ts's list (about 49,000, from breach corpora)
 * that are long enough to pass our minimum length: the others are refused
 * anyway. Built on first use, compared without case.
 */
let common: Set<string> | undefined;

export function isCommonPassword(password: string, minLength: number): boolean {
  common ??= new Set(
    (dictionary["passwords-common"] as string[]).filter((p) => p.length >= minLength).map((p) => p.toLowerCase()),
  );
  return common.has(password.toLowerCase());
}
