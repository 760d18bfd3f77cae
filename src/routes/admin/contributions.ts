import { Router, type Response } from "express";
import type { Services } from "../../services/index.js";
import { parseForm } from "../../validation/form.js";
import { formatEuroAmount } from "../../domain/euroAmount.js";
import { renderConfirmation } from "../confirmation.js";
import { validId } from "./idParam.js";
import { contributionFormSchema, fundingReportSchema } from "./contributions.schema.js";
import { fundingCsv } from "./fundingCsv.js";

const formView = "admin/contributions/form";

/** /admin/contributi: funding records and the report per funder, activity and year. */
export function adminContributionRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const funding = services.contribution;
  router.use("/contributi", (_req, res, next) => {
    res.locals.formatEuro = (amount: unknown) => `€ ${formatEuroAmount(String(amount), res.locals.lang)}`;
    next();
  });

  type Recorded = { measureId: number | null; eventId: number | null } | null;
  /** The contribution's current measure and event stay among the choices, so a save keeps them. */
  const render = async (
    res: Response,
    status: number,
    locals: Record<string, unknown> & { contribution: Recorded },
  ) => {
    res
      .status(status)
      .render(formView, { choices: await funding.linkChoices(locals.contribution), errors: {}, ...locals });
  };

  router.get("/contributi", async (req, res) => {
    res.render("admin/contributions/index", { contributions: await funding.list(), done: req.query.esito });
  });

  router.get("/contributi/rendiconto", async (req, res) => {
    const { pubblici } = fundingReportSchema.parse(req.query);
    res.render("admin/contributions/report", {
      totals: await funding.totals({ publicOnly: pubblici }),
      publicOnly: pubblici,
    });
  });

  router.get("/contributi/rendiconto.csv", async (req, res) => {
    const { pubblici } = fundingReportSchema.parse(req.query);
    const totals = await funding.totals({ publicOnly: pubblici });
    res
      .type("text/csv; charset=utf-8")
      .attachment(pubblici ? "rendiconto-contributi-pubblici.csv" : "rendiconto-contributi.csv")
      .send(fundingCsv(totals, res.locals.t));
  });

  router.get("/contributi/nuovo", (_req, res) => render(res, 200, { contribution: null, values: { isPublic: "1" } }));

  router.post("/contributi/nuovo", async (req, res) => {
    const form = parseForm(contributionFormSchema, req);
    if (!form.ok) return render(res, 422, { contribution: null, values: form.values, errors: form.errors });
    const outcome = await funding.create(req.user!, form.data);
    if (!outcome.ok)
      return render(res, 422, {
        contribution: null,
        values: req.body,
        errors: { [outcome.reason === "badLink" ? outcome.field : "_form"]: { key: "validation.choice" } },
      });
    res.redirect(303, "/admin/contributi?esito=creato");
  });

  router.get("/contributi/:id", async (req, res) => {
    const contribution = await funding.find(Number(req.params.id));
    if (!contribution) return res.status(404).render("errors/404");
    const typed = (euro: { toFixed(digits: number): string } | null) => euro?.toFixed(2).replace(".", ",") ?? "";
    const values = {
      activity: contribution.activity,
      kind: contribution.kind,
      amount: typed(contribution.amount),
      description: contribution.description,
      estimatedValue: typed(contribution.estimatedValue),
      resource: contribution.resource,
      fundedBy: contribution.fundedBy,
      grantedOn: contribution.grantedOn.toISOString().slice(0, 10),
      networkId: contribution.networkId ?? "",
      measureId: contribution.measureId ?? "",
      eventId: contribution.eventId ?? "",
      isPublic: contribution.isPublic ? "1" : "",
    };
    await render(res, 200, { contribution, values, saved: req.query.esito === "salvato" });
  });

  router.post("/contributi/:id", async (req, res) => {
    const contribution = await funding.find(Number(req.params.id));
    if (!contribution) return res.status(404).render("errors/404");
    const form = parseForm(contributionFormSchema, req);
    if (!form.ok) return render(res, 422, { contribution, values: form.values, errors: form.errors });
    const outcome = await funding.update(contribution.id, req.user!, form.data);
    if (!outcome.ok && outcome.reason === "notFound") return res.status(404).render("errors/404");
    if (!outcome.ok)
      return render(res, 422, {
        contribution,
        values: req.body,
        errors: { [outcome.field]: { key: "validation.choice" } },
      });
    res.redirect(303, `/admin/contributi/${contribution.id}?esito=salvato`);
  });

  router.get("/contributi/:id/elimina", async (req, res) => {
    const contribution = await funding.find(Number(req.params.id));
    if (!contribution) return res.status(404).render("errors/404");
    const t = res.locals.t as (key: string, params?: object) => string;
    renderConfirmation(res, {
      title: t("funding.admin.deleteTitle"),
      question: t("funding.admin.deleteQuestion", {
        activity: contribution.activity,
        amount: contribution.amount
          ? formatEuroAmount(contribution.amount.toFixed(2), res.locals.lang as "it" | "en")
          : t(`funding.kinds.${contribution.kind}`),
      }),
      action: `/admin/contributi/${contribution.id}/elimina`,
      submit: t("funding.admin.delete"),
      back: `/admin/contributi/${contribution.id}`,
    });
  });

  router.post("/contributi/:id/elimina", async (req, res) => {
    if (!(await funding.delete(Number(req.params.id), req.user!))) return res.status(404).render("errors/404");
    res.redirect(303, "/admin/contributi?esito=eliminato");
  });

  return router;
}
