import { Router } from "express";
import type { Services } from "../../services/index.js";
import { requireRole } from "../../middleware/authorization.js";
import { ALL_ROLES } from "../../domain/roles.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { changeEmailSchema, changePasswordSchema, closeAccountSchema } from "./accounts.schema.js";
import { signOut } from "./signOut.js";

/** The signed-in user's own account: password, e-mail address, the download of their data, closing it. */
export function accountRoutes(services: Services) {
  const router = Router();
  const view = "accounts/account";
  const closeView = "accounts/close";
  router.use("/account", requireRole(...ALL_ROLES));

  router.get("/account", (req, res) => res.render(view, { values: {}, errors: {}, done: req.query.fatto }));

  router.post("/account/password", async (req, res) => {
    const form = parseForm(changePasswordSchema, req);
    if (!form.ok) return renderInvalid(res, view, { ...form, values: {} });
    const outcome = await services.account.changePassword(
      req.user!.id,
      form.data.currentPassword,
      form.data.newPassword,
      req.sessionID,
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

  router.get("/account/dati", async (req, res) => {
    const data = await services.personalData.download(req.user!.id);
    res.set("Cache-Control", "no-store").attachment("dati-personali.json").type("application/json");
    res.send(JSON.stringify(data, null, 2));
  });

  router.get("/account/chiudi", async (req, res) => {
    res.render(closeView, { ...(await services.personalData.closingFacts(req.user!.id)), values: {}, errors: {} });
  });

  router.post("/account/chiudi", async (req, res, next) => {
    const facts = await services.personalData.closingFacts(req.user!.id);
    const form = parseForm(closeAccountSchema, req);
    if (!form.ok) return renderInvalid(res, closeView, { ...form, values: {} }, facts);
    const outcome = await services.personalData.close(req.user!.id, form.data.password);
    if (outcome === "wrongPassword")
      return renderInvalid(
        res,
        closeView,
        { errors: { password: { key: "accounts.account.wrongPassword" } }, values: {} },
        facts,
      );
    if (outcome === "lastAdmin") return res.status(409).render(closeView, { ...facts, values: {}, errors: {} });
    // The service deleted every session row of the user; this one's cookie goes too.
    signOut(req, res, next, "/account-chiuso");
  });

  // Outside /account: the visitor is signed out by now.
  router.get("/account-chiuso", (_req, res) =>
    res.render("accounts/notice", { title: "accounts.close.doneTitle", body: "accounts.close.done" }),
  );

  return router;
}
