import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { refreshSearchData } from "../../src/data/registry/searchIndexRepository.js";
import { vatCheckDigit } from "../../src/domain/vatNumber.js";

let sequence = 0;

/** A valid, unique Partita IVA for each call. */
export function nextVatNumber(): string {
  sequence += 1;
  const first10 = String(1_000_000_000 + sequence * 7919 + process.pid).slice(-10);
  return first10 + String(vatCheckDigit(first10));
}

type MeasureOverrides = Partial<Omit<Prisma.MeasureCreateManyInput, "organizationId" | "networkId">>;

export interface OrganizationOverrides extends Partial<Omit<Prisma.OrganizationUncheckedCreateInput, "measures">> {
  measures?: MeasureOverrides[];
}

/**
 * A registered organization in Bologna with one active measure, unless told
 * otherwise; its search columns are computed as publishing would.
 */
export async function buildOrganization(prisma: PrismaClient, overrides: OrganizationOverrides = {}) {
  const { measures = [{}], ...fields } = overrides;
  sequence += 1;
  const organization = await prisma.organization.create({
    data: {
      slug: `impresa-di-prova-${sequence}-${process.pid}`,
      vatNumber: nextVatNumber(),
      name: `Impresa di prova ${sequence}`,
      registryStatus: "REGISTERED",
      registryNumber: `RWB-TEST-${process.pid}-${sequence}`,
      registeredAt: new Date("2026-01-15T10:00:00Z"),
      lastVerifiedAt: new Date(),
      comuneCode: "037006",
      lat: 44.4938,
      lon: 11.3387,
      description: "Impresa creata per i test.",
      ...fields,
    },
  });
  await prisma.measure.createMany({
    data: measures.map((m, i) => ({
      organizationId: organization.id,
      title: `Misura ${i + 1}`,
      description: "Descrizione della misura.",
      category: "CONCILIAZIONE" as const,
      beneficiaries: ["EMPLOYEES" as const],
      ...m,
    })),
  });
  await refreshSearchData(prisma, [organization.id]);
  return organization;
}
