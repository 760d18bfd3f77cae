import { monthsBefore } from "./romeTime.js";

/**
 * The re-verification cycle of an entry, counted from its last verification:
 * at 11 months the company is reminded and may confirm its data unchanged, at
 * 12 the public page marks the entry as not recently verified, at 18 staff are
 * told and may suspend it.
 */
export const REMINDER_MONTHS = 11;
/** An entry not verified for this long is listed for staff and marked on its public page. */
export const VERIFICATION_MONTHS = 12;
export const STAFF_ALERT_MONTHS = 18;

/** Entries last verified before this date need verifying again. */
export function verificationThreshold(now = new Date()): Date {
  return monthsBefore(now, VERIFICATION_MONTHS);
}

export function needsVerification(lastVerifiedAt: Date | null, now = new Date()): boolean {
  return !lastVerifiedAt || lastVerifiedAt < verificationThreshold(now);
}

/** Entries last verified before this date are due: the company is reminded and may confirm. */
export const reminderThreshold = (now = new Date()) => monthsBefore(now, REMINDER_MONTHS);

/** Entries last verified before this date are overdue: staff are told and may suspend. */
export const staffAlertThreshold = (now = new Date()) => monthsBefore(now, STAFF_ALERT_MONTHS);

/** The day by which a verification due now should be done (after it the public page says so). */
export const verificationDeadline = (lastVerifiedAt: Date) => monthsBefore(lastVerifiedAt, -VERIFICATION_MONTHS);
