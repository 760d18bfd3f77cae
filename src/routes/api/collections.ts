import { Router, type Request, type Response } from "express";
import type { z } from "zod";
import type { Services } from "../../services/index.js";
import { categories } from "../../domain/vocabulary.js";
import type { FieldErrors } from "../../validation/form.js";
import { API_PAGE_SIZE, eventsQuery, measuresQuery, plainQuery } from "./api.schema.js";
import { sendResource } from "./conditional.js";
import { invalidParams } from "./problem.js";

/** Parses the query or answers 400 with every bad parameter named; undefined when answered. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request, res: Response): z.infer<S> | undefined {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const names = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "query")];
    const key =
      issue.code === "unrecognized_keys"
        ? "api.errors.unknown"
        : issue.message.startsWith("api.")
          ? issue.message
          : "api.errors.invalid";
    for (const name of names) errors[name] ??= { key };
  }
  invalidParams(res, errors);
  return undefined;
}

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
