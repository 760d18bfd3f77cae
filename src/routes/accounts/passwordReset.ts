import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { forgotPasswordSchema, newPasswordSchema } from "./accounts.schema.js";

/** Reset by a single-use link that expires after an hour; the request never tells whether the address exists. */
export function passwordResetRoutes(services: Services, limits: RateLimits) {
  const router = Router();

  router.get("/password-dimenticata", (_req, res) => res.render("accounts/forgotPassword", { values: {}, errors: {} }));

  router.post("/password-dimenticata", limits.login, limits.targetAddress, async (req, res) => {
    const form = parseForm(forgotPasswordSchema, req);
    if (!form.ok) return renderInvalid(res, "accounts/forgotPassword", form);
    await services.account.requestPasswordReset(form.data.email);
    res.render("accounts/notice", {
      title: "accounts.forgot.sentTitle",
      body: "accounts.forgot.sent",
      params: { email: form.data.email },
    });
  });

  const invalidLink = {
    title: "accounts.reset.invalidTitle",
    body: "accounts.reset.invalid",
    link: { href: "/password-dimenticata", label: "accounts.forgot.title" },
  };

  router.get("/reimposta-password/:token", async (req, res) => {
    if (!(await services.account.tokenIsValid(String(req.params.token), "RESET_PASSWORD")))
      return res.status(410).render("accounts/notice", invalidLink);
    res.render("accounts/resetPassword", { token: String(req.params.token), values: {}, errors: {} });
  });

  router.post("/reimposta-password/:token", limits.login, async (req, res) => {
    const form = parseForm(newPasswordSchema, req);
    if (!form.ok)
      return renderInvalid(res, "accounts/resetPassword", { ...form, values: {} }, { token: String(req.params.token) });
    if (!(await services.account.resetPassword(String(req.params.token), form.data.password)))
      return res.status(410).render("accounts/notice", invalidLink);
    res.render("accounts/notice", {
      title: "accounts.reset.doneTitle",
      body: "accounts.reset.done",
      link: { href: "/accedi", label: "accounts.login.title" },
    });
  });

  return router;
}
