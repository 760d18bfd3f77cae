import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Config } from "../config.js";
import { projectRoot } from "../paths.js";
import { createAdviceRepository } from "../data/adviceRepository.js";
import { createAuditRepository } from "../data/auditRepository.js";
import { createContributionRepository, fundingTotals } from "../data/contributionRepository.js";
import { createEventRepository, eventFiguresByYearAndType } from "../data/eventRepository.js";
import { createOutboxRepository } from "../data/outboxRepository.js";
import { createTransactionRunner } from "../data/transaction.js";
import { createAdviceService } from "./adviceService.js";
import { createContributionService } from "./contributionService.js";
import { createEventService } from "./eventService.js";
import { createGuideService } from "./guideService.js";

/** Events, funding records, the citizens' guide and advisory service (issue 5), wired to one database. */
export function createOutreachServices(prisma: PrismaClient, config: Config) {
  const audit = createAuditRepository(prisma);
  const transact = createTransactionRunner(prisma);
  return {
    events: createEventService({
      events: createEventRepository(prisma),
      audit,
      transact,
      figures: () => eventFiguresByYearAndType(prisma),
      publicBaseUrl: config.publicBaseUrl,
    }),
    funding: createContributionService({
      contributions: createContributionRepository(prisma),
      audit,
      transact,
      totals: (options) => fundingTotals(prisma, options),
    }),
    advice: createAdviceService({
      advice: createAdviceRepository(prisma),
      audit,
      outbox: createOutboxRepository(prisma),
      transact,
      publicBaseUrl: config.publicBaseUrl,
    }),
    guide: createGuideService(path.join(projectRoot, "content")),
  };
}
