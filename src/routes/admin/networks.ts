import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import type { NetworkOutcome } from "../../services/territory/networkRules.js";
import { renderConfirmation } from "../confirmation.js";
import { validId } from "./idParam.js";
import { parseForm, type FieldErrors } from "../../validation/form.js";
import { classificationSchema } from "./organizations.schema.js";
import { measureRejectSchema, memberSchema, networkSchema } from "./networks.schema.js";

const done = [
  "creata",
  "membro",
  "accettata",
  "respinta",
  "rimosso",
  "approvata",
  "misura-respinta",
  "classificata",
] as const;
type Locals = {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  form?: string;
  measureId?: number;
  failure?: string;
  done?: string;
};

/** /admin/reti: staff create networks, keep their members, review and classify their measures. */
export function networkAdminRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  router.param("orgId", validId);
  router.param("measureId", validId);
  const networks = services.network;
  const id = (req: Request) => Number(req.params.id);

  async function renderList(res: Response, status: number, locals: Locals = {}) {
    const [list, organizations] = await Promise.all([networks.listAll(), networks.registeredOrganizations()]);
    res
      .status(status)
      .render("admin/networks/index", { networks: list, organizations, errors: {}, values: {}, ...locals });
  }

  async function renderDetail(res: Response, networkId: number, status: number, locals: Locals = {}) {
    const [network, organizations] = await Promise.all([
      networks.detail(networkId),
      networks.registeredOrganizations(),
    ]);
    if (!network) return res.status(404).render("errors/404");
    res.status(status).render("admin/networks/show", { network, organizations, errors: {}, values: {}, ...locals });
  }

  /** After an action: back to the page, or 404 / 409 with the page and an explanation. */
  function answer(req: Request, res: Response, outcome: NetworkOutcome, esito: string, anchor = "") {
    if (outcome.ok) return res.redirect(303, `/admin/reti/${outcome.networkId}?esito=${esito}${anchor}`);
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    return renderDetail(res, id(req), 409, { failure: `networks.admin.failure.${outcome.reason}` });
  }

  router.get("/", (_req, res) => renderList(res, 200));

  router.post("/", async (req, res) => {
    const form = parseForm(networkSchema, req);
    if (!form.ok) return renderList(res, 422, { errors: form.errors, values: form.values });
    const outcome = await networks.create(req.user!, {
      name: form.data.name,
      description: form.data.description,
      leadOrganizationId: form.data.leadOrganization,
    });
    if (!outcome.ok)
      return renderList(res, 422, {
        errors: { leadOrganization: { key: "networks.admin.leadNotRegistered" } },
        values: form.data,
      });
    res.redirect(303, `/admin/reti/${outcome.networkId}?esito=creata`);
  });

  router.get("/:id", (req, res) => renderDetail(res, id(req), 200, { done: done.find((d) => d === req.query.esito) }));

  router.post("/:id/membri", async (req, res) => {
    const form = parseForm(memberSchema, req);
    if (!form.ok) return renderDetail(res, id(req), 422, { errors: form.errors, values: form.values, form: "membro" });
    answer(req, res, await networks.addMember(req.user!, id(req), form.data.organization), "membro");
  });

  router.post("/:id/membri/:orgId/accetta", async (req, res) =>
    answer(req, res, await networks.staffDecide(req.user!, id(req), Number(req.params.orgId), true), "accettata"),
  );
  router.post("/:id/membri/:orgId/respingi", async (req, res) =>
    answer(req, res, await networks.staffDecide(req.user!, id(req), Number(req.params.orgId), false), "respinta"),
  );
  router.get("/:id/membri/:orgId/rimuovi", async (req, res) => {
    const network = await networks.detail(id(req));
    const member = network?.members.find((m) => m.organizationId === Number(req.params.orgId) && m.status === "ACTIVE");
    if (!network) return res.status(404).render("errors/404");
    // Not an active member (or the lead, who cannot be removed): nothing to confirm.
    if (!member || member.organizationId === network.leadOrganizationId) {
      return res.redirect(303, `/admin/reti/${network.id}`);
    }
    const t = res.locals.t as (key: string, params?: object) => string;
    renderConfirmation(res, {
      title: t("networks.admin.removeTitle"),
      question: t("networks.admin.removeQuestion", { organization: member.organization.name, network: network.name }),
      action: `/admin/reti/${network.id}/membri/${member.organizationId}/rimuovi`,
      submit: t("networks.admin.remove"),
      back: `/admin/reti/${network.id}#membro-${member.organizationId}`,
    });
  });
  router.post("/:id/membri/:orgId/rimuovi", async (req, res) =>
    answer(req, res, await networks.removeMember(req.user!, id(req), Number(req.params.orgId)), "rimosso"),
  );

  router.post("/:id/misure/:measureId/approva", async (req, res) =>
    answer(
      req,
      res,
      await networks.reviewMeasure(req.user!, id(req), Number(req.params.measureId), true, null),
      "approvata",
    ),
  );

  router.post("/:id/misure/:measureId/respingi", async (req, res) => {
    const measureId = Number(req.params.measureId);
    const form = parseForm(measureRejectSchema, req);
    if (!form.ok)
      return renderDetail(res, id(req), 422, { errors: form.errors, values: form.values, form: "respingi", measureId });
    answer(
      req,
      res,
      await networks.reviewMeasure(req.user!, id(req), measureId, false, form.data.reason),
      "misura-respinta",
    );
  });

  router.post("/:id/misure/:measureId/classifica", async (req, res) => {
    const measureId = Number(req.params.measureId);
    const form = parseForm(classificationSchema, req);
    if (!form.ok)
      return renderDetail(res, id(req), 422, {
        errors: form.errors,
        values: form.values,
        form: "classifica",
        measureId,
      });
    const outcome = await networks.classify(req.user!, id(req), measureId, form.data);
    answer(req, res, outcome, "classificata", `#misura-${measureId}`);
  });

  return router;
}
