import { z } from "zod";
import { AdviceStatus, MeasureCategory } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { comuneFilter, filter, pageFilter, textFilter } from "./listFilters.js";

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

/** Filters of /admin/consulenze (listFilters.ts: a malformed value is a 400). */
export const adviceFiltersSchema = z.object({
  pagina: pageFilter,
  /** The reference code, whole (that request only) or a part of it. */
  q: textFilter,
  tema: filter(z.enum(MeasureCategory)),
  comune: comuneFilter,
  stato: filter(z.enum(AdviceStatus)),
});
export type AdviceFiltersForm = z.infer<typeof adviceFiltersSchema>;
