import { z } from "zod";
import { dateColumn } from "../../domain/romeTime.js";
import { AUDITED_ENTITIES } from "../../domain/vocabulary.js";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform(dateColumn)
  .refine((d) => !Number.isNaN(d.getTime()));

/** Filters of /admin/registro-attivita (GET, shareable among staff). */
export const activityFiltersSchema = z.object({
  azione: optional(z.string().trim().max(60)),
  tipo: optional(z.enum(AUDITED_ENTITIES)),
  record: optional(z.string().trim().max(40)),
  autore: optional(z.string().trim().max(100)),
  dal: optional(day),
  al: optional(day),
  pagina: optional(
    z
      .string()
      .regex(/^\d{1,4}$/)
      .transform(Number)
      .pipe(z.number().int().min(1)),
  ),
});
