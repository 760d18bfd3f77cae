import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { parseForm, renderInvalid } from "../../validation/form.js";
import { integrationSchema } from "./integrations.schema.js";
import { codesOf, territoryOf } from "./territoryScope.js";

const listView = "localAuthority/integrations";
const formView = "localAuthority/integrationForm";

/**
 * /ente/integrazioni: the authority's proposals to integrate one of its public
 * services with a firm's measure of its territory, and the form of a new one.
 */
export function localIntegrationRoutes(services: Services) {
  const router = Router();
  const integrations = services.serviceIntegration;
  /** The form's choices: the territory's published measures and comuni. */
  const choices = async (res: Response) => ({
    measures: await services.localRegister.measureChoices({ comuneCodes: codesOf(territoryOf(res)) }),
  });

  router.get("/integrazioni", async (req, res) => {
    res.render(listView, {
      proposals: await integrations.ofProposer(req.user!.id),
      done: req.query.esito === "inviata",
    });
  });

  router.get("/integrazioni/nuova", async (req, res) => {
    // From a measure of the list ("Proponi un'integrazione"): that measure is chosen already.
    const misura = typeof req.query.misura === "string" ? req.query.misura : "";
    const territory = territoryOf(res);
    const values = { measureId: misura, comuneCode: territory.length === 1 ? territory[0]!.istatCode : "" };
    res.render(formView, { ...(await choices(res)), values, errors: {} });
  });

  router.post("/integrazioni", async (req, res) => {
    const form = parseForm(integrationSchema, req);
    if (!form.ok) return renderInvalid(res, formView, form, await choices(res));
    const outcome = await integrations.propose(req.user!, form.data);
    if (!outcome.ok)
      return renderInvalid(
        res,
        formView,
        { errors: { [outcome.field]: { key: "validation.choice" } }, values: { ...form.data } },
        await choices(res),
      );
    res.redirect(303, "/ente/integrazioni?esito=inviata");
  });

  return router;
}
