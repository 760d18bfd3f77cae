import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { categories } from "../../domain/vocabulary.js";

export function homePage(services: Services): RequestHandler {
  return async (_req, res) => {
    const [{ counts, latest }, { comuni }] = await Promise.all([
      services.registry.homeSummary(),
      services.referenceData.load(),
    ]);
    res.render("public/home", { counts, latest, comuni, categorySlugs: categories.slugs, categoryCode: categories.code });
  };
}
