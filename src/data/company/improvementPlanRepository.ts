import type { GoalKind, GoalStatus } from "../../generated/prisma/enums.js";
import { companyUsersAsRecipients } from "../shared/outboxRepository.js";
import type { Db } from "../shared/db.js";

/** What staff and the firm agree: a kind of goal, in words, by a date. */
export interface GoalInput {
  kind: GoalKind;
  description: string;
  dueOn: Date;
}

/** Open goals first, each group by due date. */
const planOrder = [{ status: "asc" as const }, { dueOn: "asc" as const }, { id: "asc" as const }];

/** The improvement plans of registered firms: their goals and the firm's consent to publish them. */
export function createImprovementPlanRepository(db: Db) {
  return {
    /** The firm with its goals and the addresses that hear about them; null if it was never registered. */
    plan(organizationId: number, tx: Db = db) {
      return tx.organization.findFirst({
        where: { id: organizationId, registryStatus: { not: "NOT_REGISTERED" } },
        select: {
          id: true,
          name: true,
          slug: true,
          contactEmail: true,
          publishPlan: true,
          users: companyUsersAsRecipients,
          improvementGoals: { orderBy: planOrder },
        },
      });
    },

    addGoal(organizationId: number, goal: GoalInput, tx: Db = db) {
      return tx.improvementGoal.create({ data: { organizationId, ...goal } });
    },

    goal(id: number, tx: Db = db) {
      return tx.improvementGoal.findUnique({ where: { id } });
    },

    /** The firm's report on an open goal of its own; false when there is none such. */
    async reportProgress(id: number, organizationId: number, progress: string, tx: Db = db) {
      const { count } = await tx.improvementGoal.updateMany({
        where: { id, organizationId, status: "OPEN" },
        data: { progress, progressAt: new Date() },
      });
      return count === 1;
    },

    /** Closes an open goal; false when it was closed already (by someone else meanwhile). */
    async close(id: number, status: Exclude<GoalStatus, "OPEN">, closingNote: string, tx: Db = db) {
      const { count } = await tx.improvementGoal.updateMany({
        where: { id, status: "OPEN" },
        data: { status, closingNote, closedAt: new Date() },
      });
      return count === 1;
    },

    setPublication(organizationId: number, publishPlan: boolean, tx: Db = db) {
      return tx.organization.update({ where: { id: organizationId }, data: { publishPlan }, select: { id: true } });
    },
  };
}

export type ImprovementPlanRepository = ReturnType<typeof createImprovementPlanRepository>;
