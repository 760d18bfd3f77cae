import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { beginPendingLogin } from "../../middleware/pendingLogin.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { invitationSchema, newPasswordSchema } from "./accounts.schema.js";
import { ENROLMENT_PATH } from "./loginSteps.js";

/**
 * An invited user chooses a password: a company colleague or a local
 * authority's officer (who accept the privacy notice too) then logs in; a
 * staff member goes straight on to set up the second factor, without which
 * /admin stays closed.
 */
export function invitationRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  const view = "accounts/invitation";
  const invalidLink = { title: "accounts.invitation.invalidTitle", body: "accounts.invitation.invalid" };

  router.get("/invito/:token", async (req, res) => {
    const invitation = await services.account.invitation(String(req.params.token));
    if (!invitation) return res.status(410).render("accounts/notice", invalidLink);
    res.render(view, { token: String(req.params.token), kind: invitation.kind, values: {}, errors: {} });
  });

  router.post("/invito/:token", limits.publicForms, async (req, res) => {
    const token = String(req.params.token);
    const invitation = await services.account.invitation(token);
    if (!invitation) return res.status(410).render("accounts/notice", invalidLink);
    const staff = invitation.kind === "staff";
    const form = parseForm(staff ? newPasswordSchema : invitationSchema, req);
    if (!form.ok)
      return renderInvalid(res, view, { ...form, values: { ...form.values, password: "" } }, { token, ...invitation });
    const user = await services.account.acceptInvitation(token, form.data.password);
    if (!user) return res.status(410).render("accounts/notice", invalidLink);
    if (staff) {
      // The password was just chosen: this session may set up the second factor, as after a login.
      await beginPendingLogin(req, user.id, undefined);
      return res.redirect(303, ENROLMENT_PATH);
    }
    res.render("accounts/notice", {
      title: "accounts.invitation.doneTitle",
      body: invitation.kind === "localAuthority" ? "localAuthority.invitation.done" : "accounts.invitation.done",
      link: { href: "/accedi", label: "accounts.login.title" },
    });
  });

  return router;
}
