import { Router } from "express";
import type { Services } from "../../services/index.js";
import { categories } from "../../domain/vocabulary.js";
import { API_PAGE_SIZE, eventsQuery, measuresQuery, plainQuery } from "./api.schema.js";
import { sendResource } from "./conditional.js";
import { parseQuery } from "./query.js";

/** /api/v1 measures, networks, events, comuni and categories. */
export function collectionRoutes(services: Services) {
  const router = Router();
  const { api } = services;

  router.get("/measures", async (req, res) => {
    const q = parseQuery(measuresQuery, req, res);
    if (!q) return;
    const filter = {
      categories: q.categoria.map((slug) => categories.code(slug)),
      openOnly: q.aperte === "1",
      comuneCode: q.comune,
      territorialOnly: q.classificazione !== undefined,
    };
    sendResource(res, await api.measures(filter, q.pagina ?? 1, API_PAGE_SIZE));
  });

  router.get("/networks", async (req, res) => {
    if (!parseQuery(plainQuery, req, res)) return;
    sendResource(res, await api.networks());
  });

  router.get("/events", async (req, res) => {
    const q = parseQuery(eventsQuery, req, res);
    if (!q) return;
    sendResource(res, await api.events(q.pagina ?? 1, API_PAGE_SIZE));
  });

  router.get("/comuni", async (req, res) => {
    if (!parseQuery(plainQuery, req, res)) return;
    sendResource(res, await api.comuni());
  });

  router.get("/categories", async (req, res) => {
    if (!parseQuery(plainQuery, req, res)) return;
    const t = res.locals.t as (key: string) => string;
    sendResource(res, await api.categories((code) => t(`categories.${code}`)));
  });

  return router;
}
