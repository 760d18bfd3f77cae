import { z } from "zod";
import { formFields } from "../../validation/form.js";

const organizationId = z
  .string()
  .regex(/^\d{1,9}$/, "validation.choice")
  .transform(Number);

export const networkSchema = z.strictObject({
  name: formFields.requiredText(200),
  description: formFields.requiredText(3000),
  leadOrganization: organizationId,
});
export type NetworkForm = z.infer<typeof networkSchema>;

export const memberSchema = z.strictObject({ organization: organizationId });

export const measureRejectSchema = z.strictObject({ reason: formFields.requiredText(2000) });
