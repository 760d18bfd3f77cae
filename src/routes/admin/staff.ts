import { Router } from "express";
import type { Services } from "../../services/index.js";
import { validId } from "./idParam.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { staffCreateSchema, staffUpdateSchema } from "./staff.schema.js";

const view = "admin/staff/index";

/** Staff accounts: admins only (the area's index adds the check). */
export function staffRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const staff = services.staff;
  const done = (q: unknown) => (["creato", "aggiornato"] as const).find((o) => o === q);

  router.get("/", async (req, res) => {
    res.render(view, {
      users: await staff.list(),
      values: { role: "REVIEWER" },
      errors: {},
      done: done(req.query.esito),
    });
  });

  router.post("/", async (req, res) => {
    const form = parseForm(staffCreateSchema, req);
    const users = await staff.list();
    if (!form.ok) return renderInvalid(res, view, { ...form, values: { ...form.values, password: "" } }, { users });
    const outcome = await staff.create(req.user!, {
      email: form.data.email,
      name: form.data.name,
      role: form.data.role,
      password: form.data.password,
    });
    if (!outcome.ok) {
      return renderInvalid(
        res,
        view,
        { errors: { email: { key: "admin.staff.emailTaken" } }, values: { ...form.data, password: "" } },
        { users },
      );
    }
    res.redirect(303, "/admin/utenti?esito=creato");
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
