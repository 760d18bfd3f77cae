// `npm run db:migrate`: applies the pending migrations of prisma/migrations to
// DATABASE_URL or, without it, to the embedded database in EMBEDDED_DB_DIR.
import "dotenv/config";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embeddedPostgres.js";
import { applyMigrations } from "./migrate.js";

async function main(): Promise<void> {
  const started = performance.now();
  let embedded: EmbeddedPostgres | undefined;
  let connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    const dir = process.env.EMBEDDED_DB_DIR ?? "./data/pglite";
    embedded = await startEmbeddedPostgres(dir);
    connectionString = embedded.connectionString;
    console.log(`embedded database: ${dir}`);
  }
  try {
    const applied = await applyMigrations(connectionString);
    for (const name of applied) console.log(`applied ${name}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(applied.length ? `${applied.length} migration(s) applied in ${seconds} s` : "database is up to date");
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
