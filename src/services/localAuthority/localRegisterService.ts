import type { LocalRegisterRepository, LocalScope } from "../../data/localAuthority/localRegisterRepository.js";
import { MeasureCategory } from "../../generated/prisma/enums.js";
import { GAP_CATEGORIES } from "../../domain/localRegister.js";
import { STAFF_EXPORT_BATCH } from "../../domain/staffPaging.js";
import { keysetBatches } from "../shared/keysetBatches.js";

/** A comune of a local authority's territory. */
export interface TerritoryComune {
  istatCode: string;
  name: string;
}

/** One row of the advice figures: a topic, its requests in each comune of the territory and in all. */
export interface AdviceTopicRow {
  topic: MeasureCategory;
  byComune: Record<string, number>;
  total: number;
}

/**
 * What a local authority's area shows about its territory: the public data of
 * its firms and measures, the gaps in what is open to citizens, and how many
 * citizens asked for advice on each topic. Every figure is bounded by the
 * comuni it is given, which the area reads from the account.
 */
export function createLocalRegisterService(register: LocalRegisterRepository) {
  return {
    counts: (comuneCodes: string[]) => register.counts(comuneCodes),
    firms: (scope: LocalScope, page: number) => register.firms(scope, page),
    firmBatches: (scope: LocalScope) =>
      keysetBatches((afterId, take) => register.firmsAfter(scope, afterId, take), STAFF_EXPORT_BATCH),
    measures: (scope: LocalScope, page: number) => register.measures(scope, page),
    measureBatches: (scope: LocalScope) =>
      keysetBatches((afterId, take) => register.measuresAfter(scope, afterId, take), STAFF_EXPORT_BATCH),
    measureChoices: (scope: LocalScope) => register.measureChoices(scope),

    /** Each comune with the categories that have no active measure open to citizens within `radiusKm`. */
    async gaps(comuni: TerritoryComune[], radiusKm: number) {
      const rows = await register.gaps(
        comuni.map((c) => c.istatCode),
        radiusKm,
        GAP_CATEGORIES,
      );
      return comuni.map((c) => ({
        ...c,
        categories: rows.filter((r) => r.comuneCode === c.istatCode).map((r) => r.category),
      }));
    },

    /** Every topic, with its requests per comune (zero included) and in all: counts only. */
    async advice(comuni: TerritoryComune[]): Promise<AdviceTopicRow[]> {
      const rows = await register.adviceByTopic(comuni.map((c) => c.istatCode));
      return Object.values(MeasureCategory).map((topic) => {
        const byComune = Object.fromEntries(comuni.map((c) => [c.istatCode, 0]));
        for (const r of rows) if (r.topic === topic) byComune[r.comuneCode] = r.requests;
        return { topic, byComune, total: Object.values(byComune).reduce((a, b) => a + b, 0) };
      });
    },
  };
}

export type LocalRegisterService = ReturnType<typeof createLocalRegisterService>;
