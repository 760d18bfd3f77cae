import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { registrationSchema } from "./accounts.schema.js";

/** Sign-up and the e-mail verification link. The answer is the same whether the address is new or not. */
export function registrationRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  const view = "accounts/register";

  router.get("/registrati", (req, res) => {
    if (req.user) return res.redirect(303, "/impresa");
    res.render(view, { values: {}, errors: {} });
  });

  router.post("/registrati", limits.publicForms, async (req, res) => {
    const form = parseForm(registrationSchema, req);
    if (!form.ok) return renderInvalid(res, view, { ...form, values: { ...form.values, password: "" } });
    await services.account.register({ ...form.data, language: String(res.locals.lang) });
    res.render("accounts/notice", {
      title: "accounts.register.sentTitle",
      body: "accounts.register.sent",
      params: { email: form.data.email },
    });
  });

  router.get("/verifica-email/:token", async (req, res) => {
    const ok = await services.account.verifyEmail(String(req.params.token), req.sessionID);
    res.status(ok ? 200 : 410).render(
      "accounts/notice",
      ok
        ? {
            title: "accounts.verify.doneTitle",
            body: "accounts.verify.done",
            link: { href: "/accedi", label: "accounts.login.title" },
          }
        : {
            title: "accounts.verify.invalidTitle",
            body: "accounts.verify.invalid",
            link: { href: "/password-dimenticata", label: "accounts.forgot.title" },
          },
    );
  });

  return router;
}
