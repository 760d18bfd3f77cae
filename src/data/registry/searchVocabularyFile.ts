import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSearchVocabulary, type SearchVocabulary } from "../../domain/searchVocabulary.js";
import { projectRoot } from "../../paths.js";

export const SEARCH_VOCABULARY_PATH = path.join(projectRoot, "content", "search-vocabulary.json");

let loaded: SearchVocabulary | undefined;

/** The staff-editable search vocabulary, read once (a bad file stops the first search loudly). */
export function searchVocabulary(): SearchVocabulary {
  loaded ??= parseSearchVocabulary(JSON.parse(readFileSync(SEARCH_VOCABULARY_PATH, "utf8")));
  return loaded;
}
