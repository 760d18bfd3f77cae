import type { Comune, Prisma } from "../../generated/prisma/client.js";
import type { ApplicationStatus, MeasureStatus, RegistryStatus } from "../../generated/prisma/enums.js";
import { applicationPayloadSchema, type ApplicationPayload } from "../../domain/applicationPayload.js";
import { sizeClassFor } from "../../domain/sizeClass.js";
import { vatCheckDigit } from "../../domain/vatNumber.js";
import { classify, type ClassificationDraft } from "./demoClassification.js";
import { demoMeasures, type DemoMeasureKey, type MeasureTemplate } from "./demoMeasures.js";
import type { DemoOrganization } from "./demoOrganizations.js";
import { jitter, Prng } from "./prng.js";

export const DEMO_MARK = "Dati dimostrativi: organizzazione fittizia.";

export type MeasureDraft = Omit<Prisma.MeasureCreateManyInput, "organizationId" | "networkId">;

export interface ApplicationDraft {
  kind: "INITIAL" | "REVISION";
  status: ApplicationStatus;
  /** null: the organization's published version plus a change, made when written. */
  payload: ApplicationPayload | null;
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  events: { type: "SUBMITTED" | "APPROVED"; actor: "company" | "reviewer"; comment: string | null; createdAt: Date }[];
}

export interface PlannedOrganization {
  data: Prisma.OrganizationUncheckedCreateInput;
  measures: { data: MeasureDraft; classifications: ClassificationDraft[] }[];
  applications: ApplicationDraft[];
}

export interface PlanInput extends DemoOrganization {
  registryStatus: RegistryStatus;
  registeredAt: Date | null;
  lastVerifiedAt: Date | null;
  registryNumber: string | null;
}

const DAY = 86_400_000;
export const at = (iso: string): Date => new Date(`${iso}T09:30:00Z`);
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY);
const isoDate = (date: Date | null | undefined): string | null => date?.toISOString().slice(0, 10) ?? null;

const LEGAL_SUFFIX =
  /\s+(S\.r\.l\.|S\.p\.A\.|S\.n\.c\.|S\.s\.|Soc\. coop\.(?: sociale| agricola)?|A\.S\.D\.|APS|ETS|Società Benefit|Società Agricola|Impresa Sociale)$/;

/** The name without its legal form(s): "Radio Onde Lunghe S.r.l. Società Benefit" → "Radio Onde Lunghe". */
export function withoutLegalForm(name: string): string {
  let rest = name;
  while (LEGAL_SUFFIX.test(rest)) rest = rest.replace(LEGAL_SUFFIX, "");
  return rest;
}

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A valid-format Partita IVA from a taxpayer number, on the Bologna office code (037). */
export function demoVatNumber(taxpayer: number): string {
  const first10 = `${String(taxpayer).padStart(7, "0")}037`;
  return first10 + String(vatCheckDigit(first10));
}

/** Builds an organization with its measures; `index` makes the P.IVA and the jitter. */
export function planOrganization(input: PlanInput, index: number, comune: Comune, rng: Prng): PlannedOrganization {
  const slug = slugify(withoutLegalForm(input.name));
  const point = jitter(rng, comune.lat, comune.lon, Math.min(2.5, Math.sqrt(comune.areaKm2 / Math.PI) / 3));
  const vatNumber = demoVatNumber(990_000 + index + 1);
  const since = input.registeredAt ?? at("2026-11-01");
  const data: Prisma.OrganizationUncheckedCreateInput = {
    slug,
    vatNumber,
    taxCode: vatNumber,
    isDemo: true,
    registryStatus: input.registryStatus,
    registryNumber: input.registryNumber,
    registeredAt: input.registeredAt,
    lastVerifiedAt: input.lastVerifiedAt,
    name: input.name,
    legalForm: input.legalForm,
    atecoSectionCode: input.ateco,
    employees: input.employees,
    sizeClass: sizeClassFor(input.employees),
    address: input.address,
    comuneCode: comune.istatCode,
    lat: point.lat,
    lon: point.lon,
    website: `https://${slug}.example.org`,
    contactEmail: `welfare@${slug}.example.org`,
    description: `${input.about} ${DEMO_MARK}`,
    welfareStage: input.measures.every((m) => m.endsWith(":PLANNED")) ? "PLANNING" : "ACTIVE",
    createdAt: addDays(since, -30),
  };
  const measures = input.measures.map((spec) => {
    const [key, status = "ACTIVE"] = spec.split(":") as [DemoMeasureKey, MeasureStatus?];
    const measure = planMeasure(key, status, comune.name, since, rng);
    return { data: measure, classifications: input.registeredAt ? classify(measure, input.registeredAt, rng) : [] };
  });
  return { data, measures, applications: [] };
}

