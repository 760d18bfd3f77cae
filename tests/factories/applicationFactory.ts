import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { ApplicationPayload, MeasureDraft } from "../../src/domain/applicationPayload.js";
import { hashPassword } from "../../src/services/accounts/passwords.js";
import { nextVatNumber } from "./organizationFactory.js";

let sequence = 0;
let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "Password-lunga-123";

/** A complete payload: everything missingItems() asks for. */
export function completePayload(
  overrides: { organization?: Partial<ApplicationPayload["organization"]>; measures?: Partial<MeasureDraft>[] } = {},
): ApplicationPayload {
  sequence += 1;
  return {
    organization: {
      name: `Impresa in domanda ${sequence}`,
      legalForm: "S.r.l.",
      vatNumber: nextVatNumber(),
      atecoSectionCode: "C",
      employees: 40,
      address: "Via Indipendenza 1",
      comuneCode: "037006",
      lat: 44.4938,
      lon: 11.3387,
      contactEmail: `contatti${sequence}@example.org`,
      description: "Un'impresa che apre il suo asilo nido al quartiere.",
      welfareStage: "ACTIVE",
      ...overrides.organization,
    },
    measures: (overrides.measures ?? [{}]).map((m, i) => ({
      key: `k${i + 1}`,
      title: `Asilo nido aperto ${sequence}-${i + 1}`,
      description: "Posti per i figli dei dipendenti e dei residenti.",
      category: "MINORI" as const,
      status: "ACTIVE" as const,
      beneficiaries: ["EMPLOYEES" as const, "CITIZENS" as const],
      openToCitizens: true,
      accessConditions: "Iscrizione presso il Comune.",
      ...m,
    })),
  };
}

/**
 * A company (not yet registered), its representative and a SUBMITTED first
 * application; the organization holds the payload's Partita IVA, as submitting does.
 */
export async function buildSubmittedApplication(prisma: PrismaClient, payload: ApplicationPayload = completePayload()) {
  sequence += 1;
  const org = await prisma.organization.create({
    data: {
      slug: `domanda-${sequence}-${process.pid}`,
      name: payload.organization.name ?? "",
      vatNumber: payload.organization.vatNumber ?? null,
    },
  });
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await prisma.user.create({
    data: {
      email: `impresa${sequence}-${process.pid}@example.org`,
      name: `Referente ${sequence}`,
      passwordHash: await passwordHash,
      role: "COMPANY",
      organizationId: org.id,
      emailVerifiedAt: new Date(),
    },
  });
  const application = await prisma.application.create({
    data: {
      organizationId: org.id,
      kind: "INITIAL",
      status: "SUBMITTED",
      payload,
      submittedAt: new Date(Date.now() - 3 * 86_400_000),
    },
  });
  await prisma.applicationEvent.create({
    data: { applicationId: application.id, type: "SUBMITTED", actorId: user.id },
  });
  return { org, user, application };
}

/** A user of any role with the test password (a company user may belong to `organizationId`). */
export async function buildUser(
  prisma: PrismaClient,
  role: "REVIEWER" | "ADMIN" | "COMPANY" | "LOCAL_AUTHORITY",
  name = `Utente ${role}`,
  organizationId: number | null = null,
) {
  sequence += 1;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: {
      email: `${role.toLowerCase()}${sequence}-${process.pid}@example.org`,
      name,
      passwordHash: await passwordHash,
      role,
      organizationId,
      emailVerifiedAt: new Date(),
    },
  });
}
