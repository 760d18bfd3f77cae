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
  /** Page of the list (staffPaging.ts); anything else is the first. */
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  stato: z.preprocess((v) => (v === "" ? undefined : v), z.enum(AdviceStatus).optional()).catch(undefined),
});
