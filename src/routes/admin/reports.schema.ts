import { z } from "zod";
import { ReportStatus } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";

export const reportUpdateSchema = z.strictObject({
  status: z.enum(ReportStatus),
  note: formFields.text(5000),
});
export type ReportUpdateForm = z.infer<typeof reportUpdateSchema>;

export const reportFiltersSchema = z.object({
  /** Page of the list (staffPaging.ts); anything else is the first. */
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  stato: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ReportStatus).optional()).catch(undefined),
});
