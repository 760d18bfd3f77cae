import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client.js";
import { createAccountRepository } from "./accounts/accountRepository.js";
import { createActivityLogRepository } from "./review/activityLogRepository.js";
import { createAdviceRepository } from "./outreach/adviceRepository.js";
import { createAdviceRetentionRepository } from "./outreach/adviceRetentionRepository.js";
import { createAlertDigestRepository } from "./outreach/alertDigestRepository.js";
import { createAlertSubscriptionRepository } from "./outreach/alertSubscriptionRepository.js";
import { createApiRepository } from "./monitoring/apiRepository.js";
import { createAuditRepository } from "./shared/auditRepository.js";
import { createCompanyRepository } from "./company/companyRepository.js";
import { createComuneRepository } from "./registry/comuneRepository.js";
import { createContributionRepository } from "./outreach/contributionRepository.js";
import { createEventRepository } from "./territory/eventRepository.js";
import { createEventRegistrationRepository } from "./territory/eventRegistrationRepository.js";
import { createNetworkRepository } from "./territory/networkRepository.js";
import { createMonitoringReportRepository } from "./monitoring/monitoringReportRepository.js";
import { createNewsRepository } from "./outreach/newsRepository.js";
import { createOpenDataRepository } from "./monitoring/openDataRepository.js";
import { createOrganizationRepository } from "./registry/organizationRepository.js";
import { createOutboxRepository } from "./shared/outboxRepository.js";
import { createPactRepository } from "./territory/pactRepository.js";
import { createPilotRepository } from "./registry/pilotRepository.js";
import { createPersonalDataRepository } from "./accounts/personalDataRepository.js";
import { createProblemReportRepository } from "./registry/problemReportRepository.js";
import { createProjectRepository } from "./territory/projectRepository.js";
import { createPublicDataVersionRepository } from "./monitoring/publicDataVersionRepository.js";
import { createRegisterAdminRepository } from "./review/registerAdminRepository.js";
import { createSiteContentRepository } from "./shared/siteContentRepository.js";
import { createRegistrySearchRepository } from "./registry/registrySearchRepository.js";
import { createMemoryIndexRepository } from "./registry/memoryIndexRepository.js";
import { createReviewRepository } from "./review/reviewRepository.js";
import { createStaffRepository } from "./review/staffRepository.js";
import { createStaffStatisticsRepository } from "./monitoring/staffStatisticsRepository.js";
import { createStatisticsRepository } from "./monitoring/statisticsRepository.js";
import { createTransactionRunner } from "./shared/transaction.js";
import { createTwoFactorRepository } from "./accounts/twoFactorRepository.js";
import { createUserRepository } from "./accounts/userRepository.js";
import { createImprovementPlanRepository } from "./company/improvementPlanRepository.js";
import { createLoginThrottleRepository } from "./accounts/loginThrottleRepository.js";
import { createLocalAuthorityRepository } from "./localAuthority/localAuthorityRepository.js";
import { createLocalRegisterRepository } from "./localAuthority/localRegisterRepository.js";
import { createServiceIntegrationRepository } from "./localAuthority/serviceIntegrationRepository.js";
import { createVerificationCycleRepository } from "./review/verificationCycleRepository.js";
import { createYearFiguresRepository } from "./monitoring/yearFiguresRepository.js";

/**
 * Every repository, each built once on one database; the key is the file name
 * without "Repository". `pool` is the one Prisma uses: the open data exports
 * stream through it (openDataRepository.ts), the in-process search index is
 * read through a cursor on it (memoryIndexRepository.ts).
 */
export function createRepositories(prisma: PrismaClient, pool: pg.Pool) {
  return {
    account: createAccountRepository(prisma),
    activityLog: createActivityLogRepository(prisma),
    advice: createAdviceRepository(prisma),
    adviceRetention: createAdviceRetentionRepository(prisma),
    alertDigest: createAlertDigestRepository(prisma),
    alertSubscription: createAlertSubscriptionRepository(prisma),
    api: createApiRepository(prisma),
    audit: createAuditRepository(prisma),
    company: createCompanyRepository(prisma),
    comune: createComuneRepository(prisma),
    contribution: createContributionRepository(prisma),
    event: createEventRepository(prisma),
    eventRegistration: createEventRegistrationRepository(prisma),
    improvementPlan: createImprovementPlanRepository(prisma),
    localAuthority: createLocalAuthorityRepository(prisma),
    localRegister: createLocalRegisterRepository(prisma),
    memoryIndex: createMemoryIndexRepository(pool),
    monitoringReport: createMonitoringReportRepository(prisma),
    network: createNetworkRepository(prisma),
    news: createNewsRepository(prisma),
    openData: createOpenDataRepository(prisma, pool),
    organization: createOrganizationRepository(prisma, pool),
    outbox: createOutboxRepository(prisma),
    pact: createPactRepository(prisma),
    personalData: createPersonalDataRepository(prisma),
    pilot: createPilotRepository(prisma),
    problemReport: createProblemReportRepository(prisma),
    project: createProjectRepository(prisma),
    publicDataVersion: createPublicDataVersionRepository(prisma),
    registerAdmin: createRegisterAdminRepository(prisma),
    registrySearch: createRegistrySearchRepository(prisma, pool),
    review: createReviewRepository(prisma),
    serviceIntegration: createServiceIntegrationRepository(prisma),
    siteContent: createSiteContentRepository(prisma),
    staff: createStaffRepository(prisma),
    staffStatistics: createStaffStatisticsRepository(prisma),
    statistics: createStatisticsRepository(prisma),
    transaction: createTransactionRunner(prisma),
    twoFactor: createTwoFactorRepository(prisma),
    user: createUserRepository(prisma),
    loginThrottle: createLoginThrottleRepository(prisma),
    verificationCycle: createVerificationCycleRepository(prisma),
    yearFigures: createYearFiguresRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
