import type { Services } from "../../services/index.js";
import { distanceShown } from "../../domain/distanceShown.js";
import { beneficiaries, categories, searchableStatuses, sizeClasses, sortOrders } from "../../domain/vocabulary.js";

/** The choices every search form offers. */
export async function searchFormOptions(services: Services) {
  const { comuni, ateco } = await services.referenceData.load();
  return {
    comuni,
    ateco,
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
