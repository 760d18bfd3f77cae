import { z } from "zod";
import type { ClassificationInput } from "../../services/review/registerUpkeepService.js";
import { ClassificationOutcome, RegistryStatus } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";

export const reasonSchema = z.strictObject({ reason: formFields.requiredText(2000) });
export type ReasonForm = z.infer<typeof reasonSchema>;

export const classificationSchema = z.strictObject({
  esito: z.enum(ClassificationOutcome),
  apertura: formFields.checkbox(),
  integrazione: formFields.checkbox(),
  benessere: formFields.checkbox(),
  continuita: formFields.checkbox(),
  terzoSettore: formFields.checkbox(),
  motivazione: formFields.requiredText(5000),
});
export type ClassificationForm = z.infer<typeof classificationSchema>;

/** The form's Italian field names as the classification the services record. */
export function classificationInput(d: ClassificationForm): ClassificationInput {
  return {
    outcome: d.esito,
    openToCitizens: d.apertura,
    integratesPublicService: d.integrazione,
    wellbeingImpact: d.benessere,
    continuity: d.continuita,
    thirdSectorPartnership: d.terzoSettore,
    rationale: d.motivazione,
  };
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const registerFiltersSchema = z.object({
  stato: optional(z.enum(RegistryStatus)),
  "da-verificare": optional(z.literal("1")),
  q: optional(z.string().trim().max(200)),
});
