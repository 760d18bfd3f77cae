import ejs from "ejs";
import type { Services } from "../../services/index.js";
import { distanceShown } from "../../domain/distanceShown.js";
import { beneficiaries, categories, searchableStatuses, sizeClasses, sortOrders } from "../../domain/vocabulary.js";

/** The `<option>` tags of a select, escaped once per list (and language), keyed by the list itself. */
const optionTags = new WeakMap<object, Map<string, [value: string, plain: string, chosen: string][]>>();

/**
 * The options of a select as HTML, `selected` chosen: the search form lists
 * the 55 comuni twice and the ATECO sections on every search page, and
 * escaping 131 names a request cost more than the page's 20 results. The
 * reference data never changes while the process runs (referenceDataService).
 */
function selectOptions<T extends object>(
  items: readonly T[],
  variant: string,
  value: (item: T) => string,
  label: (item: T) => string,
) {
  let variants = optionTags.get(items);
  if (!variants) optionTags.set(items, (variants = new Map()));
  let tags = variants.get(variant);
  if (!tags) {
    tags = items.map((item) => {
      const [v, text] = [ejs.escapeXML(value(item)), ejs.escapeXML(label(item))];
      return [value(item), `<option value="${v}">${text}</option>`, `<option value="${v}" selected>${text}</option>`];
    });
    variants.set(variant, tags);
  }
  const list = tags;
  return (selected: string) => list.map(([v, plain, chosen]) => (v === selected ? chosen : plain)).join("");
}

/** The choices every search form offers. */
export async function searchFormOptions(services: Services) {
  const { comuni, ateco } = await services.referenceData.load();
  return {
    comuni,
    ateco,
    comuneOptions: selectOptions(
      comuni,
      "",
      (c) => c.istatCode,
      (c) => c.name,
    ),
    atecoOptions: (lang: string, selected: string) =>
      selectOptions(
        ateco,
        lang,
        (s) => s.code,
        (s) => `${s.code} – ${lang === "en" ? s.nameEn : s.nameIt}`,
      )(selected),
    choices: {
      categoria: categories.slugs,
      beneficiari: beneficiaries.slugs,
      dimensione: sizeClasses.slugs,
      stato: searchableStatuses.slugs,
      ordina: sortOrders,
      raggio: [5, 10, 15, 25, 50],
    },
    categoryCode: categories.code,
    distanceShown,
    geocoderAttribution: services.geocoder.attribution,
  };
}
