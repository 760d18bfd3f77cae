import { describe, expect, it } from "vitest";
import { measureMatches, toRegistrySearch, type SearchInput } from "../../src/domain/registrySearch.js";
import { MEASURE_CODE_LIMIT, matchingMeasureCodes, measureCode, measureFactsOf } from "../../src/domain/searchFacts.js";
import type { MeasureFacts } from "../../src/domain/registrySearch.js";

const empty: SearchInput = { categoria: [], beneficiari: [], dimensione: [], stato: [] };
const search = (input: Partial<SearchInput>) => toRegistrySearch({ ...empty, ...input }, () => undefined, 15);
const measure: MeasureFacts = {
  category: "MINORI",
  status: "ACTIVE",
  beneficiaries: ["EMPLOYEES", "CITIZENS"],
  openToCitizens: true,
  currentOutcome: "TERRITORIAL_WELFARE",
};

describe("measure codes", () => {
  it("give different facts different codes", () => {
    expect(measureCode(measure)).toBe(1 | 0 | 64 | 256 | 512 | 1024);
    expect(measureCode({ ...measure, openToCitizens: false })).not.toBe(measureCode(measure));
    expect(measureCode({ ...measure, currentOutcome: "COMPANY_BENEFIT" })).toBe(
      measureCode({ ...measure, currentOutcome: null }),
    );
  });

  it("give back the facts they were made of", () => {
    const every = matchingMeasureCodes(search({}));
    for (const code of every) expect(measureCode(measureFactsOf(code))).toBe(code);
    expect(measureFactsOf(measureCode(measure))).toEqual(measure);
    // Only territorial welfare is in the code: another outcome comes back as none.
    expect(measureFactsOf(measureCode({ ...measure, currentOutcome: "COMPANY_BENEFIT" })).currentOutcome).toBeNull();
  });

  it("stay below the limit the in-process index sizes its table by", () => {
    const every = matchingMeasureCodes(search({}));
    expect(every).toHaveLength(768);
    expect(Math.max(...every)).toBeLessThan(MEASURE_CODE_LIMIT);
  });

  it("match a search exactly when measureMatches does", () => {
    const searches = [
      search({ categoria: ["minori"] }),
      search({ categoria: ["minori", "salute"], aperte: "1" }),
      search({ beneficiari: ["cittadini"], stato: ["in-progettazione"] }),
      search({ classificazione: "welfare-territoriale", aperte: "1", categoria: ["altro"] }),
    ];
    const variants: MeasureFacts[] = [
      measure,
      { ...measure, category: "SALUTE", openToCitizens: false },
      { ...measure, beneficiaries: ["FAMILIES"], status: "PLANNED", currentOutcome: null },
      { ...measure, category: "ALTRO" },
    ];
    for (const s of searches) {
      const codes = matchingMeasureCodes(s);
      for (const m of variants) expect(codes.includes(measureCode(m))).toBe(measureMatches(m, s));
    }
  });
});
