import { z } from "zod";
import { GoalKind } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { isoDate } from "../company/companyFields.js";

/** A goal staff add to a firm's improvement plan. */
export const goalSchema = z.strictObject({
  kind: z.enum(GoalKind, "validation.choice"),
  description: formFields.requiredText(1000),
  dueOn: isoDate,
});

/** Closing a goal: met or not, and a note the firm reads. */
export const closeGoalSchema = z.strictObject({
  status: z.enum(["MET", "NOT_MET"], "validation.choice"),
  closingNote: formFields.text(1000),
});

/** The firm's report on a goal. */
export const progressSchema = z.strictObject({ progress: formFields.requiredText(2000) });

/** The firm's consent to publish its plan. */
export const publicationSchema = z.strictObject({ publishPlan: formFields.checkbox() });
