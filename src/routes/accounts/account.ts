import { Router } from "express";
import type { Services } from "../../services/index.js";
import { requireRole } from "../../middleware/authorization.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { changeEmailSchema, changePasswordSchema } from "./accounts.schema.js";

/** The signed-in user's own account: change of password and of e-mail address. */
export function accountRoutes(services: Services) {
  const router = Router();
  const view = "accounts/account";
  router.use("/account", requireRole("COMPANY", "REVIEWER", "ADMIN"));

  router.get("/account", (req, res) => res.render(view, { values: {}, errors: {}, done: req.query.fatto }));

  router.post("/account/password", async (req, res) => {
    const form = parseForm(changePasswordSchema, req);
    if (!form.ok) return renderInvalid(res, view, { ...form, values: {} });
    const outcome = await services.account.changePassword(
      req.user!.id,
      form.data.currentPassword,
      form.data.newPassword,
    );
    if (outcome === "wrongPassword")
      return renderInvalid(res, view, {
        errors: { currentPassword: { key: "accounts.account.wrongPassword" } },
        values: {},
      });
    res.redirect(303, "/account?fatto=password");
  });

  router.post("/account/email", async (req, res) => {
    const form = parseForm(changeEmailSchema, req);
    if (!form.ok) return renderInvalid(res, view, { ...form, values: { email: form.values.email } });
    const outcome = await services.account.requestEmailChange(req.user!.id, form.data.emailPassword, form.data.email);
    if (outcome === "wrongPassword")
      return renderInvalid(res, view, {
        errors: { emailPassword: { key: "accounts.account.wrongPassword" } },
        values: { email: form.data.email },
      });
    res.redirect(303, "/account?fatto=email");
  });

  return router;
}
