import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Config } from "../config.js";
import { limitRequests } from "../middleware/rateLimits.js";
import { createAuthService } from "./authService.js";
import { createComuneRepository } from "../data/comuneRepository.js";
import { createOrganizationRepository } from "../data/organizationRepository.js";
import { createRegistrySearchRepository } from "../data/registrySearchRepository.js";
import { createUserRepository } from "../data/userRepository.js";
import { createReferenceDataService } from "./referenceDataService.js";
import { createRegistryService } from "./registryService.js";
import { createSearchCache } from "./searchCache.js";
import { createCompanyServices } from "./companyServices.js";
import { createAdminServices } from "./adminServices.js";
import { createOutreachServices } from "./outreachServices.js";
import { createTerritoryServices } from "./territoryServices.js";
import { createMonitoringServices } from "./monitoringServices.js";
import { createGeocoder } from "./geocoding/index.js";
import { createLogger } from "../logger.js";

/**
 * Every service of the application, wired to one database. `pool` is the one
 * Prisma uses: the open data exports read through it (openDataRepository.ts).
 */
export function createServices(prisma: PrismaClient, config: Config, pool: pg.Pool) {
  const organizations = createOrganizationRepository(prisma);
  const referenceData = createReferenceDataService(createComuneRepository(prisma));
  const geocoderLog = createLogger(config.logLevel).child({ component: "geocoder" });
  const geocoder = createGeocoder(config.geocoder, async () => (await referenceData.load()).comuni, (message, err) =>
    geocoderLog.warn({ err }, message),
  );
  return {
    users: createUserRepository(prisma),
    auth: createAuthService(prisma),
    limits: {
      login: limitRequests(prisma, { name: "login", ...config.rateLimits.login }),
      publicForms: limitRequests(prisma, { name: "public-forms", ...config.rateLimits.publicForms }),
    },
    referenceData,
    geocoder,
    registry: createRegistryService(
      createRegistrySearchRepository(prisma),
      organizations,
      createSearchCache(config.searchCacheBytes),
    ),
    ...createCompanyServices(prisma, config, geocoder),
    admin: createAdminServices(prisma, config),
    outreach: createOutreachServices(prisma, config),
    ...createTerritoryServices(prisma),
    ...createMonitoringServices(prisma, config, pool),
  };
}

export type Services = ReturnType<typeof createServices>;
