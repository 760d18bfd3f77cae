import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEARCH_VOCABULARY_PATH } from "../../src/data/registry/searchVocabularyFile.js";
import { categorySearchWord, expandSearchText, parseSearchVocabulary } from "../../src/domain/searchVocabulary.js";
import type { MeasureCategory } from "../../src/generated/prisma/enums.js";

const vocabulary = parseSearchVocabulary(JSON.parse(readFileSync(SEARCH_VOCABULARY_PATH, "utf8")));
const categoriesOf = (text: string) => expandSearchText(text, vocabulary).alternatives.flatMap((a) => a.categories);

// Italian everyday words and English equivalents, for every category of the register.
const examples: Record<MeasureCategory, string[]> = {
  CONCILIAZIONE: ["conciliazione", "smart working", "Lavoro agile", "work-life balance", "flexible working"],
  MINORI: ["bambini", "bimbi", "infanzia", "nido", "asilo", "Scuola dell'infanzia", "children", "childcare"],
  ANZIANI: ["anziani", "badante", "non autosufficienza", "terza età", "elderly", "caregiver"],
  SALUTE: ["salute", "medico", "dottore", "visite", "screening", "sanità", "health", "doctor"],
  EDUCAZIONE: ["educazione", "formazione", "borse di studio", "education", "training"],
  TEMPO_LIBERO: ["tempo libero", "sport", "palestra", "leisure", "gym"],
  MOBILITA: ["mobilità", "trasporto", "navetta", "bus", "transport", "shuttle"],
  ALTRO: ["altro", "buoni spesa", "other services", "vouchers"],
};

describe("search vocabulary", () => {
  for (const [category, words] of Object.entries(examples)) {
    it(`finds ${category} from its everyday and English words`, () => {
      for (const word of words) expect(categoriesOf(word), word).toContain(category);
    });
  }

  it("keeps the other words as typed, and takes the longest term first", () => {
    expect(expandSearchText("Navetta per Imola", vocabulary)).toEqual({
      rest: "per imola",
      alternatives: [{ words: "navetta", categories: ["MOBILITA"] }],
    });
    expect(categoriesOf("navetta casa-lavoro")).toEqual(["MOBILITA", "MOBILITA"]);
    expect(expandSearchText("officina meccanica", vocabulary)).toEqual({
      rest: "officina meccanica",
      alternatives: [],
    });
  });

  it("leaves websearch syntax (quotes, or, a minus) exactly as typed", () => {
    for (const text of ['"asilo nido"', "asilo or palestra", "asilo -nido"]) {
      expect(expandSearchText(text, vocabulary)).toEqual({ rest: text, alternatives: [] });
    }
  });

  it("names each category with one word the Italian parser keeps whole", () => {
    expect(categorySearchWord("TEMPO_LIBERO")).toBe("categoriatempolibero");
    expect(categorySearchWord("MINORI")).toBe("categoriaminori");
  });

  it("rejects a file with an unknown category", () => {
    expect(() => parseSearchVocabulary({ categories: { giardinaggio: ["fiori"] } })).toThrow();
  });
});
