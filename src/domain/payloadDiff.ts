import type { ApplicationPayload, MeasureDraft, OrganizationDraft } from "./applicationPayload.js";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface MeasureChange {
  key: string;
  title: string;
  change: "added" | "removed" | "changed" | "unchanged";
  fields: FieldChange[];
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
const measureFields: (keyof MeasureDraft)[] = [
  "title",
  "description",
  "category",
  "status",
  "beneficiaries",
  "openToCitizens",
  "areaServed",
  "accessConditions",
  "costToCitizens",
  "capacity",
  "startsOn",
  "endsOn",
  "partners",
];

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
      };
    const fields = compare(old, m, measureFields);
    return { key: m.key, title: m.title ?? old.title ?? "", change: fields.length ? "changed" : "unchanged", fields };
  });
  const kept = new Set(revised.measures.map((m) => m.measureId));
  for (const old of published.measures) {
    if (!kept.has(old.measureId))
      measures.push({
        key: old.key,
        title: old.title ?? "",
        change: "removed",
        fields: compare(old, {} as MeasureDraft, measureFields),
      });
  }
  return { organization: compare(published.organization, revised.organization, organizationFields), measures };
}
