import type { PrismaClient } from "../generated/prisma/client.js";
import { createAuditRepository } from "../data/auditRepository.js";
import { createNetworkRepository } from "../data/networkRepository.js";
import { createPactRepository } from "../data/pactRepository.js";
import { createRegisterAdminRepository } from "../data/registerAdminRepository.js";
import { createTransactionRunner } from "../data/transaction.js";
import { createNetworkCompanyService } from "./networkCompanyService.js";
import { createNetworkService } from "./networkService.js";
import { createPactService } from "./pactService.js";

/** The Pact and the networks of firms (issue 5), wired to one database. */
export function createTerritoryServices(prisma: PrismaClient) {
  const audit = createAuditRepository(prisma);
  const transact = createTransactionRunner(prisma);
  const networks = createNetworkRepository(prisma);
  return {
    pact: createPactService({ pact: createPactRepository(prisma), audit, transact }),
    networks: createNetworkService({ networks, register: createRegisterAdminRepository(prisma), audit, transact }),
    networkMembers: createNetworkCompanyService({ networks, audit, transact }),
  };
}
