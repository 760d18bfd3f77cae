import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.js";

type Catalogue = { [key: string]: string | Catalogue };

// The JSON files stay in src/ (the compiler does not copy them to dist/): read them there in both cases.
const localesDir = path.join(projectRoot, "src", "locales");

/**
 * A language's texts are split by area (src/locales/<lang>/<area>.json) so
 * that each area's file stays short; every file's top-level keys are its own.
 */
export function loadCatalogue(lang: string): Catalogue {
  const dir = path.join(localesDir, lang);
  const catalogue: Catalogue = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const part = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Catalogue;
    for (const [key, value] of Object.entries(part)) {
      if (key in catalogue) throw new Error(`Duplicate i18n key "${key}" in ${lang}/${file}`);
      catalogue[key] = value;
    }
  }
  return catalogue;
}
