import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { EventStatus } from "../../src/generated/prisma/enums.js";
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

let events = 0;
/** An event taking sign-ups on its public page, starting `inDays` from now (negative: already started). */
export async function buildOpenEvent(
  prisma: PrismaClient,
  overrides: {
    capacity?: number | null;
    inDays?: number;
    registrationOpen?: boolean;
    status?: EventStatus;
    title?: string;
  } = {},
) {
  events += 1;
  const { inDays = 30, ...rest } = overrides;
  return prisma.event.create({
    data: {
      slug: `evento-di-prova-${process.pid}-${events}`,
      title: `Seminario di prova ${events}`,
      type: "SEMINAR",
      startsAt: new Date(Date.now() + inDays * 86_400_000),
      place: "Sala del Consiglio, Palazzo Malvezzi",
      organizer: "Città metropolitana di Bologna",
      registrationOpen: true,
      capacity: 2,
      ...rest,
    },
  });
}
