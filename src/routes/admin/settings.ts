import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { settingsSchema } from "./pact.schema.js";
import { projectSettingsRoutes } from "./projectSettings.js";

/** /admin/impostazioni: site settings, admins only (the area's index adds the check): the Pact's text, the project page. */
export function settingsRoutes(services: Services) {
  const router = Router();
  const view = "admin/settings/index";
  router.use("/progetto", projectSettingsRoutes(services));

  router.get("/", async (req, res) => {
    const text = await services.pact.text();
    res.render(view, {
      values: { textIt: text.it, textEn: text.en },
      errors: {},
      updatedAt: text.updatedAt,
      saved: req.query.esito === "salvate",
    });
  });

  router.post("/", async (req, res) => {
    const form = parseForm(settingsSchema, req);
    if (!form.ok)
      return renderInvalid(res, view, form, { updatedAt: (await services.pact.text()).updatedAt, saved: false });
    await services.pact.saveText(req.user!, form.data.textIt, form.data.textEn);
    res.redirect(303, "/admin/impostazioni?esito=salvate");
  });

  return router;
}
