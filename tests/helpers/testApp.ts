import { createApp } from "../../src/app.js";
import { testConfig, type Config } from "../../src/config.js";
import { createRepositories } from "../../src/data/index.js";
import { createI18n } from "../../src/locales/i18n.js";
import { createServices, type Services } from "../../src/services/index.js";
import type { Database } from "../../src/db/database.js";
import { createLogger } from "../../src/logger.js";
import { seedReferenceData } from "../../src/db/seed/referenceData.js";
import { seedDemoData } from "../../src/db/seed/demoData.js";
import { createTestDatabase, type TestDatabase } from "./testDatabase.js";

export interface TestContext {
  db: TestDatabase;
  app: ReturnType<typeof createApp>;
  services: Services;
  config: Config;
}

/** Limits no test file reaches by ordinary use (tests of the limits themselves set their own). */
export const roomyRateLimits = {
  login: { windowMs: 60_000, limit: 100 },
  publicForms: { windowMs: 60_000, limit: 100 },
};

/** The app as src/server.ts builds it: its own services on `db`, with the given configuration. */
export function buildApp(config: Config, db: Database, logger = createLogger("silent")) {
  const i18n = createI18n();
  const services = createServices(createRepositories(db.prisma, db.pool), config, i18n);
  return { app: createApp({ config, db, logger, services, i18n }), services };
}

/** A database of this test file's own, with the reference data, and the app on it. */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  await seedReferenceData(db.prisma);
  const config = testConfig(overrides);
  const { app, services } = buildApp(config, db);
  return { db, app, services, config };
}

/** The same, with the demo register that `npm start` puts in an empty database. */
export async function createDemoTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const ctx = await createTestContext(overrides);
  await seedDemoData(ctx.db.prisma);
  return ctx;
}
