import { z } from "zod";
import { formFields } from "../../validation/form.js";

export const problemReportSchema = z.strictObject({
  message: formFields.requiredText(3000),
  email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), formFields.email().optional()),
});
export type ProblemReportForm = z.infer<typeof problemReportSchema>;
