// The authenticator app of the tests' users: secrets learnt at enrolment
// (from the set-up page, as a person reads it, or from the service), and the
// codes the app would show. Each code works once (the server remembers the
// last step used), so a user logging in several times within 30 seconds gets
// the next step's code (the server accepts one step ahead), then recovery codes.
import { Secret, TOTP } from "otpauth";

interface Authenticator {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}
const authenticators = new Map<string, Authenticator>();

const stepNow = () => Math.floor(Date.now() / 30_000);

/** The code of `secret` (base32) at a 30-second step. */
export function codeAt(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: step * 30_000,
  });
}

/** The code shown now, and its step. */
export function currentCode(secret: string): { code: string; step: number } {
  const step = stepNow();
  return { code: codeAt(secret, step), step };
}

/** After an enrolment: `step` is the one its confirmation code used. */
export function rememberAuthenticator(email: string, secret: string, step: number, recoveryCodes: string[]) {
  authenticators.set(email, { secret, lastStep: step, recoveryCodes: [...recoveryCodes] });
}

/** The secret printed on the set-up page (id "chiave-segreta", in groups of four). */
export function secretOnPage(html: string): string {
  const groups = html.match(/id="chiave-segreta"[^>]*>([^<]+)</)?.[1];
  if (!groups) throw new Error("no secret on the set-up page");
  return groups.replace(/\s/g, "");
}

/** The recovery codes listed once after an enrolment. */
export function recoveryCodesOnPage(html: string): string[] {
  return [...html.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
}

/**
 * What to type at the second step for `email`: a code of the app not used yet
 * (`code`), or past two logins within 30 seconds a recovery code (`recoveryCode`,
 * posted to its own form).
 */
export function nextCode(email: string): { code: string } | { recoveryCode: string } {
  const known = authenticators.get(email);
  if (!known) throw new Error(`no authenticator enrolled by the tests for ${email}`);
  const now = stepNow();
  const step = Math.max(known.lastStep + 1, now);
  if (step <= now + 1) {
    known.lastStep = step;
    return { code: codeAt(known.secret, step) };
  }
  const recoveryCode = known.recoveryCodes.shift();
  if (!recoveryCode) throw new Error(`${email} logged in too often: no code and no recovery code left`);
  return { recoveryCode };
}

/** The next code of the app for `email` (for forms that take only that): the helper fails rather than wait. */
export function nextAppCode(email: string): string {
  const next = nextCode(email);
  if (!("code" in next)) throw new Error(`no unused code of the app for ${email} within this 30 seconds`);
  return next.code;
}
