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
import { createCompanyServices } from "./companyServices.js";
import { createAdminServices } from "./adminServices.js";

/** Every service of the application, wired to one database. */
export function createServices(prisma: PrismaClient, config: Config) {
  const organizations = createOrganizationRepository(prisma);
  return {
    users: createUserRepository(prisma),
    auth: createAuthService(prisma),
    limits: {
      login: limitRequests(prisma, { name: "login", ...config.rateLimits.login }),
      publicForms: limitRequests(prisma, { name: "public-forms", ...config.rateLimits.publicForms }),
    },
    referenceData: createReferenceDataService(createComuneRepository(prisma)),
    registry: createRegistryService(createRegistrySearchRepository(prisma), organizations),
    ...createCompanyServices(prisma, config),
    admin: createAdminServices(prisma, config),
  };
}

export type Services = ReturnType<typeof createServices>;
