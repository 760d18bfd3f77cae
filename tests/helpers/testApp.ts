import { createApp } from "../../src/app.js";
import { testConfig, type Config } from "../../src/config.js";
import type { Services } from "../../src/services/index.js";
import { createLogger } from "../../src/logger.js";
import { seedReferenceData } from "../../src/db/seed/referenceData.js";
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

/** A database of this test file's own, with the reference data, and the app on it. */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  await seedReferenceData(db.prisma);
  const config = testConfig(overrides);
  const app = createApp({ config, db, logger: createLogger("silent") });
  return { db, app, services: app.locals.services as Services, config };
}
