import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { readPayload } from "../../src/domain/applicationPayload.js";
import { nextRegistryNumber, publishPayload } from "../../src/data/publicationRepository.js";

/**
 * Approves an organization's submitted application as the back office does:
 * one transaction sets the status, registers the organization (number given
 * once) and publishes the payload.
 */
export async function approveSubmitted(prisma: PrismaClient, organizationId: number, comment = "Domanda completa.") {
  return prisma.$transaction(async (tx) => {
    const app = await tx.application.findFirstOrThrow({ where: { organizationId, status: "SUBMITTED" } });
    const now = new Date();
    await tx.application.update({ where: { id: app.id }, data: { status: "APPROVED", decidedAt: now, version: { increment: 1 } } });
    await tx.applicationEvent.create({ data: { applicationId: app.id, type: "APPROVED", comment } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    await tx.organization.update({
      where: { id: organizationId },
      data: {
        registryStatus: "REGISTERED",
        registryNumber: org.registryNumber ?? (await nextRegistryNumber(tx, now.getUTCFullYear())),
        registeredAt: org.registeredAt ?? now,
        lastVerifiedAt: now,
      },
    });
    await publishPayload(tx, organizationId, readPayload(app.payload));
    return app.id;
  });
}

/** Asks for changes with a comment, as a reviewer would. */
export async function requestChanges(prisma: PrismaClient, organizationId: number, comment: string) {
  await prisma.$transaction(async (tx) => {
    const app = await tx.application.findFirstOrThrow({ where: { organizationId, status: "SUBMITTED" } });
    await tx.application.update({ where: { id: app.id }, data: { status: "CHANGES_REQUESTED", version: { increment: 1 } } });
    await tx.applicationEvent.create({ data: { applicationId: app.id, type: "CHANGES_REQUESTED", comment } });
  });
}
