import { z } from "zod";
import type { ClassificationInput } from "../../services/review/registerUpkeepService.js";
import { RegistryStatus } from "../../generated/prisma/enums.js";
import { STAFF_OUTCOMES } from "../../domain/vocabulary.js";
import { formFields } from "../../validation/form.js";
import { filter, pageFilter, textFilter } from "./listFilters.js";

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

/** Filters of /admin/imprese (listFilters.ts: a malformed value is a 400). */
export const registerFiltersSchema = z.object({
  pagina: pageFilter,
  /** A part of the name, the Partita IVA or the registry number (staffSearch.ts). */
  q: textFilter,
  stato: filter(z.enum(RegistryStatus)),
  "da-verificare": filter(z.literal("1")),
});
export type RegisterFiltersForm = z.infer<typeof registerFiltersSchema>;
