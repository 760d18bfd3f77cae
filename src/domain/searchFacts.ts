import type { Beneficiary, MeasureCategory, MeasureStatus } from "../generated/prisma/enums.js";
import { measureMatches, type MeasureFacts, type RegistrySearch } from "./registrySearch.js";

// The facts of a measure a search filters on, as one small integer. The same
// encoding is computed in SQL by "measure_search_code" (migration
// "search_facts"), which keeps Organization."measureFacts" (the codes of an
// organization's own measures) up to date with triggers. Positions are
// explicit, not enum order: a new enum value must be added in both places.
const CATEGORY: readonly MeasureCategory[] = [
  "CONCILIAZIONE",
  "MINORI",
  "ANZIANI",
  "SALUTE",
  "EDUCAZIONE",
  "TEMPO_LIBERO",
  "MOBILITA",
  "ALTRO",
];
const STATUS: readonly MeasureStatus[] = ["ACTIVE", "PLANNED", "ENDED"];
const BENEFICIARY: readonly Beneficiary[] = ["EMPLOYEES", "FAMILIES", "CITIZENS"];
const OPEN = 1 << 9;
const TERRITORIAL = 1 << 10;

/** How many categories a code tells apart; a category's number, and a code's (bits 0-3). */
export const CATEGORY_COUNT = CATEGORY.length;
export const categoryNumber = (category: MeasureCategory) => CATEGORY.indexOf(category);
export const categoryNumberOf = (code: number) => code & 0xf;
/** Whether a code is that of a measure open to citizens. */
export const isOpenCode = (code: number) => (code & OPEN) !== 0;

/** Every code is below this (11 bits). */
export const MEASURE_CODE_LIMIT = 1 << 11;

/** Category in bits 0-3, status 4-5, one bit per beneficiary from bit 6, open 9, territorial 10. */
export function measureCode(m: MeasureFacts): number {
  let code = CATEGORY.indexOf(m.category) | (STATUS.indexOf(m.status) << 4);
  BENEFICIARY.forEach((b, i) => {
    if (m.beneficiaries.includes(b)) code |= 1 << (6 + i);
  });
  if (m.openToCitizens) code |= OPEN;
  if (m.currentOutcome === "TERRITORIAL_WELFARE") code |= TERRITORIAL;
  return code;
}

/**
 * The facts a code stands for (measureCode's inverse), for the result cards the
 * in-process index shows without reading the measures. An outcome other than
 * territorial welfare is not in the code: it comes back as null, which every
 * search treats alike (measureMatches only asks "territorial welfare or not").
 */
export function measureFactsOf(code: number): MeasureFacts {
  return {
    category: CATEGORY[categoryNumberOf(code)]!,
    status: STATUS[(code >>> 4) & 0x3]!,
    beneficiaries: BENEFICIARY.filter((_, i) => code & (1 << (6 + i))),
    openToCitizens: (code & OPEN) !== 0,
    currentOutcome: code & TERRITORIAL ? "TERRITORIAL_WELFARE" : null,
  };
}

/** Every combination of facts a measure can have (8 x 3 x 8 x 2 x 2 = 768). */
const everyMeasure: MeasureFacts[] = CATEGORY.flatMap((category) =>
  STATUS.flatMap((status) =>
    [0, 1, 2, 3, 4, 5, 6, 7].flatMap((set) =>
      [false, true].flatMap((openToCitizens) =>
        [null, "TERRITORIAL_WELFARE" as const].map((currentOutcome) => ({
          category,
          status,
          beneficiaries: BENEFICIARY.filter((_, i) => set & (1 << i)),
          openToCitizens,
          currentOutcome,
        })),
      ),
    ),
  ),
);

/**
 * The codes of the measures that satisfy the measure filters of `search`: an
 * organization has a matching measure exactly when its "measureFacts" overlap
 * them (`&&`, a GIN index condition). Built from measureMatches itself, so
 * the SQL cannot drift from the rule the result pages use.
 */
export function matchingMeasureCodes(search: RegistrySearch): number[] {
  return everyMeasure.filter((m) => measureMatches(m, search)).map(measureCode);
}
