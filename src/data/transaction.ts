import type { PrismaClient } from "../generated/prisma/client.js";
import type { Db } from "./searchIndexRepository.js";

/** Lets a service group repository calls into one transaction without touching Prisma. */
export function createTransactionRunner(prisma: PrismaClient) {
  return <T>(work: (tx: Db) => Promise<T>) => prisma.$transaction(work);
}

export type RunInTransaction = ReturnType<typeof createTransactionRunner>;
