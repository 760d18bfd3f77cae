import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./embeddedPostgres.js";
import { NO_FILTERS, withSchemaEngine, type MigrationList } from "./schemaEngine.js";

// src/db and dist/db are both two levels below the project root.
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const MIGRATIONS_DIR = join(projectRoot, "prisma", "migrations");
export const SCHEMA_PATH = join(projectRoot, "prisma", "schema.prisma");
export const LOCKFILE_NAME = "migration_lock.toml";

/** The migrations folder in the shape the schema engine expects, oldest first. */
export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationList {
  const lockPath = join(dir, LOCKFILE_NAME);
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE_NAME, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * Applies the migrations not yet recorded in `_prisma_migrations` (the table
 * `prisma migrate deploy` uses) and returns their names; [] when up to date.
 */
export async function applyMigrations(connectionString: string, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = readMigrations(dir);
  const output = await withSchemaEngine(connectionString, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return output.appliedMigrationNames;
}

/**
 * Runs `fn` on an empty scratch database: SHADOW_DATABASE_URL (wiped first, as
 * Prisma does with a shadow database) or a throwaway embedded PGlite.
 */
async function withScratchDatabase<T>(fn: (connectionString: string, external: boolean) => Promise<T>): Promise<T> {
  const external = process.env.SHADOW_DATABASE_URL;
  if (external) return fn(external, true);
  const dir = mkdtempSync(join(tmpdir(), "registro-shadow-"));
  try {
    const scratch = await startEmbeddedPostgres(dir);
    try {
      return await fn(scratch.connectionString, false);
    } finally {
      await scratch.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The SQL that takes the database at `connectionString` to `prisma/schema.prisma`,
 * or null when they agree (`_prisma_migrations` is ignored).
 */
export async function diffDatabaseToSchema(connectionString: string, schemaPath = SCHEMA_PATH): Promise<string | null> {
  const content = readFileSync(schemaPath, "utf8");
  const files = [{ path: schemaPath, content }];
  const output = await withSchemaEngine(
    connectionString,
    (engine) =>
      engine.diff({
        from: { tag: "schemaDatasource", files, configDir: projectRoot },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true, // 2 when not empty, as `prisma migrate diff --exit-code`
        filters: NO_FILTERS,
      }),
    { datamodels: [[schemaPath, content]] },
  );
  return output.exitCode === 2 ? (output.stdout ?? "") : null;
}

/**
 * The SQL that takes a database built by the migrations to `prisma/schema.prisma`,
 * or null when they agree. The migrations are applied to a scratch database that
 * is then diffed, rather than diffed with `from: migrations`: on that path the
 * engine (8.1.0-2) drops the schema's preview features, so it loses the
 * postgresqlExtensions and always asks to create cube/earthdistance/unaccent again.
 */
export function diffMigrationsToSchema(options: { dir?: string; schemaPath?: string } = {}): Promise<string | null> {
  return withScratchDatabase(async (url, external) => {
    if (external) await withSchemaEngine(url, (engine) => engine.reset({ filter: NO_FILTERS }));
    await applyMigrations(url, options.dir);
    return diffDatabaseToSchema(url, options.schemaPath);
  });
}
