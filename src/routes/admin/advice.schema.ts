import { z } from "zod";
import { AdviceStatus } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const adviceUpdateSchema = z.strictObject({
  status: z.enum(AdviceStatus),
  assignee: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,9}$/, "validation.choice")
      .transform(Number)
      .optional(),
  ),
  note: formFields.text(5000),
});
export type AdviceUpdateForm = z.infer<typeof adviceUpdateSchema>;

export const adviceAnswerSchema = z.strictObject({
  answer: formFields.requiredText(10000),
});

export const adviceFiltersSchema = z.object({
  stato: z.preprocess((v) => (v === "" ? undefined : v), z.enum(AdviceStatus).optional()).catch(undefined),
});
