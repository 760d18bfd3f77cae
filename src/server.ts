import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { openDatabase } from "./db/database.js";
import { applyMigrations } from "./db/migrate.js";
import { seedReferenceData } from "./db/seed/referenceData.js";
import { seedDemoData } from "./db/seed/demoData.js";
import { createApp } from "./app.js";
import nodemailer from "nodemailer";
import { createOutboxRepository } from "./data/outboxRepository.js";
import { createMailService, startMailWorker } from "./services/mailService.js";

const config = loadConfig();
const logger = createLogger(config.logLevel);

const db = await openDatabase({
  databaseUrl: config.databaseUrl,
  embeddedDir: config.embeddedDbDir,
  poolSize: config.dbPoolSize,
});
logger.info({ database: db.kind }, db.kind === "embedded" ? `embedded PostgreSQL in ${config.embeddedDbDir}` : "PostgreSQL server");

const applied = await applyMigrations(db.connectionString);
if (applied.length > 0) logger.info({ applied }, "migrations applied");
await seedReferenceData(db.prisma);
// Demo data only fills an empty register: it never touches real entries.
if (config.seedDemoData) await seedDemoData(db.prisma);

const app = createApp({ config, db, logger });
const server = app.listen(config.port, config.host, () => {
  logger.info(`Registro del welfare aziendale: http://localhost:${config.port}`);
});

// Without SMTP settings e-mails stay in the outbox table for developers to read.
const stopMailWorker = config.smtp
  ? startMailWorker(createMailService(createOutboxRepository(db.prisma), config.mailFrom), nodemailer.createTransport(config.smtp), logger)
  : () => undefined;

// SIGTERM/SIGINT: stop accepting, let requests in flight finish, then close the database.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  stopMailWorker();
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  server.close(async () => {
    await db.close().catch((err: unknown) => logger.error({ err }, "closing the database"));
    clearTimeout(force);
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
