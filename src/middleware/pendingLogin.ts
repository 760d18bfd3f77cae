import type { Request } from "express";

/** Time to type the code after the password; then the password is asked again. */
const PENDING_MINUTES = 10;

/**
 * After a right password a user who has (or must set up) a second factor is
 * not signed in yet: the session only remembers who typed it, for a few
 * minutes. Nothing but the second step reads this, so every area stays closed
 * (req.user is unset) until the code is right.
 */
export function beginPendingLogin(req: Request, userId: number, returnTo: string | undefined): Promise<void> {
  req.session.pendingLogin = { userId, returnTo, expiresAt: Date.now() + PENDING_MINUTES * 60_000 };
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err as Error) : resolve())));
}

/** The login waiting for its second factor, while it is recent enough. */
export function pendingLogin(req: Request) {
  const pending = req.session?.pendingLogin;
  return pending && pending.expiresAt > Date.now() ? pending : undefined;
}
