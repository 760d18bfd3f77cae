import type { RateLimits } from "../../middleware/rateLimits.js";
import { Router } from "express";
import type { Services } from "../../services/index.js";
import { requireRole } from "../../middleware/authorization.js";
import { activityRoutes } from "./activity.js";
import { applicationRoutes } from "./applications.js";
import { applicationListRoutes } from "./applicationList.js";
import { dashboardPage } from "./dashboard.js";
import { organizationRoutes } from "./organizations.js";
import { improvementPlanAdminRoutes } from "./improvementPlans.js";
import { adminMonitoringReportRoutes } from "./monitoringReports.js";
import { outreachAdminRoutes } from "./outreach.js";
import { reportRoutes } from "./reports.js";
import { staffRoutes } from "./staff.js";
import { pactAdminRoutes } from "./pact.js";
import { settingsRoutes } from "./settings.js";
import { networkAdminRoutes } from "./networks.js";
import { staffStatisticsPage } from "./statistics.js";
import { classificationRoutes } from "./classifications.js";
import { verificationRoutes } from "./verifications.js";
import { localAuthorityAdminRoutes } from "./localAuthorities.js";
import { integrationAdminRoutes } from "./integrations.js";

/** The staff back office: every route below checks the role here, on the server. */
export function adminRoutes(services: Services, limits: RateLimits) {
  const admin = Router();
  admin.use(requireRole("REVIEWER", "ADMIN"));
  admin.use((_req, res, next) => {
    const locale = res.locals.lang === "en" ? "en-GB" : "it-IT";
    res.locals.formatDate = (d: Date | string | null) =>
      d ? new Date(d).toLocaleString(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Rome" }) : "—";
    res.locals.formatDay = (d: Date | string | null) =>
      d ? new Date(d).toLocaleDateString(locale, { dateStyle: "short", timeZone: "Europe/Rome" }) : "—";
    next();
  });
  admin.get("/", dashboardPage(services));
  admin.use(applicationListRoutes(services));
  admin.use(applicationRoutes(services));
  admin.use(organizationRoutes(services));
  admin.use(improvementPlanAdminRoutes(services));
  admin.use(classificationRoutes(services));
  admin.use(verificationRoutes(services));
  admin.use(reportRoutes(services));
  admin.use(activityRoutes(services));
  admin.use(outreachAdminRoutes(services));
  admin.use(integrationAdminRoutes(services));
  admin.get("/statistiche", staffStatisticsPage(services));
  admin.use(adminMonitoringReportRoutes(services));
  admin.use("/utenti", requireRole("ADMIN"), staffRoutes(services, limits));
  admin.use("/enti", requireRole("ADMIN"), localAuthorityAdminRoutes(services, limits));
  admin.use("/patto", pactAdminRoutes(services));
  admin.use("/reti", networkAdminRoutes(services));
  admin.use("/impostazioni", requireRole("ADMIN"), settingsRoutes(services));

  const router = Router();
  router.use("/admin", admin);
  return router;
}
