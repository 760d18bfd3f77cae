import { loadServerConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { openDatabase, poolSettled } from "./db/database.js";
import { applyMigrations } from "./db/migrate.js";
import { withStartupLock } from "./db/startupLock.js";
import { seedReferenceData } from "./db/seed/referenceData.js";
import { seedDemoData } from "./db/seed/demoData.js";
import { createApp } from "./app.js";
import nodemailer from "nodemailer";
import { createRepositories } from "./data/index.js";
import { createI18n } from "./locales/i18n.js";
import { createServices } from "./services/index.js";
import { startMailWorker } from "./services/shared/mailService.js";
import { startJobs } from "./services/shared/jobs.js";

const config = loadServerConfig();
const logger = createLogger(config.logLevel);

const db = await openDatabase({
  databaseUrl: config.databaseUrl,
  embeddedDir: config.embeddedDbDir,
  poolSize: config.dbPoolSize,
});
// An idle connection losing its server (restart, failover) is dropped by the pool; the next query reconnects.
db.pool.on("error", (err) =>
  logger.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, "database connection lost"),
);
logger.info(
  { database: db.kind },
  db.kind === "embedded" ? `embedded PostgreSQL in ${config.embeddedDbDir}` : "PostgreSQL server",
);

// Instances started together take turns: one migrates and seeds, the others wait and find it done.
await withStartupLock(db, async () => {
  const applied = await applyMigrations(db.connectionString);
  if (applied.length > 0) logger.info({ applied }, "migrations applied");
  await seedReferenceData(db.prisma);
  // Demo data only fills an empty register: it never touches real entries.
  if (config.seedDemoData) await seedDemoData(db.prisma);
});

const i18n = createI18n();
const services = createServices(createRepositories(db.prisma, db.pool), config, i18n);
const app = createApp({ config, db, logger, services, i18n });
const server = app.listen(config.port, config.host, () => {
  logger.info(`Registro del welfare aziendale: http://localhost:${config.port}`);
});
// The in-process search index, before the first visitor's search rather than on it.
void services.registry.buildMemoryIndex().then((index) => {
  if (index) logger.info({ organizations: index.size, mb: Math.round(index.bytes / 2 ** 20) }, "search index built");
});

// Without SMTP settings e-mails stay in the outbox table for developers to read.
const stopMailWorker = config.smtp
  ? startMailWorker(services.mail, nodemailer.createTransport(config.smtp), logger)
  : () => undefined;

// Periodic work of every instance, each piece claimed in the database so that it is done once.
const stopJobs = startJobs(
  [
    {
      name: "verification-cycle",
      everyMs: config.jobs.verificationEveryMs,
      run: (now) => services.verificationCycle.run(now),
    },
    // The privacy notice's retention: advice requests deleted, event registrants anonymised.
    {
      name: "privacy-retention",
      everyMs: 24 * 3600_000,
      run: async (now) => ({
        ...(await services.adviceRetention.purge(now)),
        ...(await services.eventRegistration.anonymiseExpired(now)),
      }),
    },
    // Digests go at most once a day per subscription whatever the interval (alertDigestRepository.claim).
    { name: "alerts", everyMs: config.jobs.verificationEveryMs, run: (now) => services.alertDigest.run(now) },
  ],
  logger,
);

// SIGTERM/SIGINT: stop accepting, let requests in flight finish, then close the database.
let stopping = false;
async function shutdown(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  stopMailWorker();
  stopJobs();
  const force = setTimeout(() => {
    logger.error("requests still running after 10 s: exiting anyway");
    process.exit(1);
  }, 10_000).unref();
  // Keep-alive connections are closed as soon as their current response is sent.
  // Before Express's own listener: a handler that answers at once has sent its headers after it.
  server.prependListener("request", (_req, res) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
  });
  const closeIdle = setInterval(() => server.closeIdleConnections(), 250).unref();
  server.close(async () => {
    clearInterval(closeIdle);
    if (!(await poolSettled(db.pool))) logger.warn("database still in use 5 s after the last connection closed");
    await db.close().catch((err: unknown) => logger.error({ err }, "closing the database"));
    clearTimeout(force);
    process.exit(exitCode);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

// Express answers errors of handlers (thrown or rejected) with the 500 page. A promise
// rejected elsewhere (a timer, a forgotten await) is a bug to log, not a reason to stop
// serving everybody else. An uncaught exception leaves the process in an unknown state:
// log it and stop gracefully, the supervisor (systemd, Docker, Kubernetes) starts a new one.
process.on("unhandledRejection", (reason) => {
  logger.error({ err: reason }, "unhandled promise rejection (the process keeps running)");
});
process.on("uncaughtException", (err) => {
  logger.fatal({ err }, "uncaught exception: shutting down");
  void shutdown("uncaughtException", 1);
});
