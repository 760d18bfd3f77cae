import type { RegistrySearch } from "../../domain/registrySearch.js";
import { relatedCategories } from "../../domain/relatedCategories.js";
import { expandSearchText } from "../../domain/searchVocabulary.js";
import { categories } from "../../domain/vocabulary.js";
import { searchVocabulary } from "../../data/registry/searchVocabularyFile.js";
import type { MeasureCategory } from "../../generated/prisma/enums.js";

/** One way to find something after a search found nothing: a link and what it changes. */
export type Suggestion =
  | { kind: "remove"; param: string; value: string; href: string }
  | { kind: "radius"; km: number; href: string }
  | { kind: "category"; category: MeasureCategory; href: string };

/** Filters a visitor can drop, in the order they are offered. */
const REMOVABLE = [
  "q",
  "categoria",
  "comune",
  "aperte",
  "beneficiari",
  "dimensione",
  "ateco",
  "stato",
  "classificazione",
  "patto",
];
const RADII = [5, 10, 15, 25, 50, 100];

/**
 * What to try when a search found nothing: each active filter dropped on its
 * own, a wider radius, and categories related to the one asked for (chosen,
 * or meant by the words typed). Links keep everything else of the search.
 */
export function searchSuggestions(path: string, currentUrl: string, search: RegistrySearch): Suggestion[] {
  const current = new URL(currentUrl, "http://x").searchParams;
  current.delete("pagina");
  current.delete("lang");
  const href = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(current);
    change(next);
    const query = next.toString();
    return query ? `${path}?${query}` : path;
  };
  const out: Suggestion[] = [];
  for (const param of REMOVABLE) {
    for (const value of current.getAll(param).filter(Boolean)) {
      out.push({ kind: "remove", param, value, href: href((p) => p.delete(param, value)) });
    }
  }
  const wider = RADII.find((km) => km > search.radiusKm);
  if (search.origin && wider)
    out.push({ kind: "radius", km: wider, href: href((p) => p.set("raggio", String(wider))) });
  // The categories the words typed stand for come first, then those related to what was asked.
  const typed = search.text
    ? expandSearchText(search.text, searchVocabulary()).alternatives.flatMap((a) => a.categories)
    : [];
  const related = [...new Set([...typed, ...[...search.categories, ...typed].flatMap((c) => relatedCategories[c])])];
  for (const category of related.filter((c) => !search.categories.includes(c)).slice(0, 3)) {
    out.push({
      kind: "category",
      category,
      href: href((p) => {
        p.delete("q");
        p.delete("categoria");
        p.set("categoria", categories.slug(category));
      }),
    });
  }
  return out;
}