function planMeasure(
  key: DemoMeasureKey,
  status: MeasureStatus,
  comuneName: string,
  since: Date,
  rng: Prng,
): MeasureDraft {
  const t = demoMeasures[key];
  const fill = (text: string | undefined) => (text ?? "").replaceAll("{comune}", comuneName);
  const started = addDays(since, -rng.int(30, 1500));
  return {
    title: t.title,
    description: fill(t.description),
    category: t.category,
    status,
    beneficiaries: t.beneficiaries,
    openToCitizens: t.openToCitizens,
    areaServed: fill(t.areaServed),
    accessConditions: fill(t.accessConditions),
    costToCitizens: fill(t.costToCitizens),
    partners: fill(t.partners),
    capacity: t.capacity ?? null,
    startsOn: status === "PLANNED" ? (rng.chance(0.6) ? at(`2027-0${rng.int(1, 9)}-01`) : null) : started,
    endsOn: status === "ENDED" ? at(`202${rng.int(4, 5)}-${String(rng.int(1, 12)).padStart(2, "0")}-28`) : null,
    createdAt: since,
    ...(t.pilot && pilotOf(t.pilot, since)),
  };
}

/** A pilot's dates (its end the outcome's moment, when it has one), outcome and lessons. */
function pilotOf(pilot: NonNullable<MeasureTemplate["pilot"]>, since: Date) {
  const startsOn = addDays(since, pilot.outcome ? -pilot.days - 30 : -30);
  return {
    pilot: true,
    startsOn,
    endsOn: addDays(startsOn, pilot.days),
    pilotOutcome: pilot.outcome ?? null,
    pilotLessons: pilot.lessons ?? "",
  };
}

/** What the company wrote in its application, checked against the application schema. */
export function payloadOf(plan: PlannedOrganization): ApplicationPayload {
  const o = plan.data;
  const opt = <T>(v: T | null | undefined): T | undefined => v ?? undefined;
  return applicationPayloadSchema.parse({
    organization: {
      name: o.name,
      legalForm: o.legalForm,
      vatNumber: opt(o.vatNumber),
      taxCode: opt(o.taxCode),
      atecoSectionCode: opt(o.atecoSectionCode),
      employees: opt(o.employees),
      address: o.address,
      comuneCode: opt(o.comuneCode),
      lat: opt(o.lat),
      lon: opt(o.lon),
      website: opt(o.website),
      contactEmail: opt(o.contactEmail),
      phone: opt(o.phone),
      description: o.description,
      welfareStage: o.welfareStage,
    },
    measures: plan.measures.map(({ data: m }, k) => ({
      key: `nuova-${k + 1}`,
      title: m.title,
      description: m.description,
      category: m.category,
      status: m.status,
      beneficiaries: m.beneficiaries,
      openToCitizens: m.openToCitizens,
      areaServed: m.areaServed,
      accessConditions: m.accessConditions,
      costToCitizens: m.costToCitizens,
      capacity: opt(m.capacity),
      startsOn: opt(isoDate(m.startsOn as Date | null)),
      endsOn: opt(isoDate(m.endsOn as Date | null)),
      partners: m.partners,
      pilot: m.pilot,
      pilotOutcome: opt(m.pilotOutcome),
      pilotLessons: m.pilotLessons,
    })),
  });
}

/** The approved initial application behind a registered organization. */
export function approvedApplication(plan: PlannedOrganization, registeredAt: Date, rng: Prng): ApplicationDraft {
  const submittedAt = addDays(registeredAt, -rng.int(5, 40));
  return {
    kind: "INITIAL",
    status: "APPROVED",
    payload: payloadOf(plan),
    createdAt: addDays(submittedAt, -rng.int(1, 20)),
    submittedAt,
    decidedAt: registeredAt,
    events: [
      { type: "SUBMITTED", actor: "company", comment: null, createdAt: submittedAt },
      {
        type: "APPROVED",
        actor: "reviewer",
        comment: "Requisiti verificati; iscrizione approvata.",
        createdAt: registeredAt,
      },
    ],
  };
}
