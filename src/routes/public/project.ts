import type { RequestHandler } from "express";
import type { Services } from "../../services/index.js";
import { renderMarkdown } from "../../domain/markdown.js";

/**
 * /progetto: the project, its aims, its referents and its partners by kind (edited at
 * /admin/impostazioni/progetto), and its published monitoring reports.
 */
export function projectPage(services: Services): RequestHandler {
  return async (_req, res) => {
    const [texts, groups, reportYears] = await Promise.all([
      services.project.texts(),
      services.project.partnerGroups(),
      services.monitoringReport.publishedYears(),
    ]);
    const lang = res.locals.lang;
    res.render("public/project", {
      description: renderMarkdown(texts.description[lang]),
      aims: renderMarkdown(texts.aims[lang]),
      groups,
      referents: groups.flatMap((g) => g.partners).filter((p) => p.referent !== ""),
      reportYears,
    });
  };
}
