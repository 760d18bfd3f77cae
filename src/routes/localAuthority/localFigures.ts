import { Router, type Request, type Response } from "express";
import type { z } from "zod";
import type { Services } from "../../services/index.js";
import type { TerritoryComune } from "../../services/localAuthority/localRegisterService.js";
import { GAP_RADIUS } from "../../domain/localRegister.js";
import { parseQuery } from "../../validation/form.js";
import { sendStaffCsv } from "../admin/staffCsv.js";
import { adviceColumns, gapColumns } from "./localCsvColumns.js";
import { adviceFiltersSchema, gapFiltersSchema } from "./localLists.schema.js";
import { scopeOf } from "./territoryScope.js";

const gapsView = "localAuthority/gaps";
const adviceView = "localAuthority/advice";

/**
 * The comuni a figures page covers, or the answer already sent: 400 with the
 * message beside a malformed field, 404 for a comune that is not the authority's.
 */
function scopeFor<S extends z.ZodType<{ comune?: string | undefined }>>(
  req: Request,
  res: Response,
  schema: S,
  view: string,
): { query: z.infer<S>; comuni: TerritoryComune[] } | undefined {
  const query = parseQuery(schema, req);
  if (!query.ok) {
    res
      .status(400)
      .render(view, { rows: [], comuni: [], radius: GAP_RADIUS, filters: query.values, errors: query.errors });
    return undefined;
  }
  const comuni = scopeOf(res, query.data.comune);
  if (!comuni) res.status(404).render("errors/404");
  return comuni && { query: query.data, comuni };
}

/** /ente/lacune (gaps by category) and /ente/consulenze (advice requests by topic), each with its CSV. */
export function localFigureRoutes(services: Services) {
  const router = Router();
  const register = services.localRegister;

  const gaps = async (req: Request, res: Response) => {
    const found = scopeFor(req, res, gapFiltersSchema, gapsView);
    return found && { ...found, rows: await register.gaps(found.comuni, found.query.raggio) };
  };
  router.get("/lacune", async (req, res) => {
    const found = await gaps(req, res);
    if (found) res.render(gapsView, { ...found, filters: found.query, radius: GAP_RADIUS, errors: {} });
  });
  router.get("/lacune.csv", async (req, res) => {
    const found = await gaps(req, res);
    if (!found) return;
    const radiusKm = found.query.raggio;
    const rows = found.rows.flatMap(({ categories, ...comune }) =>
      categories.map((category) => ({ comune, category, radiusKm })),
    );
    await sendStaffCsv(res, "lacune-territorio", gapColumns, [rows]);
  });

  const advice = async (req: Request, res: Response) => {
    const found = scopeFor(req, res, adviceFiltersSchema, adviceView);
    return found && { ...found, rows: await register.advice(found.comuni) };
  };
  router.get("/consulenze", async (req, res) => {
    const found = await advice(req, res);
    if (found) res.render(adviceView, { ...found, filters: found.query, errors: {} });
  });
  router.get("/consulenze.csv", async (req, res) => {
    const found = await advice(req, res);
    if (!found) return;
    const rows = found.comuni.flatMap((comune) => found.rows.map((row) => ({ comune, row })));
    await sendStaffCsv(res, "consulenze-territorio", adviceColumns, [rows]);
  });

  return router;
}
