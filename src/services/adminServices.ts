import type { PrismaClient } from "../generated/prisma/client.js";
import type { Config } from "../config.js";
import { createActivityLogRepository } from "../data/activityLogRepository.js";
import { createAuditRepository } from "../data/auditRepository.js";
import { createOutboxRepository } from "../data/outboxRepository.js";
import { createProblemReportRepository } from "../data/problemReportRepository.js";
import { createRegisterAdminRepository } from "../data/registerAdminRepository.js";
import { createReviewRepository } from "../data/reviewRepository.js";
import { createStaffRepository } from "../data/staffRepository.js";
import { createTransactionRunner } from "../data/transaction.js";
import { createDecisionMails } from "./decisionMails.js";
import { createProblemReportService } from "./problemReportService.js";
import { createRegisterUpkeepService } from "./registerUpkeepService.js";
import { createReviewService } from "./reviewService.js";
import { createStaffService } from "./staffService.js";

/** The staff back office (issue 4), wired to one database. */
export function createAdminServices(prisma: PrismaClient, config: Config) {
  const audit = createAuditRepository(prisma);
  const transact = createTransactionRunner(prisma);
  const mails = createDecisionMails(config.publicBaseUrl);
  return {
    review: createReviewService({
      reviews: createReviewRepository(prisma),
      audit,
      outbox: createOutboxRepository(prisma),
      transact,
      mails,
    }),
    upkeep: createRegisterUpkeepService({ register: createRegisterAdminRepository(prisma), audit, transact }),
    problemReports: createProblemReportService({ reports: createProblemReportRepository(prisma), audit, transact }),
    staff: createStaffService({ staff: createStaffRepository(prisma), audit, transact }),
    activityLog: createActivityLogRepository(prisma),
  };
}
