import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { colleagueSchema } from "./measure.schema.js";

/** /impresa/colleghi: the organization's accounts, and invitations for colleagues. */
export function colleagueRoutes(services: Services) {
  const router = Router();
  const view = "company/colleagues";
  const colleagues = (user: Express.User) =>
    user.organizationId ? services.account.colleagues(user.organizationId) : Promise.resolve([]);

  router.get("/colleghi", async (req, res) => {
    res.render(view, {
      colleagues: await colleagues(req.user!),
      invited: req.query.invitato === "1",
      values: {},
      errors: {},
    });
  });

  router.post("/colleghi", async (req, res) => {
    if (!req.user!.organizationId) return res.redirect(303, "/impresa/organizzazione");
    const form = parseForm(colleagueSchema, req);
    const locals = { colleagues: await colleagues(req.user!), invited: false };
    if (!form.ok) return renderInvalid(res, view, form, locals);
    if ((await services.account.invite(req.user!, { ...form.data, language: String(res.locals.lang) })) === "taken") {
      return renderInvalid(
        res,
        view,
        { errors: { email: { key: "company.colleagues.taken" } }, values: form.data },
        locals,
      );
    }
    res.redirect(303, "/impresa/colleghi?invitato=1");
  });

  return router;
}
