import { z } from "zod";
import { ApplicationKind, ApplicationStatus, MeasureCategory } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";

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

// Filters of the list: a malformed value is dropped rather than refused (staff-only page).
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const applicationFiltersSchema = z.object({
  /** Page of the list (staffPaging.ts); anything else is the first. */
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  stato: optional(z.enum(ApplicationStatus)),
  tipo: optional(z.enum(ApplicationKind)),
  comune: optional(z.string().regex(/^\d{6}$/)),
  categoria: optional(z.enum(MeasureCategory)),
  assegnatario: optional(
    z.union([
      z.literal("nessuno"),
      z
        .string()
        .regex(/^\d{1,9}$/)
        .transform(Number),
    ]),
  ),
  attesa: optional(
    z
      .string()
      .regex(/^\d{1,4}$/)
      .transform(Number),
  ),
});

export type ApplicationFiltersForm = z.infer<typeof applicationFiltersSchema>;
