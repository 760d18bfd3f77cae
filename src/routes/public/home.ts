import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { categories } from "../../domain/vocabulary.js";
import { createRenderOnce } from "./renderOnce.js";

export function homePage(services: Services): RequestHandler {
  const renderOnce = createRenderOnce();
  return async (req, res) => {
    const [summary, { comuni }] = await Promise.all([services.registry.homeSummary(), services.referenceData.load()]);
    const { counts, latest } = summary;
    // The comuni are reference data, read once per process: the page changes with the summary only.
    await renderOnce(req, res, summary, "public/home", {
      counts,
      latest,
      comuni,
      categorySlugs: categories.slugs,
      categoryCode: categories.code,
    });
  };
}
