import { z } from "zod";
import type { MeasureCategory } from "../generated/prisma/enums.js";
import { categories } from "./vocabulary.js";

/**
 * The words people type for a category of measures ("bimbi", "badante",
 * "elderly"), from content/search-vocabulary.json. A search word found here
 * also matches the category's lexeme, which the search index gives every
 * organization with a public measure of that category.
 */
export interface SearchVocabulary {
  /** Normalized term (words joined by one space) -> its categories. */
  terms: ReadonlyMap<string, readonly MeasureCategory[]>;
  /** The most words in one term: how far ahead a match is tried. */
  longest: number;
}

const fileSchema = z.object({
  about: z.string().optional(),
  categories: z.record(z.enum(categories.slugs), z.array(z.string().min(1))),
});

/** Lower case, no accents, words split at spaces, hyphens and apostrophes. */
export function normalizedWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[\s\-'’.,;:!?()]+/u)
    .filter(Boolean);
}

export function parseSearchVocabulary(json: unknown): SearchVocabulary {
  const file = fileSchema.parse(json);
  const terms = new Map<string, MeasureCategory[]>();
  let longest = 1;
  for (const [slug, words] of Object.entries(file.categories)) {
    for (const word of words) {
      const parts = normalizedWords(word);
      if (parts.length === 0) continue;
      const key = parts.join(" ");
      longest = Math.max(longest, parts.length);
      const list = terms.get(key) ?? [];
      const code = categories.code(slug);
      if (!list.includes(code)) list.push(code);
      terms.set(key, list);
    }
  }
  return { terms, longest };
}

/**
 * The made-up word that stands for a category in the indexed text of an
 * organization ("categoriaminori"): no text contains it, and it goes through
 * the same Italian parser and stemmer as every other word, so the index and
 * the query agree. refreshSearchData writes it in SQL the same way.
 */
export function categorySearchWord(category: MeasureCategory): string {
  return `categoria${category.toLowerCase().replace(/_/g, "")}`;
}

export interface ExpandedText {
  /** Words not in the vocabulary, searched as before. */
  rest: string;
  /** Each vocabulary term found: its own words, or any of its categories. */
  alternatives: { words: string; categories: readonly MeasureCategory[] }[];
}

/**
 * Splits a search into vocabulary terms (longest first) and the other words.
 * Searches using websearch syntax (quotes, "or", a leading "-") are left as
 * typed: whoever writes them means exactly those words.
 */
export function expandSearchText(text: string, vocabulary: SearchVocabulary): ExpandedText {
  if (/["]|(^|\s)-|(^|\s)or(\s|$)/iu.test(text)) return { rest: text, alternatives: [] };
  const words = normalizedWords(text);
  const rest: string[] = [];
  const alternatives: ExpandedText["alternatives"] = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(vocabulary.longest, words.length - i); n > 0 && !matched; n--) {
      const phrase = words.slice(i, i + n).join(" ");
      const found = vocabulary.terms.get(phrase);
      if (found) {
        alternatives.push({ words: phrase, categories: found });
        matched = n;
      }
    }
    if (!matched) rest.push(words[i]!);
    i += matched || 1;
  }
  return alternatives.length ? { rest: rest.join(" "), alternatives } : { rest: text, alternatives };
}
