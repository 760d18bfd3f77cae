import type { Beneficiary, MeasureCategory, MeasureStatus, SizeClass } from "../generated/prisma/enums.js";

/**
 * The Italian words used in URLs (a public contract: shared links must keep
 * working) and the enum values stored in the database.
 */
function vocabulary<Slug extends string, Code extends string>(pairs: Record<Slug, Code>) {
  const slugs = Object.keys(pairs) as [Slug, ...Slug[]];
  const bySlug = new Map(Object.entries(pairs) as [Slug, Code][]);
  const byCode = new Map([...bySlug].map(([slug, code]) => [code, slug]));
  return {
    slugs,
    code: (slug: Slug) => bySlug.get(slug) as Code,
    slug: (code: Code) => byCode.get(code) as Slug,
  };
}

export const categories = vocabulary<string, MeasureCategory>({
  conciliazione: "CONCILIAZIONE",
  minori: "MINORI",
  anziani: "ANZIANI",
  salute: "SALUTE",
  educazione: "EDUCAZIONE",
  "tempo-libero": "TEMPO_LIBERO",
  mobilita: "MOBILITA",
  altro: "ALTRO",
});

export const beneficiaries = vocabulary<string, Beneficiary>({
  dipendenti: "EMPLOYEES",
  familiari: "FAMILIES",
  cittadini: "CITIZENS",
});

export const sizeClasses = vocabulary<string, SizeClass>({
  micro: "MICRO",
  piccola: "SMALL",
  media: "MEDIUM",
  grande: "LARGE",
});

/** Only active and planned measures can be searched for; ended ones stay on the page. */
export const searchableStatuses = vocabulary<string, MeasureStatus>({
  attiva: "ACTIVE",
  "in-progettazione": "PLANNED",
});

export const sortOrders = ["rilevanza", "distanza", "nome", "recenti"] as const;
export type SortOrder = (typeof sortOrders)[number];

/**
 * The public names of classification outcomes, the one place they are spelled:
 * search URLs (`classificazione=welfare-territoriale`), open data and the API.
 */
export const outcomeSlugs = {
  TERRITORIAL_WELFARE: "welfare-territoriale",
  COMPANY_BENEFIT: "benefit-aziendale",
  TO_BE_EXAMINED: "da-approfondire",
  /** Set by the register, not by staff: the measure changed after it was classified. */
  UNDER_REVIEW: "da-riesaminare",
} as const;
export const TERRITORIAL_WELFARE = outcomeSlugs.TERRITORIAL_WELFARE;
/**
 * Every kind of record the activity register audits: the type of
 * audit.change() (so a new kind cannot be audited without being listed) and
 * the choices of the staff's activity filter.
 */
export const AUDITED_ENTITIES = [
  "AdviceRequest",
  "Application",
  "Contribution",
  "Event",
  "EventRegistration",
  "ImprovementGoal",
  "Measure",
  "MonitoringReport",
  "Network",
  "NewsItem",
  "Organization",
  "PactSignature",
  "ProblemReport",
  "ProjectPartner",
  "ServiceIntegration",
  "SiteContent",
  "User",
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** The outcomes a reviewer gives (the classification form's choices). */
export const STAFF_OUTCOMES = ["TERRITORIAL_WELFARE", "COMPANY_BENEFIT", "TO_BE_EXAMINED"] as const;
export const UNCLASSIFIED = "non-classificata";

export function outcomeSlug(outcome: string | null): string {
  return outcome !== null && outcome in outcomeSlugs
    ? outcomeSlugs[outcome as keyof typeof outcomeSlugs]
    : UNCLASSIFIED;
}
