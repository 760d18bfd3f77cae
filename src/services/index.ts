import path from "node:path";
import type { Config } from "../config.js";
import type { Repositories } from "../data/index.js";
import type { I18n } from "../locales/i18n.js";
import { projectRoot } from "../paths.js";
import { createAccountService } from "./accounts/accountService.js";
import { createActivityLogService } from "./review/activityLogService.js";
import { createAdviceService } from "./outreach/adviceService.js";
import { createAdviceConsentService } from "./outreach/adviceConsentService.js";
import { createAdviceRetentionService } from "./outreach/adviceRetentionService.js";
import { createAlertDigestService } from "./outreach/alertDigestService.js";
import { createAlertMails } from "./outreach/alertMails.js";
import { createAlertSubscriptionService } from "./outreach/alertSubscriptionService.js";
import { createApiService } from "./monitoring/apiService.js";
import { createAuthService } from "./accounts/authService.js";
import { createCompanyApplicationService } from "./company/companyApplicationService.js";
import { createCompanyDraftService } from "./company/companyDraftService.js";
import { createColleagueService } from "./company/colleagueService.js";
import { createContributionService } from "./outreach/contributionService.js";
import { createDecisionMails } from "./review/decisionMails.js";
import { createEventService } from "./territory/eventService.js";
import { createEventRegistrationService } from "./territory/eventRegistrationService.js";
import { createRegistrationMails } from "./territory/registrationMails.js";
import { createWaitingList } from "./territory/waitingList.js";
import { createGuideService } from "./outreach/guideService.js";
import { createMailMessages } from "./shared/mailMessages.js";
import { createMailService } from "./shared/mailService.js";
import { createNetworkCompanyService } from "./territory/networkCompanyService.js";
import { createNetworkService } from "./territory/networkService.js";
import { createNewsService } from "./outreach/newsService.js";
import { createMonitoringReportService } from "./monitoring/monitoringReportService.js";
import { createYearFigures } from "./monitoring/yearFigures.js";
import { createOpenDataService } from "./monitoring/openDataService.js";
import { createPactService } from "./territory/pactService.js";
import { createPersonalDataService } from "./accounts/personalDataService.js";
import { createPilotService } from "./registry/pilotService.js";
import { createImprovementPlanService } from "./company/improvementPlanService.js";
import { createProblemReportService } from "./registry/problemReportService.js";
import { createProjectService } from "./territory/projectService.js";
import { createReferenceDataService } from "./registry/referenceDataService.js";
import { createRegisterUpkeepService } from "./review/registerUpkeepService.js";
import { createRegistryService } from "./registry/registryService.js";
import { createMemoryIndexHolder } from "./registry/memorySearchIndex.js";
import { createReviewService } from "./review/reviewService.js";
import { createSearchCache } from "./registry/searchCache.js";
import { createStaffService } from "./review/staffService.js";
import { createStatisticsService } from "./monitoring/statisticsService.js";
import { createVerificationCycleService } from "./review/verificationCycleService.js";
import { createVerificationMails } from "./review/verificationMails.js";
import { createTwoFactorService } from "./accounts/twoFactorService.js";
import { createGeocoder } from "./geocoding/index.js";
import { createLocalAuthorityService } from "./localAuthority/localAuthorityService.js";
import { createLocalRegisterService } from "./localAuthority/localRegisterService.js";
import { createServiceIntegrationService } from "./localAuthority/serviceIntegrationService.js";
import { createLogger } from "../logger.js";

/**
 * Every service of the application, on the repositories of one database. The
 * key of a service is its file name without "Service" (`contributionService.ts`
 * is `services.contribution`). Services get only repositories, configuration
 * values and the i18n texts: nothing from HTTP (rate limiters live in the app).
 */
