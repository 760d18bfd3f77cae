import type { OpenDataMeasure, OpenDataOrganization } from "../../data/monitoring/openDataRepository.js";
import { beneficiaries, categories, sizeClasses } from "../../domain/vocabulary.js";
import { needsVerification } from "../../domain/verification.js";
import { outcomeSlug } from "../../domain/vocabulary.js";

/** A measure from the open data query, or a Prisma row (dates as Date). */
type Measure = Omit<OpenDataMeasure, "startsOn" | "endsOn" | "updatedAt"> & {
  startsOn: Date | string | null;
  endsOn: Date | string | null;
};

const day = (d: Date | string | null) => (d === null ? null : typeof d === "string" ? d : d.toISOString().slice(0, 10));
const stage = { ACTIVE: "attiva", PLANNED: "in-progettazione", ENDED: "conclusa" } as const;

/** A published measure as the API and the JSON downloads show it (codes are the URL words). */
export function publicMeasureDto(m: Measure) {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    category: categories.slug(m.category),
    status: stage[m.status],
    beneficiaries: m.beneficiaries.map((b) => beneficiaries.slug(b)),
    openToCitizens: m.openToCitizens,
    areaServed: m.areaServed,
    accessConditions: m.accessConditions,
    costToCitizens: m.costToCitizens,
    capacity: m.capacity,
    startsOn: day(m.startsOn),
    endsOn: day(m.endsOn),
    partners: m.partners,
    classification: m.currentOutcome ? outcomeSlug(m.currentOutcome) : null,
  };
}

/** A registered organization's approved public data; nothing about its representatives. */
export function publicOrganizationDto(o: OpenDataOrganization, baseUrl: string) {
  return {
    slug: o.slug,
    url: `${baseUrl}/registro/${o.slug}`,
    registryNumber: o.registryNumber,
    name: o.name,
    legalForm: o.legalForm,
    vatNumber: o.vatNumber,
    atecoSection: o.atecoSectionCode,
    sizeClass: o.sizeClass ? sizeClasses.slug(o.sizeClass) : null,
    address: o.address,
    comune: o.comuneCode ? { istatCode: o.comuneCode, name: o.comune?.name ?? "", cap: o.comune?.cap ?? "" } : null,
    lat: o.lat,
    lon: o.lon,
    website: o.website,
    email: o.contactEmail,
    phone: o.phone,
    description: o.description,
    welfareStage: o.welfareStage === "PLANNING" ? "in-progettazione" : "attiva",
    registeredAt: o.registeredAt?.toISOString() ?? null,
    lastVerifiedAt: o.lastVerifiedAt?.toISOString() ?? null,
    needsVerification: needsVerification(o.lastVerifiedAt),
    demo: o.isDemo,
    updatedAt: o.updatedAt.toISOString(),
    measures: o.measures.map(publicMeasureDto),
  };
}

export type PublicOrganizationDto = ReturnType<typeof publicOrganizationDto>;
