import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client.js";
import { createAccountRepository } from "./accountRepository.js";
import { createActivityLogRepository } from "./activityLogRepository.js";
import { createAdviceRepository } from "./adviceRepository.js";
import { createApiRepository } from "./apiRepository.js";
import { createAuditRepository } from "./auditRepository.js";
import { createCompanyRepository } from "./companyRepository.js";
import { createComuneRepository } from "./comuneRepository.js";
import { createContributionRepository } from "./contributionRepository.js";
import { createEventRepository } from "./eventRepository.js";
import { createNetworkRepository } from "./networkRepository.js";
import { createOpenDataRepository } from "./openDataRepository.js";
import { createOrganizationRepository } from "./organizationRepository.js";
import { createOutboxRepository } from "./outboxRepository.js";
import { createPactRepository } from "./pactRepository.js";
import { createProblemReportRepository } from "./problemReportRepository.js";
import { createPublicDataVersionRepository } from "./publicDataVersionRepository.js";
import { createRegisterAdminRepository } from "./registerAdminRepository.js";
import { createRegistrySearchRepository } from "./registrySearchRepository.js";
import { createReviewRepository } from "./reviewRepository.js";
import { createStaffRepository } from "./staffRepository.js";
import { createStaffStatisticsRepository } from "./staffStatisticsRepository.js";
import { createStatisticsRepository } from "./statisticsRepository.js";
import { createTransactionRunner } from "./transaction.js";
import { createUserRepository } from "./userRepository.js";

/**
 * Every repository, each built once on one database; the key is the file name
 * without "Repository". `pool` is the one Prisma uses: the open data exports
 * stream through it (openDataRepository.ts).
 */
export function createRepositories(prisma: PrismaClient, pool: pg.Pool) {
  return {
    account: createAccountRepository(prisma),
    activityLog: createActivityLogRepository(prisma),
    advice: createAdviceRepository(prisma),
    api: createApiRepository(prisma),
    audit: createAuditRepository(prisma),
    company: createCompanyRepository(prisma),
    comune: createComuneRepository(prisma),
    contribution: createContributionRepository(prisma),
    event: createEventRepository(prisma),
    network: createNetworkRepository(prisma),
    openData: createOpenDataRepository(prisma, pool),
    organization: createOrganizationRepository(prisma),
    outbox: createOutboxRepository(prisma),
    pact: createPactRepository(prisma),
    problemReport: createProblemReportRepository(prisma),
    publicDataVersion: createPublicDataVersionRepository(prisma),
    registerAdmin: createRegisterAdminRepository(prisma),
    registrySearch: createRegistrySearchRepository(prisma),
    review: createReviewRepository(prisma),
    staff: createStaffRepository(prisma),
    staffStatistics: createStaffStatisticsRepository(prisma),
    statistics: createStatisticsRepository(prisma),
    transaction: createTransactionRunner(prisma),
    user: createUserRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
