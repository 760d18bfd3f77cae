import { randomBytes } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.js";

const people = [
  { name: "Chiara Neri (demo)", email: "chiara.neri@demo.invalid", organization: "Cooperativa sociale (demo)" },
  { name: "Marco Gialli (demo)", email: "marco.gialli@demo.invalid", organization: "" },
  { name: "Elena Blu (demo)", email: "elena.blu@demo.invalid", organization: "Comune di Imola (demo)" },
];

/**
 * Sign-up on the public pages of two upcoming demo events: one with 40 seats
 * and three demo people signed up, one without a limit. Their cancellation
 * links are random hashes that no e-mail carries.
 */
export async function seedDemoRegistrations(
  tx: Prisma.TransactionClient,
  withSeats: number | null,
  withoutLimit: number | null,
) {
  if (withSeats !== null) {
    await tx.event.update({ where: { id: withSeats }, data: { registrationOpen: true, capacity: 40 } });
    await tx.eventRegistration.createMany({
      data: people.map((p) => ({
        ...p,
        eventId: withSeats,
        status: "CONFIRMED" as const,
        consentAt: new Date(),
        cancelTokenHash: randomBytes(32).toString("hex"),
      })),
    });
  }
  if (withoutLimit !== null) await tx.event.update({ where: { id: withoutLimit }, data: { registrationOpen: true } });
}
