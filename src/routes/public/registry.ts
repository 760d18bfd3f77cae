import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { parseSearch } from "./parseSearch.js";
import { searchFormOptions } from "./searchFormOptions.js";

/** /registro: a plain GET form; every filter lives in the URL, so links can be shared. */
export function registryPage(services: Services): RequestHandler {
  return async (req, res) => {
    const parsed = await parseSearch(req, services.referenceData);
    const options = await searchFormOptions(services);
    if (!parsed.ok) {
      return res.status(400).render("public/registry", { ...options, form: parsed.form, errors: parsed.errors, outcome: undefined });
    }
    const outcome = await services.registry.search(parsed.search);
    res.render("public/registry", { ...options, form: parsed.form, errors: {}, outcome, search: parsed.search });
  };
}
