import { Router } from "express";
import type { Services } from "../../services/index.js";
import { parseForm } from "../../validation/form.js";
import { codeNames } from "../codeNames.js";
import { renderConfirmation } from "../confirmation.js";
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

  router.get("/revisione/annulla", async (req, res, next) => {
    const revision = await services.companyDraft.revision(req.user!);
    if (!revision) return next();
    // Nothing pending (already approved or cancelled): the revision page says so.
    if (!revision.pending) return res.redirect(303, "/impresa/revisione");
    const t = res.locals.t as (key: string, params?: object) => string;
    renderConfirmation(res, {
      title: t("company.revision.cancelTitle"),
      question: t("company.revision.cancelQuestion"),
      action: "/impresa/revisione/annulla",
      submit: t("company.revision.cancel"),
      back: "/impresa/revisione",
      fields: [["version", String(revision.pending.version)]],
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
