import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import type { PlanOutcome } from "../../services/company/improvementPlanService.js";
import { parseForm } from "../../validation/form.js";
import { validId } from "../admin/idParam.js";
import { progressSchema, publicationSchema } from "../admin/improvementPlans.schema.js";

const view = "company/plan";

/** /impresa/piano: the firm's improvement plan, its progress reports and its consent to publish. */
export function companyPlanRoutes(services: Services) {
  const router = Router();
  router.param("goalId", validId);
  const plans = services.improvementPlan;

  async function render(req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) {
    const plan = req.user!.organizationId ? await plans.plan(req.user!.organizationId) : null;
    res.status(status).render(view, { plan, done: req.query.fatto, ...locals });
  }
  const answer = (res: Response, outcome: PlanOutcome, done: string) => {
    if (outcome.ok) return res.redirect(303, `/impresa/piano?fatto=${done}`);
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    return res.status(409).render("accounts/notice", {
      title: "company.plan.closedTitle",
      body: "company.plan.closedBody",
      link: { href: "/impresa/piano", label: "company.plan.title" },
    });
  };

  router.get("/piano", (req, res) => render(req, res, 200));

  // Before /piano/:goalId, whose id check would answer 404 to this path.
  router.post("/piano/pubblicazione", async (req, res) => {
    const form = parseForm(publicationSchema, req);
    if (!form.ok) return res.status(400).render("errors/400", { status: 400 });
    answer(res, await plans.setPublication(req.user!, form.data.publishPlan), "pubblicazione");
  });

  /** The progress form of one open goal of the firm's own (another firm's goal is not found). */
  async function renderProgress(req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) {
    const plan = req.user!.organizationId ? await plans.plan(req.user!.organizationId) : null;
    const goal = plan?.improvementGoals.find((g) => g.id === Number(req.params.goalId) && g.status === "OPEN");
    if (!goal) return res.status(404).render("errors/404");
    const values = { progress: goal.progress };
    res.status(status).render("company/planProgress", { goal, values, errors: {}, ...locals });
  }

  router.get("/piano/:goalId", (req, res) => renderProgress(req, res, 200));

  router.post("/piano/:goalId", async (req, res) => {
    const form = parseForm(progressSchema, req);
    if (!form.ok) return renderProgress(req, res, 422, { values: form.values, errors: form.errors });
    answer(res, await plans.reportProgress(req.user!, Number(req.params.goalId), form.data.progress), "avanzamento");
  });

  return router;
}
