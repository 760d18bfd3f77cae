import { Router, type Response } from "express";
import type { RateLimits } from "../../middleware/rateLimits.js";
import type { Services } from "../../services/index.js";
import type { LocalAuthorityOutcome } from "../../services/localAuthority/localAuthorityService.js";
import { parseForm, renderInvalid, type FieldErrors } from "../../validation/form.js";
import { validId } from "./idParam.js";
import { localAuthorityInviteSchema, localAuthorityUpdateSchema } from "./localAuthorities.schema.js";

const listView = "admin/localAuthorities/index";
const editView = "admin/localAuthorities/edit";

/** Why a valid form was refused, beside the field it concerns. */
const refusal = (reason: Exclude<LocalAuthorityOutcome, { ok: true }>["reason"]): FieldErrors =>
  reason === "emailTaken"
    ? { email: { key: "admin.staff.emailTaken" } }
    : { comuneCodes: { key: "validation.choice" } };

/**
 * /admin/enti (admins only; the area's index adds the check): accounts of
 * local authorities, invited by e-mail, each bound to its comuni.
 */
export function localAuthorityAdminRoutes(services: Services, limits: RateLimits) {
  const router = Router();
  router.param("id", validId);
  const accounts = services.localAuthority;
  const listLocals = async () => ({
    users: await accounts.list(),
    comuni: (await services.referenceData.load()).comuni,
  });
  const editLocals = async (res: Response, id: number) => {
    const member = await accounts.find(id);
    if (!member) res.status(404).render("errors/404");
    return member && { member, comuni: (await services.referenceData.load()).comuni };
  };

  router.get("/", async (req, res) => {
    const done = req.query.esito === "invitato" || req.query.esito === "aggiornato" ? req.query.esito : undefined;
    res.render(listView, { ...(await listLocals()), values: {}, errors: {}, done });
  });

  router.post("/", limits.targetAddress, async (req, res) => {
    const form = parseForm(localAuthorityInviteSchema, req);
    if (!form.ok) return renderInvalid(res, listView, form, await listLocals());
    const outcome = await accounts.invite(req.user!, { ...form.data, language: res.locals.lang });
    if (!outcome.ok)
      return renderInvalid(res, listView, { errors: refusal(outcome.reason), values: form.data }, await listLocals());
    res.redirect(303, "/admin/enti?esito=invitato");
  });

  router.get("/:id", async (req, res) => {
    const locals = await editLocals(res, Number(req.params.id));
    if (!locals) return;
    const { member } = locals;
    const values = { active: member.active, comuneCodes: member.comuni.map((c) => c.istatCode) };
    res.render(editView, { ...locals, values, errors: {} });
  });

  router.post("/:id", async (req, res) => {
    const id = Number(req.params.id);
    const form = parseForm(localAuthorityUpdateSchema, req);
    if (!form.ok) {
      const locals = await editLocals(res, id);
      return locals && renderInvalid(res, editView, form, locals);
    }
    const outcome = await accounts.update(id, req.user!, form.data);
    if (outcome.ok) return res.redirect(303, "/admin/enti?esito=aggiornato");
    const locals = await editLocals(res, id);
    if (locals) renderInvalid(res, editView, { errors: refusal(outcome.reason), values: form.data }, locals);
  });

  return router;
}
