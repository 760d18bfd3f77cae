import { z } from "zod";
import { dateColumn } from "../../domain/romeTime.js";
import { AUDITED_ENTITIES } from "../../domain/vocabulary.js";
import { filter, pageFilter } from "./listFilters.js";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .transform(dateColumn)
  .refine((d) => !Number.isNaN(d.getTime()), "validation.date");

/** Filters of /admin/registro-attivita (GET, shareable among staff; listFilters.ts: a malformed value is a 400). */
export const activityFiltersSchema = z.object({
  azione: filter(z.string().trim().max(60)),
  /** Every kind of record the services audit (AUDITED_ENTITIES), and only those. */
  tipo: filter(z.enum(AUDITED_ENTITIES)),
  record: filter(z.string().trim().max(40)),
  autore: filter(z.string().trim().max(100)),
  dal: filter(day),
  al: filter(day),
  pagina: pageFilter,
});
