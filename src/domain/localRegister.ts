import { MeasureCategory } from "../generated/prisma/enums.js";

/**
 * The categories a comune can lack: every one but "altro", a catch-all that
 * names no need of citizens (no measure "altro" nearby is not a gap).
 */
export const GAP_CATEGORIES = Object.values(MeasureCategory).filter((c) => c !== "ALTRO");

/** The distance within which a measure open to citizens serves a comune (km, from its centre). */
export const GAP_RADIUS = { min: 1, max: 50, default: 10 } as const;
