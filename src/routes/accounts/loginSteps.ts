import type { Request, Response } from "express";
import type { Services } from "../../services/index.js";
import { safeReturnPath, SECOND_STEP_PATH } from "../../middleware/authorization.js";
import { beginPendingLogin, pendingLogin } from "../../middleware/pendingLogin.js";
import { areaOf } from "../../domain/roles.js";

/** Where the second factor is set up: after the password for staff who have none, from /account for anyone. */
export const ENROLMENT_PATH = "/account/due-fattori";

export const homeFor = (user: Express.User) => areaOf(user.role);

/** passport's req.login regenerates the session id, so a planted id is useless after login. */
function logIn(req: Request, user: Express.User) {
  return new Promise<void>((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())));
}

/** Signs the user in (both factors passed, or the only one they need); the path to go on to. */
export async function finishLogin(
  req: Request,
  res: Response,
  services: Services,
  user: Express.User,
  returnTo: string | undefined,
) {
  await logIn(req, user);
  // The absolute lifetime counts from here (middleware/session.ts).
  req.session.loginAt = Date.now();
  res.locals.user = user;
  // A CSRF token bound to the new session, sent with the redirect (middleware/csrf.ts).
  res.locals.csrfToken();
  await services.account.rememberLanguage(user.id, String(res.locals.lang));
  return safeReturnPath(returnTo, homeFor(user));
}

/** After the right password: signed in, or on to the second factor (or its set-up); the path to go on to. */
export async function afterPassword(
  req: Request,
  res: Response,
  services: Services,
  user: Express.User,
  returnTo: string | undefined,
) {
  const step = await services.twoFactor.loginStep(user);
  if (step === "none") return finishLogin(req, res, services, user, returnTo);
  await beginPendingLogin(req, user.id, returnTo);
  return step === "verify" ? SECOND_STEP_PATH : ENROLMENT_PATH;
}

/** The user whose login waits for the second factor (while the account is active). */
export async function waitingUser(req: Request, services: Services) {
  const pending = pendingLogin(req);
  const user = pending && (await services.auth.sessionUser(pending.userId));
  return user ? { user, returnTo: pending.returnTo } : undefined;
}
