import { z } from "zod";
import { MeasureCategory } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";

/** A citizen's question; `website` is the honeypot, checked before this schema. */
export function adviceRequestSchema(comuneCodes: ReadonlySet<string>) {
  return z.strictObject({
    name: formFields.requiredText(200),
    email: formFields.email(),
    comuneCode: z.string().refine((c) => comuneCodes.has(c), "validation.comune"),
    topic: z.enum(MeasureCategory),
    message: z.string().trim().min(10, "advice.errors.messageShort").max(5000),
    privacy: formFields.checkbox().refine((v) => v, "validation.privacy"),
    website: z.string().optional(),
  });
}
export type AdviceRequestForm = z.infer<ReturnType<typeof adviceRequestSchema>>;
