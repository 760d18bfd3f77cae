import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Config } from "../config.js";
import { createApiRepository } from "../data/apiRepository.js";
import { fundingTotals } from "../data/contributionRepository.js";
import { eventFiguresByYearAndType, nextEventStart } from "../data/eventRepository.js";
import { publicDataVersion } from "../data/publicDataVersionRepository.js";
import { createNetworkRepository } from "../data/networkRepository.js";
import { createOpenDataRepository } from "../data/openDataRepository.js";
import { createStaffStatisticsRepository } from "../data/staffStatisticsRepository.js";
import { createStatisticsRepository } from "../data/statisticsRepository.js";
import { createApiService } from "./apiService.js";
import { createOpenDataService } from "./openDataService.js";
import { createStatisticsService } from "./statisticsService.js";
import { limitRequests } from "../middleware/rateLimits.js";
import { limitConcurrentDownloads } from "../middleware/concurrentDownloads.js";
import { apiTooManyRequests } from "../routes/api/problem.js";

/** Monitoring figures, open data and the read-only API (issue 6), wired to one database. */
export function createMonitoringServices(prisma: PrismaClient, config: Config, pool: pg.Pool) {
  return {
    statistics: createStatisticsService({
      statistics: createStatisticsRepository(prisma),
      staff: createStaffStatisticsRepository(prisma),
      eventFigures: (at) => eventFiguresByYearAndType(prisma, at),
      nextEventStart: (at) => nextEventStart(prisma, at),
      version: () => publicDataVersion(prisma),
      fundingTotals: (options) => fundingTotals(prisma, options),
    }),
    openData: createOpenDataService(createOpenDataRepository(prisma, pool), config.publicBaseUrl, () =>
      publicDataVersion(prisma),
    ),
    openDataDownloads: limitConcurrentDownloads(config.openDataDownloadsPerClient),
    apiLimit: limitRequests(prisma, { name: "api", ...config.apiRateLimit, onLimit: apiTooManyRequests }),
    api: createApiService(createApiRepository(prisma), createNetworkRepository(prisma), config.publicBaseUrl),
  };
}
