import type { MeasureCategory } from "../generated/prisma/enums.js";

/**
 * Categories worth trying when a search in one finds nothing: families that
 * look for childcare also look at school help, carers of the elderly at
 * health services, and so on. Used only to suggest, never to widen a search.
 */
export const relatedCategories: Record<MeasureCategory, MeasureCategory[]> = {
  CONCILIAZIONE: ["MINORI", "MOBILITA"],
  MINORI: ["EDUCAZIONE", "CONCILIAZIONE"],
  ANZIANI: ["SALUTE", "CONCILIAZIONE"],
  SALUTE: ["ANZIANI", "TEMPO_LIBERO"],
  EDUCAZIONE: ["MINORI", "TEMPO_LIBERO"],
  TEMPO_LIBERO: ["SALUTE", "EDUCAZIONE"],
  MOBILITA: ["CONCILIAZIONE", "ALTRO"],
  ALTRO: ["CONCILIAZIONE", "SALUTE"],
};
