import { z } from "zod";
import { GAP_RADIUS } from "../../domain/localRegister.js";
import { comuneFilter, filter, pageFilter } from "../admin/listFilters.js";

// GET parameters of the local authority's lists, Italian like every URL of the
// site; a malformed value is a 400 with the message beside the field.

/** /ente/imprese: a comune of the territory (all when absent), the page. */
export const firmFiltersSchema = z.object({ pagina: pageFilter, comune: comuneFilter });
export type FirmFilters = z.infer<typeof firmFiltersSchema>;

/** /ente/misure: also `aperte=1`, the measures open to citizens only (as the public search's parameter). */
export const measureFiltersSchema = firmFiltersSchema.extend({
  aperte: filter(z.literal("1", "validation.choice")).transform((v) => v === "1"),
});
export type MeasureFilters = z.infer<typeof measureFiltersSchema>;

/** /ente/lacune: the distance in km within which a measure serves a comune. */
export const gapFiltersSchema = z.object({
  comune: comuneFilter,
  raggio: filter(
    z
      .string()
      .regex(/^\d{1,3}$/, "validation.integer")
      .transform(Number)
      .pipe(z.number().int().min(GAP_RADIUS.min).max(GAP_RADIUS.max)),
  ).transform((km) => km ?? GAP_RADIUS.default),
});
export type GapFilters = z.infer<typeof gapFiltersSchema>;

/** /ente/consulenze: the figures of one comune or of the whole territory. */
export const adviceFiltersSchema = z.object({ comune: comuneFilter });
