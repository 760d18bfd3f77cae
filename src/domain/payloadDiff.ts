import type { ApplicationPayload, MeasureDraft, OrganizationDraft } from "./applicationPayload.js";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface MeasureChange {
  key: string;
  /** The published measure it revises or removes (none for an added one). */
  measureId?: number | undefined;
  title: string;
  change: "added" | "removed" | "changed" | "unchanged";
  fields: FieldChange[];
  /** A field its classification was based on changed (CLASSIFICATION_BASIS). */
  basisChanged: boolean;
}

export interface PayloadDiff {
  organization: FieldChange[];
  measures: MeasureChange[];
}

const organizationFields: (keyof OrganizationDraft)[] = [
  "name",
  "legalForm",
  "vatNumber",
  "taxCode",
  "atecoSectionCode",
  "employees",
  "address",
  "comuneCode",
  "lat",
  "lon",
  "positionPrecision",
  "website",
  "contactEmail",
  "phone",
  "description",
  "welfareStage",
];
/**
 * What a classification is based on: when an approved revision changes one of
 * these, the measure's classification no longer holds and it is re-examined
 * (publicationRepository.ts). Title, description, capacity and dates do not
 * change what the measure is for citizens.
 */
export const CLASSIFICATION_BASIS = [
  "category",
  "status",
  "beneficiaries",
  "openToCitizens",
  "areaServed",
  "accessConditions",
  "costToCitizens",
  "partners",
] as const satisfies (keyof MeasureDraft)[];
const measureFields: (keyof MeasureDraft)[] = [
  "title",
  "description",
  ...CLASSIFICATION_BASIS,
  "capacity",
  "startsOn",
  "endsOn",
  "pilot",
  "pilotOutcome",
  "pilotLessons",
];

/** Whether `after` differs from `before` in what a classification is based on. */
export function classificationBasisChanged(
  before: Partial<Record<(typeof CLASSIFICATION_BASIS)[number], unknown>>,
  after: Partial<Record<(typeof CLASSIFICATION_BASIS)[number], unknown>>,
): boolean {
  return CLASSIFICATION_BASIS.some((f) => !same(before[f], after[f]));
}

// Absent, null and "" all mean "not given"; arrays compare as sets.
const normal = (v: unknown) =>
  v === undefined || v === null || v === ""
    ? null
    : Array.isArray(v)
      ? [...(v as unknown[])].map(String).sort().join(",")
      : v;
const same = (a: unknown, b: unknown) => normal(a) === normal(b);

function compare<T extends object>(before: T, after: T, fields: (keyof T)[]): FieldChange[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({ field: String(f), before: before[f], after: after[f] }));
}

/**
 * What a revision changes against the approved version, field by field.
 * Measures are matched by the published measure they revise (measureId).
 */
export function diffPayload(published: ApplicationPayload, revised: ApplicationPayload): PayloadDiff {
  const byId = new Map(published.measures.flatMap((m) => (m.measureId ? [[m.measureId, m] as const] : [])));
  const measures: MeasureChange[] = revised.measures.map((m) => {
    const old = m.measureId ? byId.get(m.measureId) : undefined;
    if (!old)
      return {
        key: m.key,
        title: m.title ?? "",
        change: "added",
        fields: compare({} as MeasureDraft, m, measureFields),
        basisChanged: false,
      };
    const fields = compare(old, m, measureFields);
    return {
      key: m.key,
      measureId: m.measureId,
      title: m.title ?? old.title ?? "",
      change: fields.length ? "changed" : "unchanged",
      fields,
      basisChanged: classificationBasisChanged(old, m),
    };
  });
  const kept = new Set(revised.measures.map((m) => m.measureId));
  for (const old of published.measures) {
    if (!kept.has(old.measureId))
      measures.push({
        key: old.key,
        measureId: old.measureId,
        title: old.title ?? "",
        change: "removed",
        fields: compare(old, {} as MeasureDraft, measureFields),
        basisChanged: false,
      });
  }
  return { organization: compare(published.organization, revised.organization, organizationFields), measures };
}

/** A measure as one save changed it: its fields, or its title when it was removed. */
export interface DraftMeasureChange {
  key: string;
  change: "added" | "changed" | "removed";
  fields?: FieldChange[];
  title?: string;
}

/**
 * What one save changed in the working copy, field by field (measures matched
 * by their key): the activity log keeps this, not a copy of the whole payload
 * at every save.
 */
export function draftChanges(before: ApplicationPayload, after: ApplicationPayload) {
  const old = new Map(before.measures.map((m) => [m.key, m]));
  const kept = new Set(after.measures.map((m) => m.key));
  const measures: DraftMeasureChange[] = after.measures.flatMap((m) => {
    const previous = old.get(m.key);
    const fields = compare(previous ?? ({} as MeasureDraft), m, measureFields);
    return fields.length ? [{ key: m.key, change: previous ? ("changed" as const) : ("added" as const), fields }] : [];
  });
  for (const m of before.measures)
    if (!kept.has(m.key)) measures.push({ key: m.key, change: "removed", title: m.title ?? "" });
  return { organization: compare(before.organization, after.organization, organizationFields), measures };
}
