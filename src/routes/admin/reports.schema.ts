import { z } from "zod";
import { ReportStatus } from "../../generated/prisma/enums.js";
import { formFields } from "../../validation/form.js";
import { filter, pageFilter, textFilter } from "./listFilters.js";

export const reportUpdateSchema = z.strictObject({
  status: z.enum(ReportStatus),
  note: formFields.text(5000),
});
export type ReportUpdateForm = z.infer<typeof reportUpdateSchema>;

/** Filters of /admin/segnalazioni (listFilters.ts: a malformed value is a 400). */
export const reportFiltersSchema = z.object({
  pagina: pageFilter,
  /** The reported organization: a part of its name, its Partita IVA or registry number (staffSearch.ts). */
  q: textFilter,
  stato: filter(z.enum(ReportStatus)),
});
export type ReportFiltersForm = z.infer<typeof reportFiltersSchema>;
