import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import type { IntegrationDecision } from "../../services/localAuthority/serviceIntegrationService.js";
import { parseForm, parseQuery, type FieldErrors } from "../../validation/form.js";
import { validId } from "./idParam.js";
import { renderInvalidFilters } from "./listFilters.js";
import { integrationAcceptSchema, integrationDeclineSchema, integrationFiltersSchema } from "./integrations.schema.js";

const view = "admin/integrations/index";

/**
 * /admin/integrazioni: local authorities' proposals to integrate a public
 * service with a firm's measure; reviewers and admins accept or decline each
 * with a comment (audited, the authority told by e-mail).
 */
export function integrationAdminRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const integrations = services.serviceIntegration;

  /** The waiting proposals again, with a form's errors or a refusal (a colleague decided first). */
  async function renderQueue(
    res: Response,
    status: number,
    locals: {
      errors?: FieldErrors;
      values?: Record<string, unknown>;
      proposalId?: number;
      failedDecision?: IntegrationDecision;
      failure?: string;
    } = {},
  ) {
    const paging = await integrations.list("PROPOSED", 1);
    res
      .status(status)
      .render(view, { items: paging.items, paging, filters: { stato: "PROPOSED" }, errors: {}, values: {}, ...locals });
  }

  router.get("/integrazioni", async (req, res) => {
    const query = parseQuery(integrationFiltersSchema, req);
    if (!query.ok) return renderInvalidFilters(res, view, query, { items: [], values: {} });
    const paging = await integrations.list(query.data.stato, query.data.pagina);
    const done = ["ACCEPTED", "DECLINED"].find((d) => d === req.query.esito);
    res.render(view, { items: paging.items, paging, filters: query.data, errors: {}, values: {}, done });
  });

  const decide = (decision: IntegrationDecision) => async (req: Request, res: Response) => {
    const id = Number(req.params.id);
    const form = parseForm(decision === "ACCEPTED" ? integrationAcceptSchema : integrationDeclineSchema, req);
    if (!form.ok)
      return renderQueue(res, 422, {
        errors: form.errors,
        values: form.values,
        proposalId: id,
        failedDecision: decision,
      });
    const outcome = await integrations.decide(id, req.user!, decision, form.data.comment);
    if (outcome.ok) return res.redirect(303, `/admin/integrazioni?esito=${decision}`);
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    renderQueue(res, 409, { failure: "localAuthority.admin.conflict" });
  };
  router.post("/integrazioni/:id/accetta", decide("ACCEPTED"));
  router.post("/integrazioni/:id/rifiuta", decide("DECLINED"));

  return router;
}
