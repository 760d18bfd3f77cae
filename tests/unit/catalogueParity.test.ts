import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/locales/loadCatalogue.js";

// Every text exists in both languages: a key missing in one of them would show
// the key itself (or the other language) to the users of that language.
type Catalogue = { [key: string]: string | Catalogue };

function leaves(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

const languages = readdirSync(path.resolve("src/locales"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const catalogues = Object.fromEntries(languages.map((lang) => [lang, leaves(loadCatalogue(lang))]));

describe("i18n catalogues", () => {
  it("are Italian and English", () => {
    expect(languages.sort()).toEqual(["en", "it"]);
  });

  it("have the same keys in every language", () => {
    const [it, en] = [catalogues.it!, catalogues.en!];
    expect(
      [...it.keys()].filter((k) => !en.has(k)),
      "in Italian only",
    ).toEqual([]);
    expect(
      [...en.keys()].filter((k) => !it.has(k)),
      "in English only",
    ).toEqual([]);
  });

  it("have no empty text", () => {
    for (const lang of languages) {
      const empty = [...catalogues[lang]!].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty, lang).toEqual([]);
    }
  });
});
