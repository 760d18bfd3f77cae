import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import type { RemovalOutcome } from "../../services/company/colleagueService.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { validId } from "../admin/idParam.js";
import { renderConfirmation } from "../confirmation.js";
import { colleagueSchema } from "./measure.schema.js";

/** A removal that cannot be: someone else's account is simply not found; oneself or the last user, 409 with why. */
function refuseRemoval(res: Response, outcome: Exclude<RemovalOutcome, "ok">) {
  if (outcome === "notFound") return res.status(404).render("errors/404");
  res.status(409).render("accounts/notice", {
    title: "company.colleagues.refusedTitle",
    body: `company.colleagues.refused.${outcome}`,
    link:
      outcome === "self"
        ? { href: "/account/chiudi", label: "accounts.close.link" }
        : { href: "/impresa/colleghi", label: "company.colleagues.title" },
  });
}

/** /impresa/colleghi: the organization's accounts, invitations for colleagues, removal of one who left. */
export function colleagueRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.param("id", validId);
  const view = "company/colleagues";
  const colleagues = (user: Express.User) =>
    user.organizationId ? services.account.colleagues(user.organizationId) : Promise.resolve([]);

  router.get("/colleghi", async (req, res) => {
    res.render(view, {
      colleagues: await colleagues(req.user!),
      invited: req.query.invitato === "1",
      removed: req.query.rimosso === "1",
      values: {},
      errors: {},
    });
  });

  router.post("/colleghi", limits.targetAddress, async (req, res) => {
    if (!req.user!.organizationId) return res.redirect(303, "/impresa/organizzazione");
    const form = parseForm(colleagueSchema, req);
    const locals = { colleagues: await colleagues(req.user!), invited: false, removed: false };
    if (!form.ok) return renderInvalid(res, view, form, locals);
    // The same answer whether the address has an account or not (accountService.invite).
    await services.account.invite(req.user!, { ...form.data, language: String(res.locals.lang) });
    res.redirect(303, "/impresa/colleghi?invitato=1");
  });

  router.get("/colleghi/:id/rimuovi", async (req, res) => {
    const found = await services.colleague.removable(req.user!, Number(req.params.id));
    if (found.outcome !== "ok") return refuseRemoval(res, found.outcome);
    const t = res.locals.t as (key: string, params?: object) => string;
    renderConfirmation(res, {
      title: t("company.colleagues.removeTitle", { name: found.colleague.name }),
      question: t("company.colleagues.removeQuestion", { name: found.colleague.name, email: found.colleague.email }),
      action: `/impresa/colleghi/${found.colleague.id}/rimuovi`,
      submit: t("company.colleagues.removeConfirm"),
      back: "/impresa/colleghi",
    });
  });

  router.post("/colleghi/:id/rimuovi", async (req, res) => {
    const outcome = await services.colleague.remove(req.user!, Number(req.params.id));
    if (outcome !== "ok") return refuseRemoval(res, outcome);
    res.redirect(303, "/impresa/colleghi?rimosso=1");
  });

  return router;
}
