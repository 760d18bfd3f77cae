import type { PrismaClient } from "../generated/prisma/client.js";
import type { Config } from "../config.js";
import { createAccountRepository } from "../data/accountRepository.js";
import { createAuditRepository } from "../data/auditRepository.js";
import { createCompanyRepository } from "../data/companyRepository.js";
import { createOutboxRepository } from "../data/outboxRepository.js";
import { createTransactionRunner } from "../data/transaction.js";
import { createAccountService } from "./accountService.js";
import { createCompanyApplicationService } from "./companyApplicationService.js";
import { createCompanyDraftService } from "./companyDraftService.js";
import { createMailMessages } from "./mailMessages.js";
import { createMailService } from "./mailService.js";
import type { Geocoder } from "./geocoding/index.js";

/** Accounts, the company area and the outbox (issue 3), wired to one database. */
export function createCompanyServices(prisma: PrismaClient, config: Config, geocoder: Geocoder) {
  const accounts = createAccountRepository(prisma);
  const companies = createCompanyRepository(prisma);
  const audit = createAuditRepository(prisma);
  const outbox = createOutboxRepository(prisma);
  const transaction = createTransactionRunner(prisma);
  const messages = createMailMessages(config.publicBaseUrl);
  return {
    accounts: createAccountService({ accounts, audit, outbox, transaction, messages }),
    companyDrafts: createCompanyDraftService({ companies, audit, transaction, geocoder }),
    companyApplications: createCompanyApplicationService({ companies, accounts, audit, outbox, transaction, messages }),
    mail: createMailService(outbox, config.mailFrom),
  };
}
