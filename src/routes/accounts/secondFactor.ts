import { Router } from "express";
import type { Request, Response } from "express";
import type { Services } from "../../services/index.js";
import type { CodeRefusal } from "../../services/accounts/twoFactorService.js";
import { SECOND_STEP_PATH } from "../../middleware/authorization.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { codeSchema, recoveryCodeSchema } from "./twoFactor.schema.js";
import { ENROLMENT_PATH, finishLogin, homeFor, waitingUser } from "./loginSteps.js";

const view = "accounts/secondFactor";
type Waiting = NonNullable<Awaited<ReturnType<typeof waitingUser>>>;

/** A wrong code: 422 beside the field; too many wrong codes: 429 and how long to wait. */
export function renderCodeRefused(
  res: Response,
  viewName: string,
  field: string,
  check: CodeRefusal,
  locals: Record<string, unknown> = {},
) {
  if (check.reason === "wrong")
    return renderInvalid(
      res,
      viewName,
      { errors: { [field]: { key: "accounts.twoFactor.wrongCode" } }, values: {} },
      locals,
    );
  const minutes = Math.max(1, Math.ceil((check.until.getTime() - Date.now()) / 60_000));
  res.set("Retry-After", String(minutes * 60));
  res.status(429).render(viewName, {
    ...locals,
    values: {},
    errors: { [field]: { key: "accounts.twoFactor.wait", params: { count: minutes } } },
  });
}

/**
 * The second step of the login (/accedi/codice): the code of the app, or a
 * recovery code. Only a session whose password was right a few minutes ago
 * gets here; the right code signs it in (with a new session id).
 */
export function secondFactorRoutes(services: Services) {
  const router = Router();

  /** The waiting login, or (sent elsewhere) undefined: to the set-up, to the password, or home if signed in. */
  async function waiting(req: Request, res: Response): Promise<Waiting | undefined> {
    if (req.user) {
      res.redirect(303, homeFor(req.user));
      return undefined;
    }
    const found = await waitingUser(req, services);
    const step = found && (await services.twoFactor.loginStep(found.user));
    if (step === "verify") return found;
    res.redirect(303, step === "enrol" ? ENROLMENT_PATH : "/accedi");
    return undefined;
  }

  async function signIn(req: Request, res: Response, found: Waiting, field: string, code: string) {
    const outcome = await services.twoFactor.verify(found.user.id, code);
    if (!outcome.ok) return renderCodeRefused(res, view, field, outcome);
    res.redirect(303, await finishLogin(req, res, services, found.user, found.returnTo));
  }

  router.get(SECOND_STEP_PATH, async (req, res) => {
    if (await waiting(req, res)) res.render(view, { values: {}, errors: {} });
  });

  router.post(SECOND_STEP_PATH, async (req, res) => {
    const found = await waiting(req, res);
    if (!found) return;
    const form = parseForm(codeSchema, req);
    if (!form.ok) return renderInvalid(res, view, { ...form, values: {} });
    await signIn(req, res, found, "code", form.data.code);
  });

  router.post("/accedi/codice-di-recupero", async (req, res) => {
    const found = await waiting(req, res);
    if (!found) return;
    const form = parseForm(recoveryCodeSchema, req);
    if (!form.ok) return renderInvalid(res, view, { ...form, values: {} });
    await signIn(req, res, found, "recoveryCode", form.data.recoveryCode);
  });

  return router;
}
