import { Router } from "express";
import type { Request, Response } from "express";
import type { Services } from "../../services/index.js";
import { validId } from "./idParam.js";
import { verificationThreshold } from "../../domain/verification.js";
import { parseForm, parseQuery, type FieldErrors } from "../../validation/form.js";
import type { RegisterFilters } from "../../data/review/registerAdminRepository.js";
import { renderInvalidFilters } from "./listFilters.js";
import { bulkAction, type BulkFailure } from "./bulkAction.js";
import { registerColumns } from "./listCsvColumns.js";
import { csvDownload } from "./staffCsv.js";
import {
  classificationSchema,
  reasonSchema,
  registerFiltersSchema,
  type RegisterFiltersForm,
} from "./organizations.schema.js";

const outcomes = ["verificata", "sospesa", "riattivata", "classificata"] as const;
const listView = "admin/organizations/index";
const listPath = "/admin/imprese";

/** The list's GET parameters as the upkeep service takes them. */
const registerFilters = (f: RegisterFiltersForm): RegisterFilters => ({
  status: f.stato,
  verifiedBefore: f["da-verificare"] ? verificationThreshold() : undefined,
  text: f.q,
});

/** The register as staff keep it: verification, suspension, classification. */
export function organizationRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const upkeep = services.registerUpkeep;
  const id = (req: Request) => Number(req.params.id);

  async function renderDetail(
    res: Response,
    orgId: number,
    status: number,
    locals: {
      errors?: FieldErrors;
      values?: Record<string, unknown>;
      failure?: string;
      form?: string;
      measureId?: number;
      done?: string;
    } = {},
  ) {
    const organization = Number.isSafeInteger(orgId) ? await upkeep.detail(orgId) : null;
    if (!organization) return res.status(404).render("errors/404");
    res.status(status).render("admin/organizations/show", {
      organization,
      stale: !organization.lastVerifiedAt || organization.lastVerifiedAt < verificationThreshold(),
      errors: {},
      values: {},
      ...locals,
    });
  }

  async function renderList(req: Request, res: Response, status: number, bulk: BulkFailure | null = null) {
    const query = parseQuery(registerFiltersSchema, req);
    const threshold = verificationThreshold();
    if (!query.ok) return renderInvalidFilters(res, listView, query, { organizations: [], threshold });
    const f = query.data;
    const organizations = await upkeep.list(registerFilters(f), f.pagina);
    res.status(status).render(listView, {
      organizations: organizations.items,
      paging: organizations,
      filters: f,
      threshold,
      errors: {},
      bulk,
      done: req.query.esito === "verificate",
    });
  }

  router.get("/imprese", (req, res) => renderList(req, res, 200));

  // "Segna come verificate" of the entries ticked in the list.
  router.post("/imprese/verifica", bulkAction(listPath, "verificate", upkeep.verifyMany, renderList));

  router.get(
    "/imprese.csv",
    csvDownload(registerFiltersSchema, "imprese", registerColumns, (f) => upkeep.batches(registerFilters(f))),
  );

  router.get("/imprese/:id", (req, res) =>
    renderDetail(res, id(req), 200, { done: outcomes.find((o) => o === req.query.esito) }),
  );

  router.post("/imprese/:id/verifica", async (req, res) => {
    const outcome = await upkeep.verify(id(req), req.user!);
    if (!outcome.ok) return res.status(404).render("errors/404");
    res.redirect(303, `/admin/imprese/${id(req)}?esito=verificata`);
  });

  for (const [path, action, done] of [
    ["sospendi", "suspend", "sospesa"],
    ["riattiva", "reinstate", "riattivata"],
  ] as const) {
    router.post(`/imprese/:id/${path}`, async (req, res) => {
      const form = parseForm(reasonSchema, req);
      if (!form.ok) return renderDetail(res, id(req), 422, { errors: form.errors, values: form.values, form: path });
      const outcome = await upkeep[action](id(req), req.user!, form.data.reason);
      if (outcome.ok) return res.redirect(303, `/admin/imprese/${id(req)}?esito=${done}`);
      if (outcome.reason === "notFound") return res.status(404).render("errors/404");
      return renderDetail(res, id(req), 409, {
        values: form.data,
        form: path,
        failure: "admin.organizations.failure.conflict",
      });
    });
  }

  router.post("/misure/:id/classifica", async (req, res) => {
    const form = parseForm(classificationSchema, req);
    const measureId = id(req);
    if (!form.ok) {
      const orgId = Number.isSafeInteger(measureId) ? await upkeep.organizationOfMeasure(measureId) : null;
      if (orgId === null) return res.status(404).render("errors/404");
      return renderDetail(res, orgId, 422, { errors: form.errors, values: form.values, form: "classifica", measureId });
    }
    const outcome = await upkeep.classify(measureId, req.user!, form.data);
    if (!outcome.ok) return res.status(404).render("errors/404");
    res.redirect(303, `/admin/imprese/${outcome.organizationId}?esito=classificata#misura-${measureId}`);
  });

  return router;
}
