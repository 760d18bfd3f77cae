import { z } from "zod";
import { ApplicationKind, ApplicationStatus, MeasureCategory } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { comuneFilter, filter, pageFilter, staffIdFilter, textFilter } from "./listFilters.js";

const version = formFields.integer(0, 1_000_000);

export const approveSchema = z.strictObject({ version });
export const requestChangesSchema = z.strictObject({ version, comment: formFields.requiredText(5000) });
export const rejectSchema = z.strictObject({ version, reason: formFields.requiredText(5000) });
/** "Prendi in carico" says whom the reviewer saw as assignee: taking over is a choice, never an accident. */
export const assignSchema = z.strictObject({
  seenAssignee: z.union([
    z.literal("nessuno").transform(() => null),
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  ]),
});

export type ApproveForm = z.infer<typeof approveSchema>;
export type RequestChangesForm = z.infer<typeof requestChangesSchema>;
export type RejectForm = z.infer<typeof rejectSchema>;

/** Filters of /admin/domande (listFilters.ts: a malformed value is a 400). */
export const applicationFiltersSchema = z.object({
  pagina: pageFilter,
  q: textFilter,
  stato: filter(z.enum(ApplicationStatus)),
  tipo: filter(z.enum(ApplicationKind)),
  comune: comuneFilter,
  categoria: filter(z.enum(MeasureCategory)),
  assegnatario: filter(z.union([z.literal("nessuno"), staffIdFilter])),
  attesa: filter(
    z
      .string()
      .regex(/^\d{1,4}$/, "validation.choice")
      .transform(Number),
  ),
});

export type ApplicationFiltersForm = z.infer<typeof applicationFiltersSchema>;
