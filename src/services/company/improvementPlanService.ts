import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { GoalInput, ImprovementPlanRepository } from "../../data/company/improvementPlanRepository.js";
import type { OutboxRepository } from "../../data/shared/outboxRepository.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { GoalStatus } from "../../generated/prisma/enums.js";
import type { DecisionMails } from "../review/decisionMails.js";
import type { Actor } from "../review/reviewService.js";

export type PlanOutcome = { ok: true } | { ok: false; reason: "notFound" | "conflict" };

/**
 * Improvement plans ("piani di miglioramento"): staff and a registered firm
 * agree goals with dates; the firm reports its progress; staff close each goal
 * as met or not. The firm hears of each new goal and each closure by e-mail;
 * its public page shows the plan only while the firm consents (publishPlan).
 * Every change is audited in its transaction.
 */
export function createImprovementPlanService(deps: {
  plans: ImprovementPlanRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  outbox: OutboxRepository;
  mails: DecisionMails;
}) {
  const { plans, audit, transaction, outbox, mails } = deps;
  const notFound = { ok: false, reason: "notFound" } as const;

  return {
    plan: (organizationId: number) => plans.plan(organizationId),

    /** Staff add a goal to a firm's plan (a firm ever registered). */
    addGoal: (actor: Actor, organizationId: number, goal: GoalInput): Promise<PlanOutcome> =>
      transaction(async (tx) => {
        const org = await plans.plan(organizationId, tx);
        if (!org) return notFound;
        const created = await plans.addGoal(organizationId, goal, tx);
        await audit.change(tx, actor, "improvementGoal.add", ["ImprovementGoal", created.id], null, created);
        await outbox.enqueueAll(mails.decision("PLAN_GOAL_ADDED", org, goal.description), tx);
        return { ok: true } as const;
      }),

    /** Staff close an open goal as met or not, with a note the firm reads. */
    closeGoal: (
      actor: Actor,
      organizationId: number,
      goalId: number,
      status: Exclude<GoalStatus, "OPEN">,
      note: string,
    ): Promise<PlanOutcome> =>
      transaction(async (tx) => {
        const goal = await plans.goal(goalId, tx);
        const org = goal?.organizationId === organizationId ? await plans.plan(organizationId, tx) : null;
        if (!goal || !org) return notFound;
        if (!(await plans.close(goalId, status, note, tx))) return { ok: false, reason: "conflict" } as const;
        await audit.change(
          tx,
          actor,
          "improvementGoal.close",
          ["ImprovementGoal", goalId],
          { status: goal.status },
          { status, closingNote: note },
        );
        const kind = status === "MET" ? "PLAN_GOAL_MET" : "PLAN_GOAL_NOT_MET";
        await outbox.enqueueAll(mails.decision(kind, org, `${goal.description}\n\n${note}`.trim()), tx);
        return { ok: true } as const;
      }),

    /** The firm tells how an open goal of its own is going; another firm's goal is not found. */
    reportProgress: (user: Express.User, goalId: number, progress: string): Promise<PlanOutcome> =>
      transaction(async (tx) => {
        const goal = await plans.goal(goalId, tx);
        if (!goal || !user.organizationId || goal.organizationId !== user.organizationId) return notFound;
        if (!(await plans.reportProgress(goalId, user.organizationId, progress, tx)))
          return { ok: false, reason: "conflict" } as const;
        await audit.change(
          tx,
          user,
          "improvementGoal.progress",
          ["ImprovementGoal", goalId],
          { progress: goal.progress },
          { progress },
        );
        return { ok: true } as const;
      }),

    /** The firm's consent to show its plan (open goals and what it achieved) on its public page. */
    setPublication: (user: Express.User, publish: boolean): Promise<PlanOutcome> =>
      transaction(async (tx) => {
        const org = user.organizationId ? await plans.plan(user.organizationId, tx) : null;
        if (!org) return notFound;
        await plans.setPublication(org.id, publish, tx);
        await audit.change(
          tx,
          user,
          "organization.publishPlan",
          ["Organization", org.id],
          { publishPlan: org.publishPlan },
          { publishPlan: publish },
        );
        return { ok: true } as const;
      }),
  };
}

export type ImprovementPlanService = ReturnType<typeof createImprovementPlanService>;
