import type { Prisma } from "../../generated/prisma/client.js";
import { at } from "./demoPlan.js";

type Tx = Prisma.TransactionClient;

/** The demo local authority: like every demo account it has no usable password until one is set. */
export const DEMO_LOCAL_AUTHORITY_EMAIL = "ente.casalecchio@demo.invalid";
const CASALECCHIO = "037011";

/**
 * A local authority for Casalecchio di Reno (/ente), with one integration of
 * its social services accepted by staff (public under the measure) and one
 * waiting in /admin/integrazioni; runs inside the demo data's transaction.
 */
export async function seedDemoLocalAuthority(tx: Tx, passwordHash: string): Promise<void> {
  const data = {
    name: "Servizi sociali – Comune di Casalecchio di Reno (demo)",
    role: "LOCAL_AUTHORITY" as const,
    emailVerifiedAt: at("2024-01-10"),
    privacyAcceptedAt: at("2024-01-10"),
  };
  const user = await tx.user.upsert({
    where: { email: DEMO_LOCAL_AUTHORITY_EMAIL },
    create: { email: DEMO_LOCAL_AUTHORITY_EMAIL, passwordHash, ...data },
    update: data,
  });
  await tx.localAuthorityComune.createMany({
    data: [{ userId: user.id, comuneCode: CASALECCHIO }],
    skipDuplicates: true,
  });
  const open = await tx.measure.findMany({
    where: { openToCitizens: true, organization: { registryStatus: "REGISTERED", comuneCode: CASALECCHIO } },
    orderBy: { id: "asc" },
    take: 2,
  });
  const reviewer = await tx.user.findFirst({ where: { role: "REVIEWER" }, orderBy: { id: "asc" } });
  const [accepted, proposed] = open;
  const common = { comuneCode: CASALECCHIO, proposerId: user.id };
  if (accepted && reviewer) {
    await tx.serviceIntegration.create({
      data: {
        ...common,
        measureId: accepted.id,
        measureTitle: accepted.title,
        serviceName: "Servizi sociali",
        description:
          "Le assistenti sociali segnalano la misura alle famiglie seguite e ne coprono il costo per chi ha un ISEE basso.",
        contact: "https://www.comune.casalecchio.bo.it",
        status: "ACCEPTED",
        decidedById: reviewer.id,
        decisionComment: "Integrazione coerente con la misura: accettata.",
        decidedAt: at("2026-10-01"),
        createdAt: at("2026-09-20"),
      },
    });
  }
  if (proposed) {
    await tx.serviceIntegration.create({
      data: {
        ...common,
        measureId: proposed.id,
        measureTitle: proposed.title,
        serviceName: "Servizi educativi",
        description: "Il servizio educativo comunale orienta le famiglie e concorda i posti riservati ai residenti.",
        contact: "051 598111",
        createdAt: at("2026-11-20"),
      },
    });
  }
}
