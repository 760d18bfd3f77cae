// `npm run db:seed` fills the database with the reference data and the demo
// register; `npm run db:seed -- --synthetic 100000` loads synthetic
// organizations instead (load tests). Uses DATABASE_URL or the embedded database.
import "dotenv/config";
import { parseArgs } from "node:util";
import { openDatabase } from "./database.js";
import { applyMigrations } from "./migrate.js";
import { seedDemoData } from "./seed/demoData.js";
import { seedReferenceData } from "./seed/referenceData.js";
import { seedSynthetic } from "./seed/syntheticData.js";

const log = (message: string) => console.log(message);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { synthetic: { type: "string" } } });
  const synthetic = values.synthetic === undefined ? null : Number(values.synthetic);
  if (synthetic !== null && (!Number.isInteger(synthetic) || synthetic < 1 || synthetic > 1_000_000)) {
    console.error(`--synthetic wants a whole number from 1 to 1,000,000, got "${values.synthetic}"`);
    process.exitCode = 2;
    return;
  }

  const started = performance.now();
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    embeddedDir: process.env.EMBEDDED_DB_DIR ?? "./data/pglite",
    poolSize: 2,
  });
  try {
    let step = performance.now();
    const applied = await applyMigrations(db.connectionString);
    log(`migrations: ${applied.length ? applied.join(", ") : "up to date"} (${seconds(step)})`);

    step = performance.now();
    const reference = await seedReferenceData(db.prisma);
    log(`reference data: ${reference.comuni} comuni, ${reference.ateco} ATECO sections (${seconds(step)})`);

    step = performance.now();
    if (synthetic !== null) {
      const loaded = await seedSynthetic(db.pool, synthetic, log);
      log(`synthetic data: ${loaded} organizations loaded (${seconds(step)})`);
    } else {
      const demo = await seedDemoData(db.prisma);
      log(
        demo
          ? `demo data: ${demo.public} public organizations of ${demo.organizations}, ${demo.measures} measures (${seconds(step)})`
          : "demo data: skipped, the register already has organizations",
      );
    }
    log(`done in ${seconds(started)} (${db.kind} database)`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
