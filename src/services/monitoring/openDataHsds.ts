import type { OpenDataMeasure, OpenDataOrganization } from "../../data/monitoring/openDataRepository.js";
import { publicOrganizationDto, type PublicOrganizationDto } from "../registry/publicOrganizationDto.js";
import type { HsdsVocabulary } from "./hsdsVocabulary.js";
import { stableUuid } from "./stableUuid.js";

// One registered organization as an Open Referral HSDS 3.0 "compiled" organization:
// its identifiers, phone, seat (location with address), and its measures as services.
// Values the register does not have are left undefined, which JSON.stringify omits:
// HSDS types them as strings or numbers, never null.

/**
 * service.status, from HSDS 3.0's enumeration (active, inactive, defunct,
 * temporarily closed). Only an ACTIVE measure can be used today. A PLANNED one
 * ("in progettazione") has not started: "inactive", not running now but not
 * closed for good. An ENDED one ("conclusa") will not resume: "defunct". The
 * register has no pause, so "temporarily closed" is never written.
 */
const SERVICE_STATUS = { ACTIVE: "active", PLANNED: "inactive", ENDED: "defunct" } as const;

/** Org-id.guide's scheme for the Italian Codice Fiscale / Partita IVA (org-id/register, lists/it/it-cf.json). */
const VAT_SCHEME = "IT-CF";

export function hsdsOrganization(org: OpenDataOrganization, baseUrl: string, vocabulary: HsdsVocabulary) {
  const o = publicOrganizationDto(org, baseUrl);
  const id = stableUuid(`organization:${org.id}`);
  const location = seat(org.id, o, id);
  return {
    id,
    name: o.name,
    description: o.description,
    email: o.email ?? undefined,
    website: o.website ?? undefined,
    legal_status: o.legalForm || undefined,
    // HSDS: "a persistent identifier to uniquely identify the organization"; the register's page is one.
    uri: o.url,
    organization_identifiers: identifiers(org.id, o, id),
    phones: o.phone ? [{ id: stableUuid(`phone:${org.id}`), organization_id: id, number: o.phone }] : [],
    locations: location ? [location] : [],
    services: org.measures.map((m) => service(m, o.url, id, location?.id, vocabulary)),
  };
}

/** The Partita IVA and the register's own number (no org-id.guide scheme: it is on no list). */
function identifiers(orgId: number, o: PublicOrganizationDto, organizationId: string) {
  const list = [];
  if (o.vatNumber)
    list.push({
      id: stableUuid(`identifier:vat:${orgId}`),
      organization_id: organizationId,
      identifier_scheme: VAT_SCHEME,
      identifier_type: "Partita IVA",
      identifier: o.vatNumber,
    });
  if (o.registryNumber)
    list.push({
      id: stableUuid(`identifier:${orgId}`),
      organization_id: organizationId,
      identifier_type: "Numero di iscrizione al Registro del welfare aziendale della Città metropolitana di Bologna",
      identifier: o.registryNumber,
    });
  return list;
}

/**
 * The organization's seat, the one place the register knows: with its address
 * when both the street and the comune are given (HSDS requires both), with its
 * position when known; none when the register has neither.
 */
function seat(orgId: number, o: PublicOrganizationDto, organizationId: string) {
  const hasAddress = o.address.trim() !== "" && o.comune !== null;
  const hasPosition = o.lat !== null && o.lon !== null;
  if (!hasAddress && !hasPosition) return undefined;
  const id = stableUuid(`location:${orgId}`);
  return {
    id,
    organization_id: organizationId,
    location_type: "physical",
    name: o.name,
    latitude: o.lat ?? undefined,
    longitude: o.lon ?? undefined,
    addresses:
      hasAddress && o.comune
        ? [
            {
              id: stableUuid(`address:${orgId}`),
              location_id: id,
              address_1: o.address,
              city: o.comune.name,
              region: "Emilia-Romagna",
              // Every comune of the register is in the Città metropolitana di Bologna.
              state_province: "BO",
              postal_code: o.comune.cap,
              country: "IT",
              address_type: "physical",
            },
          ]
        : [],
  };
}

function service(
  m: OpenDataMeasure,
  url: string,
  organizationId: string,
  locationId: string | undefined,
  vocabulary: HsdsVocabulary,
) {
  const id = stableUuid(`service:${m.id}`);
  return {
    id,
    organization_id: organizationId,
    name: m.title,
    description: m.description,
    url,
    status: SERVICE_STATUS[m.status],
    eligibility_description: vocabulary.eligibility(m),
    // The register's "condizioni di accesso": whom to contact, requirements, hours.
    application_process: m.accessConditions || undefined,
    fees_description: m.costToCitizens || undefined,
    last_modified: m.updatedAt,
    service_areas: m.areaServed ? [{ id: stableUuid(`area:${m.id}`), service_id: id, name: m.areaServed }] : [],
    // Every measure is offered at (or from) the organization's seat.
    service_at_locations: locationId
      ? [{ id: stableUuid(`service-at-location:${m.id}`), service_id: id, location_id: locationId }]
      : [],
    attributes: vocabulary.attributes(m, id),
  };
}
