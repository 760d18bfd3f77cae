import { Router } from "express";
import type { Services } from "../../services/index.js";
import { activityFiltersSchema } from "./activity.schema.js";
import { AUDITED_ENTITIES } from "../../domain/vocabulary.js";
import { parseQuery } from "../../validation/form.js";

const PAGE = 50;

/** The activity register: read-only, there is no route that edits or deletes it. */
export function activityRoutes(services: Services) {
  const router = Router();
  router.get("/registro-attivita", async (req, res) => {
    const render = (status: number, locals: Record<string, unknown>) =>
      res.status(status).render("admin/activity/index", {
        form: req.query,
        auditedEntities: AUDITED_ENTITIES,
        entries: [],
        hasMore: false,
        page: 1,
        query: "",
        errors: {},
        ...locals,
      });
    const filters = parseQuery(activityFiltersSchema, req);
    if (!filters.ok) return render(400, { errors: filters.errors });
    const f = filters.data;
    const to = f.al ? new Date(f.al.getTime() + 86_400_000) : undefined;
    const entries = await services.activityLog.list(
      { action: f.azione, entityType: f.tipo, entityId: f.record, actor: f.autore, from: f.dal, to },
      PAGE + 1,
      (f.pagina - 1) * PAGE,
    );
    const query = req.originalUrl.includes("?")
      ? req.originalUrl.slice(req.originalUrl.indexOf("?") + 1).replace(/(^|&)pagina=\d+/, "")
      : "";
    render(200, { entries: entries.slice(0, PAGE), hasMore: entries.length > PAGE, page: f.pagina, query });
  });
  return router;
}
