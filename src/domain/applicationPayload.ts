import { z } from "zod";
import {
  Beneficiary,
  MeasureCategory,
  MeasureStatus,
  PilotOutcome,
  PositionPrecision,
  WelfareStage,
} from "../generated/prisma/enums.js";
import { dateColumn } from "./romeTime.js";

/**
 * What a company writes in its application: the organization's data and its
 * measures, stored as JSON in Application.payload until staff approve it.
 * Drafts may be incomplete, so every field is optional here; `missingItems`
 * says what a submission still lacks.
 */
const optionalString = z.string().optional();

/** The most measures one application may hold (each save and each review reads them all). */
export const MAX_MEASURES = 30;

export const measureDraftSchema = z.object({
  /** Stable within the application: links forms and review comments to the measure. */
  key: z.string().min(1),
  /** The published measure this one revises, when the organization is registered. */
  measureId: z.number().int().positive().optional(),
  title: optionalString,
  description: optionalString,
  category: z.enum(MeasureCategory).optional(),
  status: z.enum(MeasureStatus).optional(),
  beneficiaries: z.array(z.enum(Beneficiary)).default([]),
  openToCitizens: z.boolean().default(false),
  areaServed: optionalString,
  accessConditions: optionalString,
  costToCitizens: optionalString,
  capacity: z.number().int().min(0).optional(),
  /** ISO dates (YYYY-MM-DD). */
  startsOn: optionalString,
  endsOn: optionalString,
  partners: optionalString,
  /** A new device tried between startsOn and endsOn; its outcome and lessons once it is over. */
  pilot: z.boolean().optional(),
  pilotOutcome: z.enum(PilotOutcome).optional(),
  pilotLessons: optionalString,
});

export const organizationDraftSchema = z.object({
  name: optionalString,
  legalForm: optionalString,
  vatNumber: optionalString,
  taxCode: optionalString,
  atecoSectionCode: optionalString,
  employees: z.number().int().min(0).optional(),
  address: optionalString,
  comuneCode: optionalString,
  lat: z.number().optional(),
  lon: z.number().optional(),
  /** EXACT: placed by the company; ADDRESS: found from the address; APPROXIMATE: the comune's centre. */
  positionPrecision: z.enum(PositionPrecision).optional(),
  website: optionalString,
  contactEmail: optionalString,
  phone: optionalString,
  description: optionalString,
  welfareStage: z.enum(WelfareStage).optional(),
});

export const applicationPayloadSchema = z.object({
  organization: organizationDraftSchema.default({}),
  measures: z.array(measureDraftSchema).default([]),
});

export type MeasureDraft = z.infer<typeof measureDraftSchema>;

/** A measure's fields as a company writes them (a draft's, or a network measure's form). */
export type MeasureFields = Omit<MeasureDraft, "key" | "measureId">;

const day = (iso: string | undefined) => (iso ? dateColumn(iso) : null);

/** Those fields as a Measure row stores them; missing texts are empty (call once complete). */
export function measureRow(m: MeasureFields) {
  return {
    title: m.title ?? "",
    description: m.description ?? "",
    category: m.category ?? "ALTRO",
    status: m.status ?? "ACTIVE",
    beneficiaries: m.beneficiaries,
    openToCitizens: m.openToCitizens,
    areaServed: m.areaServed ?? "",
    accessConditions: m.accessConditions ?? "",
    costToCitizens: m.costToCitizens ?? "",
    capacity: m.capacity ?? null,
    startsOn: day(m.startsOn),
    endsOn: day(m.endsOn),
    partners: m.partners ?? "",
    pilot: m.pilot ?? false,
    pilotOutcome: m.pilot ? (m.pilotOutcome ?? null) : null,
    pilotLessons: m.pilot ? (m.pilotLessons ?? "") : "",
  };
}
export type MeasureRow = ReturnType<typeof measureRow>;
export type OrganizationDraft = z.infer<typeof organizationDraftSchema>;
export type ApplicationPayload = z.infer<typeof applicationPayloadSchema>;

/** Reads a stored payload; anything unreadable becomes an empty draft rather than an error. */
export function readPayload(json: unknown): ApplicationPayload {
  const parsed = applicationPayloadSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : { organization: {}, measures: [] };
}

/** The organization's name as an application gives it (without reading the whole payload), else `fallback`. */
export function applicationName(payload: unknown, fallback: string): string {
  const name = (payload as { organization?: { name?: unknown } } | null)?.organization?.name;
  return typeof name === "string" && name !== "" ? name : fallback;
}

const requiredOrganizationFields = [
  "name",
  "legalForm",
  "vatNumber",
  "atecoSectionCode",
  "employees",
  "address",
  "comuneCode",
  "lat",
  "lon",
  "contactEmail",
  "description",
  "welfareStage",
] as const satisfies readonly (keyof OrganizationDraft)[];
const requiredMeasureFields = [
  "title",
  "description",
  "category",
  "status",
] as const satisfies readonly (keyof MeasureDraft)[];

/** A missing item: `field` is "organization.name" or "measures.<key>.title"; "measures" when there is none. */
export interface MissingItem {
  field: string;
  measureKey?: string;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** What a submission still lacks, in form order; empty when complete. */
export function missingItems(payload: ApplicationPayload): MissingItem[] {
  const missing: MissingItem[] = requiredOrganizationFields
    .filter((f) => isBlank(payload.organization[f]))
    .map((f) => ({ field: `organization.${f}` }));
  if (payload.measures.length === 0) missing.push({ field: "measures" });
  for (const m of payload.measures) {
    for (const f of requiredMeasureFields)
      if (isBlank(m[f])) missing.push({ field: `measures.${f}`, measureKey: m.key });
    if (m.beneficiaries.length === 0) missing.push({ field: "measures.beneficiaries", measureKey: m.key });
    if (m.openToCitizens && isBlank(m.accessConditions))
      missing.push({ field: "measures.accessConditions", measureKey: m.key });
    // A pilot is a trial for a while: both dates; once its outcome is given, what was learned.
    if (m.pilot)
      for (const f of ["startsOn", "endsOn"] as const)
        if (isBlank(m[f])) missing.push({ field: `measures.${f}`, measureKey: m.key });
    if (m.pilot && m.pilotOutcome && isBlank(m.pilotLessons))
      missing.push({ field: "measures.pilotLessons", measureKey: m.key });
  }
  return missing;
}
