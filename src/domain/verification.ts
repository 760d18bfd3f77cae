/** An entry not verified for this long is listed for staff and marked on its public page. */
export const VERIFICATION_MONTHS = 12;

/** Entries last verified before this date need verifying again. */
export function verificationThreshold(now = new Date()): Date {
  const d = new Date(now);
  d.setMonth(d.getMonth() - VERIFICATION_MONTHS);
  return d;
}

export function needsVerification(lastVerifiedAt: Date | null, now = new Date()): boolean {
  return !lastVerifiedAt || lastVerifiedAt < verificationThreshold(now);
}
