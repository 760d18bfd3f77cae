/**
 * Progressive delays after failed logins (OWASP ASVS 5.0 6.3.1), never a
 * lockout: a key may fail FREE times, then each further attempt must wait
 * twice as long as the one before after its latest failure, from one second up
 * to MAX_DELAY_MS. Two keys per attempt: the address typed together with the
 * client's address (someone guessing one account from one place is slowed
 * down at once), and the address typed alone with a higher allowance (a
 * distributed guess slows down too, while the owner, elsewhere, is at most
 * delayed, never locked out, and can always reset the password, which clears
 * both). Keys are built from what was typed, so a known and an unknown
 * address behave alike.
 */
export const THROTTLE = {
  /** Failures allowed from one client for one address before the delays start. */
  pairFree: 5,
  /** Failures allowed for one address from anywhere before the delays start. */
  accountFree: 20,
  maxDelayMs: 15 * 60_000,
  /** Counters are forgotten a day after their latest failure. */
  forgetAfterMs: 24 * 60 * 60_000,
} as const;

export const throttleKeys = (email: string, client: string) => {
  const address = email.trim().toLowerCase();
  return { pair: `pair:${address}|${client}`, account: `account:${address}` };
};

/** How long after its latest failure a key must wait before it may try again (0: not throttled). */
export function delayMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** (failures - free), THROTTLE.maxDelayMs);
}

/** The milliseconds to wait before the next attempt with these counters (0 = go ahead). */
export function waitMs(
  states: { key: string; failures: number; lastFailureAt: Date }[],
  keys: { pair: string; account: string },
  now: number,
): number {
  let wait = 0;
  for (const s of states) {
    const free = s.key === keys.pair ? THROTTLE.pairFree : THROTTLE.accountFree;
    wait = Math.max(wait, s.lastFailureAt.getTime() + delayMs(s.failures, free) - now);
  }
  return Math.max(0, wait);
}
