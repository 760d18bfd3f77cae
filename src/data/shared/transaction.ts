import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Db } from "./db.js";

/** Lets a service group repository calls into one transaction without touching Prisma. */
export function createTransactionRunner(prisma: PrismaClient) {
  // Generous limits: on the single embedded connection, transactions queue for their turn.
  return <T>(work: (tx: Db) => Promise<T>) => prisma.$transaction(work, { timeout: 30_000, maxWait: 30_000 });
}

export type RunInTransaction = ReturnType<typeof createTransactionRunner>;
