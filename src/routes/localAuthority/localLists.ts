import { Router, type Request, type Response } from "express";
import type { z } from "zod";
import type { Services } from "../../services/index.js";
import type { LocalScope } from "../../data/localAuthority/localRegisterRepository.js";
import type { StaffPage } from "../../domain/staffPaging.js";
import { parseQuery } from "../../validation/form.js";
import { renderInvalidFilters } from "../admin/listFilters.js";
import { sendStaffCsv, type CsvColumn } from "../admin/staffCsv.js";
import { firmColumns, measureColumns } from "./localCsvColumns.js";
import { firmFiltersSchema, measureFiltersSchema } from "./localLists.schema.js";
import { codesOf, scopeOf } from "./territoryScope.js";

/** A paged list of the territory and its CSV download, which take the same GET parameters. */
interface LocalList<S extends z.ZodType<{ comune?: string | undefined; pagina: number }>, T> {
  path: string;
  view: string;
  schema: S;
  scope: (codes: string[], query: z.infer<S>) => LocalScope;
  page: (scope: LocalScope, page: number) => Promise<StaffPage<T>>;
  csv: { file: string; columns: (res: Response) => CsvColumn<T>[]; batches: (scope: LocalScope) => AsyncIterable<T[]> };
}

function listRoutes<S extends z.ZodType<{ comune?: string | undefined; pagina: number }>, T>(
  router: Router,
  list: LocalList<S, T>,
) {
  /** The list's scope, or the answer already sent (400 malformed, 404 another comune). */
  const read = (req: Request, res: Response) => {
    const query = parseQuery(list.schema, req);
    if (!query.ok) {
      renderInvalidFilters(res, list.view, query, { items: [] });
      return undefined;
    }
    const comuni = scopeOf(res, query.data.comune);
    if (!comuni) {
      res.status(404).render("errors/404");
      return undefined;
    }
    return { query: query.data, scope: list.scope(codesOf(comuni), query.data) };
  };

  router.get(list.path, async (req, res) => {
    const found = read(req, res);
    if (!found) return;
    const paging = await list.page(found.scope, found.query.pagina);
    res.render(list.view, { items: paging.items, paging, filters: found.query, errors: {} });
  });

  router.get(`${list.path}.csv`, async (req, res) => {
    const found = read(req, res);
    if (found) await sendStaffCsv(res, list.csv.file, list.csv.columns(res), list.csv.batches(found.scope));
  });
}

/** /ente/imprese and /ente/misure: the registered firms of the territory and their published measures. */
export function localListRoutes(services: Services) {
  const router = Router();
  const register = services.localRegister;
  listRoutes(router, {
    path: "/imprese",
    view: "localAuthority/firms",
    schema: firmFiltersSchema,
    scope: (comuneCodes) => ({ comuneCodes }),
    page: register.firms,
    csv: {
      file: "imprese-territorio",
      columns: (res) => firmColumns(String(res.locals.publicBaseUrl)),
      batches: register.firmBatches,
    },
  });
  listRoutes(router, {
    path: "/misure",
    view: "localAuthority/measures",
    schema: measureFiltersSchema,
    scope: (comuneCodes, query) => ({ comuneCodes, openOnly: query.aperte }),
    page: register.measures,
    csv: { file: "misure-territorio", columns: () => measureColumns, batches: register.measureBatches },
  });
  return router;
}
