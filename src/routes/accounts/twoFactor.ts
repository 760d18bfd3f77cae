import { Router } from "express";
import type { Request, RequestHandler, Response } from "express";
import QRCode from "qrcode";
import type { Services } from "../../services/index.js";
import { twoFactorRequired } from "../../services/accounts/twoFactorService.js";
import { requireRole } from "../../middleware/authorization.js";
import { ALL_ROLES } from "../../domain/roles.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { codeSchema, disableSchema } from "./twoFactor.schema.js";
import { ENROLMENT_PATH, finishLogin, waitingUser } from "./loginSteps.js";
import { renderCodeRefused } from "./secondFactor.js";

const enrolView = "accounts/twoFactorEnrol";
const manageView = "accounts/twoFactor";
const codesView = "accounts/recoveryCodes";

/**
 * The set-up page's QR code, as an SVG image in a data: URL (the CSP allows
 * data: images; no inline markup or script), and the secret in groups of four
 * for those who type it into the app.
 */
async function enrolmentLocals(enrolment: { secret: string; uri: string }, user: Express.User, duringLogin: boolean) {
  const svg = await QRCode.toString(enrolment.uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return {
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    secretGroups: enrolment.secret.match(/.{1,4}/g)!.join(" "),
    required: twoFactorRequired(user.role),
    duringLogin,
  };
}

/**
 * /account/due-fattori: set up the authenticator app (staff right after the
 * password, before they are signed in; company users when they choose),
 * then new recovery codes or, for company users, turning it off.
 */
export function twoFactorRoutes(services: Services) {
  const router = Router();
  const signedIn = requireRole(...ALL_ROLES);
  const twoFactor = services.twoFactor;

  // A login waiting for its set-up may reach the set-up, and nothing else.
  router.use(ENROLMENT_PATH, async (req, res, next) => {
    const found = req.user ? undefined : await waitingUser(req, services);
    if (found && (await twoFactor.loginStep(found.user)) === "enrol") {
      res.locals.enrollingLogin = found;
      return next();
    }
    signedIn(req, res, next);
  });
  const onlySignedIn: RequestHandler = (req, res, next) =>
    req.user ? next() : res.status(403).render("errors/403", { status: 403 });

  /** Who is on the page, and the login they are completing (if they are not signed in yet). */
  function who(req: Request, res: Response) {
    const login = res.locals.enrollingLogin as Awaited<ReturnType<typeof waitingUser>>;
    return { user: req.user ?? login!.user, login };
  }
  const manageLocals = async (user: Express.User) => ({ status: await twoFactor.status(user) });

  router.get(ENROLMENT_PATH, async (req, res) => {
    const { user, login } = who(req, res);
    const enrolment = await twoFactor.enrolment(user);
    res.set("Cache-Control", "no-store");
    if (!enrolment) return res.render(manageView, { ...(await manageLocals(user)), values: {}, errors: {} });
    res.render(enrolView, { ...(await enrolmentLocals(enrolment, user, !!login)), values: {}, errors: {} });
  });

  router.post(ENROLMENT_PATH, async (req, res) => {
    const { user, login } = who(req, res);
    const form = parseForm(codeSchema, req);
    const outcome = form.ok ? await twoFactor.confirmEnrolment(user, form.data.code) : undefined;
    res.set("Cache-Control", "no-store");
    if (!outcome?.ok) {
      const enrolment = await twoFactor.enrolment(user);
      if (!enrolment) return res.redirect(303, ENROLMENT_PATH);
      const errors = form.ok ? { code: { key: "accounts.twoFactor.wrongCode" } } : form.errors;
      return renderInvalid(res, enrolView, { errors, values: {} }, await enrolmentLocals(enrolment, user, !!login));
    }
    const next = login ? await finishLogin(req, res, services, user, login.returnTo) : "/account?fatto=dueFattori";
    res.render(codesView, { codes: outcome.recoveryCodes, next });
  });

  router.post(`${ENROLMENT_PATH}/codici-di-recupero`, onlySignedIn, async (req, res) => {
    const form = parseForm(codeSchema, req);
    if (!form.ok) return renderInvalid(res, manageView, { ...form, values: {} }, await manageLocals(req.user!));
    const outcome = await twoFactor.regenerateRecoveryCodes(req.user!, form.data.code);
    if (!outcome.ok) return renderCodeRefused(res, manageView, "code", outcome, await manageLocals(req.user!));
    res.set("Cache-Control", "no-store").render(codesView, { codes: outcome.recoveryCodes, next: ENROLMENT_PATH });
  });

  router.post(`${ENROLMENT_PATH}/disattiva`, onlySignedIn, async (req, res) => {
    const form = parseForm(disableSchema, req);
    if (!form.ok) return renderInvalid(res, manageView, { ...form, values: {} }, await manageLocals(req.user!));
    const outcome = await twoFactor.disable(req.user!, form.data.disableCode);
    if (!outcome.ok && outcome.reason === "required") return res.status(403).render("errors/403", { status: 403 });
    if (!outcome.ok) return renderCodeRefused(res, manageView, "disableCode", outcome, await manageLocals(req.user!));
    res.redirect(303, "/account?fatto=dueFattoriDisattivata");
  });

  return router;
}
