import compression from "compression";
import express from "express";
import path from "node:path";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { Logger } from "./logger.js";
import { projectRoot } from "./paths.js";
import type { Services } from "./services/index.js";
import type { I18n } from "./locales/i18n.js";
import { rateLimits } from "./middleware/rateLimits.js";
import { requestLogging } from "./middleware/requestLogging.js";
import { securityHeaders } from "./middleware/securityHeaders.js";
import { health } from "./middleware/health.js";
import { createProjectAssetUrls, staticAssets } from "./middleware/staticAssets.js";
import { internationalization } from "./middleware/i18n.js";
import { sessionCookie, sessions } from "./middleware/session.js";
import { authentication, createAuthenticator } from "./middleware/authentication.js";
import { csrfProtection } from "./middleware/csrf.js";
import { viewLocals } from "./middleware/viewLocals.js";
import { rejectMalformedPageRequests } from "./middleware/malformedInput.js";
import { errorHandler, notFound } from "./middleware/errorHandlers.js";
import { publicFeedRoutes, publicRoutes } from "./routes/public/index.js";
import { loginRoutes } from "./routes/accounts/login.js";
import { accountsRoutes } from "./routes/accounts/index.js";
import { companyRoutes } from "./routes/company/index.js";
import { adminRoutes } from "./routes/admin/index.js";
import { localAuthorityRoutes } from "./routes/localAuthority/index.js";
import { problemReportRoutes } from "./routes/public/problemReport.js";
import { apiRoutes } from "./routes/api/index.js";
import { oneClickUnsubscribe } from "./routes/public/alertUnsubscribe.js";
import { useScopedTemplates } from "./viewTemplates.js";

export interface AppDependencies {
  config: Config;
  db: Database;
  logger: Logger;
  /** Built by the caller (src/server.ts, tests/helpers/testApp.ts) with createServices. */
  services: Services;
  i18n: I18n;
}

/** The whole web application, in middleware order. Tests build the same app. */
export function createApp({ config, db, logger, services, i18n }: AppDependencies) {
  // HTTP concerns: built here and handed to the routes that limit requests.
  const limits = rateLimits(db.prisma, config);
  const authenticator = createAuthenticator(services.auth);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.set("view engine", "ejs");
  const views = path.join(projectRoot, "views");
  app.set("views", views);
  // Indentation and blank lines of the templates are not sent (a results page was a third whitespace);
  // line breaks stay, so words on separate lines keep their space. Data is never touched.
  // Includes name their template from views/ ("/partials/top"): EJS looks a relative one up on
  // disk (existsSync) at every include of every page, 2-3 % of a results page's CPU.
  // Without `with (locals)`: each template declares the names it uses (viewTemplates.ts).
  useScopedTemplates();
  // In production templates run without EJS's line tracking (compileDebug), a few per cent of a
  // page's rendering; development and tests keep it, so a template error there names its line.
  app.set("view options", { rmWhitespace: true, root: views, _with: false, compileDebug: !config.isProduction });
  app.set("query parser", "simple");
  // Views link every CSS, script, icon and font through asset(): versioned URLs, cached for a year.
  const assets = createProjectAssetUrls(config.isProduction);
  app.locals.asset = assets.url;

  app.use(requestLogging(logger));
  app.use(securityHeaders(config));
  // Brotli or gzip for every compressible type (HTML, JSON, GeoJSON, CSV, CSS, JS)
  // the client accepts; streamed answers stay streamed. Open-data files are stored
  // compressed already and say so (Content-Encoding), so they pass through untouched.
  app.use(compression());
  app.use(health(db, () => services.registry.memoryIndexStatus()));
  app.use(staticAssets(assets));
  app.use(internationalization(i18n));
  app.use(viewLocals(config));
  // Read-only JSON, before body parsing, sessions and CSRF: no session, no writes, and its own
  // guards so that every answer, a refused one too, is problem+json with CORS (routes/api/index.ts).
  app.use(apiRoutes(services, limits.api, logger));
  app.use(publicFeedRoutes(services));
  app.use(express.urlencoded({ extended: false, limit: "100kb", parameterLimit: 200 }));
  app.use(rejectMalformedPageRequests);
  // A mail client's one-click unsubscribe (RFC 8058) carries no CSRF token: its URL's token is the credential.
  app.use(oneClickUnsubscribe(services));
  app.use(sessions(config, db.pool));
  app.locals.sessionCookie = sessionCookie(config);
  app.use(authentication(authenticator));
  app.use(csrfProtection(config));

  app.use(publicRoutes(services, limits));
  app.use(loginRoutes(services, limits, authenticator));
  app.use(accountsRoutes(services, limits));
  app.use(companyRoutes(services, limits));
  app.use(localAuthorityRoutes(services));
  app.use(problemReportRoutes(services, limits));
  app.use(adminRoutes(services, limits));

  app.use(notFound);
  app.use(errorHandler(logger, !config.isProduction && config.env !== "test"));
  return app;
}
