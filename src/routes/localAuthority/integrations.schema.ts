import { z } from "zod";
import { formFields } from "../../validation/form.js";

/** A public service proposed to work with a firm's measure (the service's IntegrationProposal). */
export const integrationSchema = z.strictObject({
  measureId: z
    .string()
    .regex(/^\d{1,9}$/, "validation.choice")
    .transform(Number),
  comuneCode: z.string().regex(/^\d{6}$/, "validation.choice"),
  serviceName: formFields.requiredText(200),
  description: formFields.requiredText(2000),
  contact: formFields.requiredText(300),
});
export type IntegrationForm = z.infer<typeof integrationSchema>;
