import { z } from "zod";
import type { ClassificationInput } from "../../services/review/registerUpkeepService.js";
import { RegistryStatus } from "../../generated/prisma/enums.js";
import { STAFF_OUTCOMES } from "../../domain/vocabulary.js";
import { formFields } from "../../validation/form.js";

export const reasonSchema = z.strictObject({ reason: formFields.requiredText(2000) });
export type ReasonForm = z.infer<typeof reasonSchema>;

/** Keys are the classification the services record (ClassificationInput). */
export const classificationSchema = z.strictObject({
  // UNDER_REVIEW is the register's, never a reviewer's choice.
  outcome: z.enum(STAFF_OUTCOMES),
  openToCitizens: formFields.checkbox(),
  integratesPublicService: formFields.checkbox(),
  wellbeingImpact: formFields.checkbox(),
  continuity: formFields.checkbox(),
  thirdSectorPartnership: formFields.checkbox(),
  rationale: formFields.requiredText(5000),
}) satisfies z.ZodType<ClassificationInput>;
export type ClassificationForm = z.infer<typeof classificationSchema>;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const registerFiltersSchema = z.object({
  /** Page of the list (staffPaging.ts); anything else is the first. */
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  stato: optional(z.enum(RegistryStatus)),
  "da-verificare": optional(z.literal("1")),
  q: optional(z.string().trim().max(200)),
});
