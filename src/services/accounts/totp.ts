import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 seconds. */
const PERIOD_SECONDS = 30;

const totp = (base32: string, issuer = "", label = "") =>
  new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(base32) });

/** A new secret of 160 bits (RFC 4226's recommended length), in base32 as apps show it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The otpauth:// URI the QR code carries. */
export const totpUri = (base32: string, issuer: string, label: string) => totp(base32, issuer, label).toString();

/** The 30-second step a time falls in (the counter of RFC 6238). */
export const stepAt = (time: number) => Math.floor(time / 1000 / PERIOD_SECONDS);

/**
 * The step whose code `code` is, within one step either side of `now` (a phone
 * clock slightly off, a code typed as it changes), or null: a wrong code.
 */
export function matchingStep(base32: string, code: string, now = Date.now()): number | null {
  const delta = totp(base32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : stepAt(now) + delta;
}
