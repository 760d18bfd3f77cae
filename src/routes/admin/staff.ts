import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { validId } from "./idParam.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { renderConfirmation } from "../confirmation.js";
import { staffInviteSchema, staffUpdateSchema } from "./staff.schema.js";

const view = "admin/staff/index";

/** Staff accounts: admins only (the area's index adds the check). New staff are invited by e-mail. */
export function staffRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.param("id", validId);
  const staff = services.staff;
  const done = (q: unknown) => (["invitato", "aggiornato", "azzerato"] as const).find((o) => o === q);

  router.get("/", async (req, res) => {
    res.render(view, {
      users: await staff.list(),
      values: { role: "REVIEWER" },
      errors: {},
      done: done(req.query.esito),
    });
  });

  router.post("/", limits.targetAddress, async (req, res) => {
    const form = parseForm(staffInviteSchema, req);
    const users = await staff.list();
    if (!form.ok) return renderInvalid(res, view, form, { users });
    const outcome = await staff.invite(req.user!, { ...form.data, language: res.locals.lang });
    if (!outcome.ok)
      return renderInvalid(
        res,
        view,
        { errors: { email: { key: "admin.staff.emailTaken" } }, values: form.data },
        { users },
      );
    res.redirect(303, "/admin/utenti?esito=invitato");
  });

  router.get("/:id/due-fattori", async (req, res) => {
    const member = await staff.find(Number(req.params.id));
    if (!member) return res.status(404).render("errors/404");
    const t = res.locals.t;
    renderConfirmation(res, {
      title: t("admin.staff.resetTitle"),
      question: t("admin.staff.resetQuestion", { name: member.name }),
      action: `/admin/utenti/${member.id}/due-fattori`,
      submit: t("admin.staff.reset"),
      back: "/admin/utenti",
    });
  });

  router.post("/:id/due-fattori", async (req, res) => {
    if ((await services.twoFactor.reset(req.user!, Number(req.params.id))) === "notFound")
      return res.status(404).render("errors/404");
    res.redirect(303, "/admin/utenti?esito=azzerato");
  });

  router.post("/:id", async (req, res) => {
    const form = parseForm(staffUpdateSchema, req);
    if (!form.ok)
      return res.status(422).render(view, {
        users: await staff.list(),
        values: { role: "REVIEWER" },
        errors: {},
        failure: "admin.staff.invalidUpdate",
      });
    const outcome = await staff.update(Number(req.params.id), req.user!, {
      role: form.data.role,
      active: form.data.active,
    });
    if (outcome.ok) return res.redirect(303, "/admin/utenti?esito=aggiornato");
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    res.status(409).render(view, {
      users: await staff.list(),
      values: { role: "REVIEWER" },
      errors: {},
      failure: `admin.staff.${outcome.reason}`,
    });
  });

  return router;
}
