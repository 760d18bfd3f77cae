import { Router, type Request, type Response } from "express";
import type { Services } from "../../services/index.js";
import type { PlanOutcome } from "../../services/company/improvementPlanService.js";
import { dateColumn } from "../../domain/romeTime.js";
import { parseForm } from "../../validation/form.js";
import { validId } from "./idParam.js";
import { closeGoalSchema, goalSchema } from "./improvementPlans.schema.js";

const view = "admin/organizations/plan";

/** /admin/imprese/:id/piano: a firm's improvement plan, its goals added and closed by staff. */
export function improvementPlanAdminRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  router.param("goalId", validId);
  const plans = services.improvementPlan;

  async function render(req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) {
    const plan = await plans.plan(Number(req.params.id));
    if (!plan) return res.status(404).render("errors/404");
    res.status(status).render(view, { plan, values: {}, errors: {}, done: req.query.fatto, ...locals });
  }
  const answer = (req: Request, res: Response, outcome: PlanOutcome, done: string) => {
    if (outcome.ok) return res.redirect(303, `/admin/imprese/${req.params.id}/piano?fatto=${done}`);
    if (outcome.reason === "notFound") return res.status(404).render("errors/404");
    return render(req, res, 409, { conflict: true });
  };

  router.get("/imprese/:id/piano", (req, res) => render(req, res, 200));

  router.post("/imprese/:id/piano", async (req, res) => {
    const form = parseForm(goalSchema, req);
    if (!form.ok) return render(req, res, 422, { values: form.values, errors: form.errors });
    const { dueOn, ...goal } = form.data;
    answer(
      req,
      res,
      await plans.addGoal(req.user!, Number(req.params.id), { ...goal, dueOn: dateColumn(dueOn) }),
      "aggiunto",
    );
  });

  /** The closing form of one open goal of this firm (another firm's goal is not found). */
  async function renderClosing(req: Request, res: Response, status: number, locals: Record<string, unknown> = {}) {
    const plan = await plans.plan(Number(req.params.id));
    const goal = plan?.improvementGoals.find((g) => g.id === Number(req.params.goalId) && g.status === "OPEN");
    if (!plan || !goal) return res.status(404).render("errors/404");
    res.status(status).render("admin/organizations/closeGoal", { plan, goal, values: {}, errors: {}, ...locals });
  }

  router.get("/imprese/:id/piano/:goalId/chiudi", (req, res) => renderClosing(req, res, 200));

  router.post("/imprese/:id/piano/:goalId/chiudi", async (req, res) => {
    const form = parseForm(closeGoalSchema, req);
    if (!form.ok) return renderClosing(req, res, 422, { values: form.values, errors: form.errors });
    const { status, closingNote } = form.data;
    const goalId = Number(req.params.goalId);
    answer(req, res, await plans.closeGoal(req.user!, Number(req.params.id), goalId, status, closingNote), "chiuso");
  });

  return router;
}
