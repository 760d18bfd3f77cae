import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { buildUser } from "./applicationFactory.js";

/** A company representative of an existing organization (password TEST_PASSWORD). */
export async function buildCompanyUser(prisma: PrismaClient, organizationId: number) {
  const user = await buildUser(prisma, "COMPANY", `Referente ${organizationId}`);
  return prisma.user.update({ where: { id: user.id }, data: { organizationId } });
}

/** A network led by `leadId`, with active members and, optionally, measures in any review state. */
export async function buildNetwork(
  prisma: PrismaClient,
  leadId: number,
  memberIds: number[] = [],
  slug = `rete-${leadId}-${process.pid}`,
) {
  const network = await prisma.network.create({
    data: { slug, name: `Rete di prova ${leadId}`, description: "Rete creata per i test.", leadOrganizationId: leadId },
  });
  await prisma.networkMembership.createMany({
    data: [leadId, ...memberIds].map((organizationId) => ({
      networkId: network.id,
      organizationId,
      status: "ACTIVE" as const,
    })),
  });
  return network;
}
