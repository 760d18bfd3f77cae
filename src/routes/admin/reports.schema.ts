import { z } from "zod";
import { ReportStatus } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";

export const reportUpdateSchema = z.strictObject({
  status: z.enum(ReportStatus),
  note: formFields.text(5000),
});
export type ReportUpdateForm = z.infer<typeof reportUpdateSchema>;

export const reportFiltersSchema = z.object({
  stato: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ReportStatus).optional()).catch(undefined),
});