export function createServices(repositories: Repositories, config: Config, i18n: I18n) {
  const r = repositories;
  const { audit, outbox, transaction } = r;
  const baseUrl = config.publicBaseUrl;
  const messages = createMailMessages(baseUrl, i18n);
  const decisionMails = createDecisionMails(baseUrl, i18n);
  // Staff and the company area share the networks' rules and their e-mails.
  const networkDeps = {
    networks: r.network,
    register: r.registerAdmin,
    audit,
    transaction,
    outbox,
    mails: decisionMails,
  };
  // Sign-ups, cancellations and the staff's capacity changes share the waiting list.
  const registrationMails = createRegistrationMails(baseUrl, i18n);
  const waitingList = createWaitingList({ registrations: r.eventRegistration, outbox, mails: registrationMails });
  const referenceData = createReferenceDataService(r.comune);
  const alertMails = createAlertMails(baseUrl, i18n);
  const geocoderLog = createLogger(config.logLevel).child({ component: "geocoder" });
  const geocoder = createGeocoder(
    config.geocoder,
    async () => (await referenceData.load()).comuni,
    (message, err) => geocoderLog.warn({ err }, message),
  );
  return {
    account: createAccountService({
      accounts: r.account,
      throttle: r.loginThrottle,
      audit,
      outbox,
      transaction,
      messages,
    }),
    activityLog: createActivityLogService(r.activityLog),
    advice: createAdviceService({ advice: r.advice, audit, outbox, transaction, publicBaseUrl: baseUrl, i18n }),
    adviceConsent: createAdviceConsentService({ advice: r.advice, audit, outbox, transaction }),
    adviceRetention: createAdviceRetentionService({
      retention: r.adviceRetention,
      audit,
      transaction,
      months: config.adviceRetentionMonths,
    }),
    alertDigest: createAlertDigestService({
      digests: r.alertDigest,
      subscriptions: r.alertSubscription,
      outbox,
      transaction,
      mails: alertMails,
    }),
    alertSubscription: createAlertSubscriptionService({
      subscriptions: r.alertSubscription,
      outbox,
      transaction,
      mails: alertMails,
      comuni: async () => (await referenceData.load()).byCode,
    }),
    api: createApiService(r.api, r.network, baseUrl),
    auth: createAuthService({ users: r.user, throttle: r.loginThrottle, audit }),
    colleague: createColleagueService({ accounts: r.account, audit, outbox, transaction, messages }),
    companyApplication: createCompanyApplicationService({
      companies: r.company,
      accounts: r.account,
      audit,
      outbox,
      transaction,
      messages,
    }),
    companyDraft: createCompanyDraftService({ companies: r.company, audit, transaction, geocoder }),
    contribution: createContributionService({
      contributions: r.contribution,
      audit,
      transaction,
      totals: r.contribution.totals,
    }),
    event: createEventService({
      events: r.event,
      registrations: r.eventRegistration,
      waitingList,
      audit,
      transaction,
      figures: r.event.figuresByYearAndType,
      publicBaseUrl: baseUrl,
    }),
    eventRegistration: createEventRegistrationService({
      events: r.event,
      registrations: r.eventRegistration,
      audit,
      outbox,
      transaction,
      mails: registrationMails,
      waitingList,
      retentionMonths: config.adviceRetentionMonths,
    }),
    geocoder,
    improvementPlan: createImprovementPlanService({
      plans: r.improvementPlan,
      audit,
      transaction,
      outbox,
      mails: decisionMails,
    }),
    guide: createGuideService(path.join(projectRoot, "content")),
    localAuthority: createLocalAuthorityService({
      localAuthorities: r.localAuthority,
      staff: r.staff,
      audit,
      transaction,
      invitations: { accounts: r.account, outbox, messages },
      comuneCodes: async () => new Set((await referenceData.load()).byCode.keys()),
    }),
    localRegister: createLocalRegisterService(r.localRegister),
    mail: createMailService(outbox, config.mailFrom),
    monitoringReport: createMonitoringReportService({
      reports: r.monitoringReport,
      audit,
      transaction,
      yearFigures: createYearFigures({
        year: r.yearFigures,
        eventFigures: r.event.figuresByYearAndType,
        nextEventStart: r.event.nextStart,
        fundingTotals: r.contribution.totals,
        fundingYearTotal: r.contribution.yearTotal,
        pilots: r.pilot,
        version: r.publicDataVersion.version,
      }),
    }),
    network: createNetworkService(networkDeps),
    networkCompany: createNetworkCompanyService(networkDeps),
    news: createNewsService({ news: r.news, audit, transaction, publicBaseUrl: baseUrl, i18n }),
    openData: createOpenDataService(
      r.openData,
      baseUrl,
      r.publicDataVersion.version,
      config.openDataPublisher,
      i18n.getFixedT("it"),
    ),
    pact: createPactService({
      pact: r.pact,
      siteContent: r.siteContent,
      audit,
      transaction,
      register: r.registerAdmin,
      outbox,
      mails: decisionMails,
    }),
    personalData: createPersonalDataService({
      personalData: r.personalData,
      accounts: r.account,
      twoFactor: r.twoFactor,
      staff: r.staff,
      audit,
      transaction,
    }),
    pilot: createPilotService(r.pilot, r.publicDataVersion.version),
    problemReport: createProblemReportService({ reports: r.problemReport, audit, transaction }),
    project: createProjectService({ project: r.project, siteContent: r.siteContent, audit, transaction }),
    referenceData,
    registerUpkeep: createRegisterUpkeepService({
      register: r.registerAdmin,
      audit,
      transaction,
      outbox,
      mails: decisionMails,
    }),
    registry: createRegistryService(
      r.registrySearch,
      r.organization,
      createSearchCache(config.searchCacheBytes),
      config.searchMemoryIndex ? createMemoryIndexHolder(r.memoryIndex) : undefined,
    ),
    review: createReviewService({
      reviews: r.review,
      audit,
      outbox,
      transaction,
      mails: decisionMails,
      alerts: r.alertDigest,
    }),
    serviceIntegration: createServiceIntegrationService({
      integrations: r.serviceIntegration,
      localAuthorities: r.localAuthority,
      register: r.localRegister,
      firms: r.registerAdmin,
      audit,
      transaction,
      outbox,
      messages,
      mails: decisionMails,
    }),
    staff: createStaffService({
      staff: r.staff,
      audit,
      transaction,
      invitations: { accounts: r.account, outbox, messages },
    }),
    statistics: createStatisticsService({
      statistics: r.statistics,
      staff: r.staffStatistics,
      eventFigures: r.event.figuresByYearAndType,
      nextEventStart: r.event.nextStart,
      version: r.publicDataVersion.version,
      fundingTotals: r.contribution.totals,
      publishedReportYears: r.monitoringReport.publishedYears,
    }),
    verificationCycle: createVerificationCycleService({
      cycle: r.verificationCycle,
      accounts: r.account,
      audit,
      outbox,
      transaction,
      mails: createVerificationMails(baseUrl, i18n),
    }),
    twoFactor: createTwoFactorService({
      twoFactor: r.twoFactor,
      staff: r.staff,
      accounts: r.account,
      audit,
      transaction,
      sessionSecret: config.sessionSecret,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
