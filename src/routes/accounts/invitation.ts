import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { invitationSchema } from "./accounts.schema.js";

/** A colleague invited by a representative chooses a password and joins the organization. */
export function invitationRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  const invalidLink = { title: "accounts.invitation.invalidTitle", body: "accounts.invitation.invalid" };

  router.get("/invito/:token", async (req, res) => {
    if (!(await services.account.tokenIsValid(String(req.params.token), "INVITE")))
      return res.status(410).render("accounts/notice", invalidLink);
    res.render("accounts/invitation", { token: String(req.params.token), values: {}, errors: {} });
  });

  router.post("/invito/:token", limits.publicForms, async (req, res) => {
    const form = parseForm(invitationSchema, req);
    if (!form.ok)
      return renderInvalid(
        res,
        "accounts/invitation",
        { ...form, values: { ...form.values, password: "" } },
        { token: String(req.params.token) },
      );
    if (!(await services.account.acceptInvitation(String(req.params.token), form.data.password)))
      return res.status(410).render("accounts/notice", invalidLink);
    res.render("accounts/notice", {
      title: "accounts.invitation.doneTitle",
      body: "accounts.invitation.done",
      link: { href: "/accedi", label: "accounts.login.title" },
    });
  });

  return router;
}
