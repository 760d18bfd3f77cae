import { Router } from "express";
import type { Services } from "../../services/index.js";

/** /guida: the citizens' guide, from Markdown files in content/guida/<lang>/. */
export function guideRoutes(services: Services) {
  const router = Router();
  router.get("/guida", (_req, res) => {
    res.render("public/guide", { sections: services.guide.sections(res.locals.lang) });
  });
  return router;
}
