import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm } from "../../validation/form.js";
import { codeNames } from "../codeNames.js";
import { versionOnlySchema } from "./measure.schema.js";

/** /impresa/revisione: what is online and what is pending after approval; a pending revision can be dropped. */
export function revisionRoutes(services: Services) {
  const router = Router();

  router.get("/revisione", async (req, res, next) => {
    const revision = await services.companyDraft.revision(req.user!);
    if (!revision) return next();
    res.render("company/revision", {
      ...revision,
      codeName: await codeNames(services.referenceData, res.locals.lang as string),
    });
  });

  router.post("/revisione/annulla", async (req, res) => {
    const form = parseForm(versionOnlySchema, req);
    const done =
      form.ok &&
      form.data.version !== undefined &&
      (await services.companyApplication.cancelRevision(req.user!, form.data.version));
    if (done) return res.redirect(303, "/impresa?salvato=revisione-annullata");
    res.status(409).render("accounts/notice", {
      title: "company.refused.title",
      body: "company.refused.conflict",
      link: { href: "/impresa", label: "company.home.title" },
    });
  });

  return router;
}
