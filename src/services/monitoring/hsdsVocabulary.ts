import type { OpenDataMeasure } from "../../data/monitoring/openDataRepository.js";
import { beneficiaries, categories, outcomeSlugs } from "../../domain/vocabulary.js";
import type { ClassificationOutcome } from "../../generated/prisma/enums.js";
import type { Translate } from "../../locales/i18n.js";
import { stableUuid } from "./stableUuid.js";

// The register's vocabularies as HSDS 3.0 taxonomies. Each attribute names its term
// by taxonomy_term_id; the terms, each with its taxonomy (taxonomy_detail), are
// published once in their own file (hsds-tassonomie.json). Embedding the term in
// every attribute made hsds.json three times larger (1.5 GB at 100,000
// organizations). Terms are built once, in Italian (the register's language).

type TaxonomyKey = "category" | "beneficiaries" | "openToCitizens" | "classification";

/**
 * attribute.link_type says what the term describes. HSDS 3.0 leaves it an open
 * codelist whose description gives "the service eligibility or intended
 * audience" as examples: beneficiaries are the audience, being open to citizens
 * is who may use the measure (eligibility).
 */
const LINK_TYPE: Record<TaxonomyKey, string> = {
  category: "category",
  beneficiaries: "audience",
  openToCitizens: "eligibility",
  classification: "classification",
};

/** The codes of the two terms of "openToCitizens", in the words of the site's URLs. */
const OPENNESS = { open: "aperta-ai-cittadini", notOpen: "non-aperta-ai-cittadini" } as const;

type Term = ReturnType<typeof termOf>;

function termOf(key: TaxonomyKey, code: string, name: string, description: string, t: Translate) {
  const taxonomyId = stableUuid(`taxonomy:${key}`);
  return {
    id: stableUuid(`taxonomy-term:${key}:${code}`),
    code,
    name,
    description,
    taxonomy_id: taxonomyId,
    language: "it",
    taxonomy_detail: {
      id: taxonomyId,
      name: t(`openData.hsds.taxonomies.${key}.name`),
      description: t(`openData.hsds.taxonomies.${key}.description`),
    },
  };
}

function terms<Code extends string>(codes: readonly Code[], term: (code: Code) => Term): Map<Code, Term> {
  return new Map(codes.map((code) => [code, term(code)]));
}

export function createHsdsVocabulary(t: Translate) {
  const category = terms(categories.slugs.map(categories.code), (code) => {
    const name = t(`categories.${code}`);
    return termOf("category", categories.slug(code), name, t("openData.hsds.terms.category", { name }), t);
  });
  const beneficiary = terms(beneficiaries.slugs.map(beneficiaries.code), (code) => {
    const name = t(`beneficiaryCodes.${code}`);
    return termOf("beneficiaries", beneficiaries.slug(code), name, t("openData.hsds.terms.beneficiary", { name }), t);
  });
  const openness = terms(["open", "notOpen"] as const, (key) =>
    termOf(
      "openToCitizens",
      OPENNESS[key],
      t(`openData.hsds.terms.${key}.name`),
      t(`openData.hsds.terms.${key}.description`),
      t,
    ),
  );
  const outcomes = Object.keys(outcomeSlugs) as ClassificationOutcome[];
  const classification = terms(outcomes, (code) =>
    termOf(
      "classification",
      outcomeSlugs[code],
      t(`outcomes.${code}`),
      t(`organization.outcomeExplanation.${code}`),
      t,
    ),
  );

  // Who a measure is for, in words: a handful of combinations, each written once.
  const listFormat = new Intl.ListFormat("it", { type: "conjunction" });
  const eligibilities = new Map<string, string | undefined>();
  function eligibility(m: Pick<OpenDataMeasure, "beneficiaries" | "openToCitizens">): string | undefined {
    const key = `${m.beneficiaries.join()}|${m.openToCitizens}`;
    if (!eligibilities.has(key)) {
      const parts = [];
      if (m.beneficiaries.length > 0) {
        const list = listFormat.format(m.beneficiaries.map((b) => beneficiary.get(b)!.name));
        parts.push(t("openData.hsds.eligibility", { list }));
      }
      if (m.openToCitizens) parts.push(t("openData.hsds.openToCitizens"));
      eligibilities.set(key, parts.length > 0 ? parts.join(" ") : undefined);
    }
    return eligibilities.get(key);
  }

  const attribute = (key: TaxonomyKey, term: Term, linkId: string) => ({
    id: stableUuid(`attribute:${linkId}:${term.id}`),
    link_id: linkId,
    link_type: LINK_TYPE[key],
    link_entity: "service",
    taxonomy_term_id: term.id,
  });

  return {
    /** HSDS eligibility_description, made from the beneficiaries and the opening to citizens. */
    eligibility,

    /** The attributes of the service `serviceId`: category, beneficiaries, openness, classification. */
    attributes(m: OpenDataMeasure, serviceId: string) {
      const list = [
        attribute("category", category.get(m.category)!, serviceId),
        ...m.beneficiaries.map((b) => attribute("beneficiaries", beneficiary.get(b)!, serviceId)),
        attribute("openToCitizens", openness.get(m.openToCitizens ? "open" : "notOpen")!, serviceId),
      ];
      if (m.currentOutcome) list.push(attribute("classification", classification.get(m.currentOutcome)!, serviceId));
      return list;
    },

    /** Every term the attributes name, with its taxonomy: the file hsds-tassonomie.json. */
    taxonomyTerms(): Term[] {
      return [category, beneficiary, openness, classification].flatMap((map) => [...map.values()]);
    },
  };
}

export type HsdsVocabulary = ReturnType<typeof createHsdsVocabulary>;
