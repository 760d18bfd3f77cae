// Global setup of the integration and browser projects: chooses the PostgreSQL
// server, migrates a template database once, and hands its coordinates to test
// files, which clone it with createTestDatabase() (tests/helpers/testDatabase.ts).
// Server, in order of preference:
//   1. TEST_DATABASE_URL: an existing server; its role needs CREATEDB.
//   2. A throwaway cluster from this machine's PostgreSQL binaries, removed at the end.
//   3. No PostgreSQL installed (or TEST_EMBEDDED_POSTGRES=1): embedded PGlite.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/db/embeddedPostgres.js";

export type TestDatabaseServer =
  /** Test files clone `template` on the server of `adminUrl` into databases named `prefix_*`. */
  | { kind: "server"; adminUrl: string; template: string; prefix: string }
  /** Test files copy the migrated PGlite folder `templateDir` into `workDir` and open the copy. */
  | { kind: "embedded"; templateDir: string; workDir: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServer: TestDatabaseServer;
  }
}

export type Cleanup = () => unknown;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Cleanup[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    project.provide("testDatabaseServer", await prepareServer(cleanups));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function prepareServer(cleanups: Cleanup[]): Promise<TestDatabaseServer> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    console.log(`Test databases: server of TEST_DATABASE_URL (${new URL(url).host})`);
    return prepareTemplate(url, cleanups, true);
  }
  const forced = process.env.TEST_EMBEDDED_POSTGRES === "1";
  const binDir = forced ? undefined : findPostgresBinDir();
  removeAbandonedFolders(binDir);
  if (binDir) return prepareTemplate(await startThrowawayCluster(binDir, cleanups), cleanups, false);
  console.warn(
    `\n*** ${forced ? "TEST_EMBEDDED_POSTGRES=1" : "No PostgreSQL installed"}: ` +
      "tests run on embedded PGlite (PostgreSQL in WebAssembly), NOT on a real server.\n" +
      "*** Install PostgreSQL or set TEST_DATABASE_URL to test against a real server.\n",
  );
  return prepareEmbeddedTemplate(cleanups);
}

async function prepareTemplate(adminUrl: string, cleanups: Cleanup[], dropAtEnd: boolean) {
  const prefix = `test_${randomBytes(4).toString("hex")}`;
  const template = `${prefix}_template`;
  if (dropAtEnd) cleanups.push(() => dropDatabases(adminUrl, prefix));
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${template}"`));
  await migrate(databaseUrl(adminUrl, template));
  // CREATE DATABASE ... TEMPLATE fails while anyone else is connected to the template.
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`ALTER DATABASE "${template}" ALLOW_CONNECTIONS false`);
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [template]);
  });
  return { kind: "server" as const, adminUrl, template, prefix };
}

async function prepareEmbeddedTemplate(cleanups: Cleanup[]): Promise<TestDatabaseServer> {
  const workDir = makeOwnedTempDir(PGLITE_DIR_PREFIX);
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const templateDir = join(workDir, "template");
  const embedded = await startEmbeddedPostgres(templateDir);
  try {
    await migrate(embedded.connectionString);
  } finally {
    await embedded.stop();
  }
  return { kind: "embedded", templateDir, workDir };
}

async function migrate(connectionString: string) {
  const started = Date.now();
  // Imported here so that test files importing this module's helpers skip the schema engine.
  const { applyMigrations } = await import("../../src/db/migrate.js");
  const applied = await applyMigrations(connectionString);
  console.log(`Test template: ${applied.length} migrations applied in ${Date.now() - started} ms`);
}

async function dropDatabases(adminUrl: string, prefix: string) {
  await withAdminClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`${prefix}_`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

/** `url` with its database name replaced. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ---------- throwaway cluster ----------

const CLUSTER_DIR_PREFIX = "registro-test-pg-";
const PGLITE_DIR_PREFIX = "registro-test-pglite-";
const runningAsRoot = process.getuid?.() === 0;

export function findPostgresBinDir(): string | undefined {
  const candidates = ["/usr/lib/postgresql/15/bin", pgConfigBinDir(), ...installedBinDirs()];
  return candidates.find((dir) => dir && ["initdb", "pg_ctl", "postgres"].every((tool) => existsSync(join(dir, tool))));
}

function pgConfigBinDir(): string | undefined {
  try {
    const output = execFileSync("pg_config", ["--bindir"], { stdio: ["ignore", "pipe", "ignore"] });
    return output.toString().trim();
  } catch {
    return undefined;
  }
}

function installedBinDirs(): string[] {
  if (!existsSync("/usr/lib/postgresql")) return [];
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => `/usr/lib/postgresql/${version}/bin`);
}

/** Starts a cluster in a new temporary folder; returns the URL of its `postgres` database. */
export async function startThrowawayCluster(binDir: string, cleanups: Cleanup[]): Promise<string> {
  const dir = makeOwnedTempDir(CLUSTER_DIR_PREFIX);
  // initdb and pg_ctl refuse to run as root: as root they run as `postgres`.
  if (runningAsRoot) chownSync(dir, postgresUserId("-u"), postgresUserId("-g"));
  const stop = () => stopCluster(binDir, dir);
  cleanups.push(stop);
  // Also when vitest exits without running teardowns (Ctrl+C).
  process.once("exit", stop);
  const data = join(dir, "data");
  const started = Date.now();
  runTool(
    binDir,
    "initdb",
    ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
    dir,
  );
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options =
      `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off ` +
      "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
    try {
      runTool(
        binDir,
        "pg_ctl",
        ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"],
        dir,
      );
      console.log(
        `Throwaway PostgreSQL cluster on 127.0.0.1:${port} ` +
          `(${binDir}, ${dir}), started in ${Date.now() - started} ms`,
      );
      return `postgresql://postgres@127.0.0.1:${port}/postgres`;
    } catch (error) {
      // Another process may have taken the port in between: try another one.
      if (attempt === 3) throw new Error(`pg_ctl start failed:\n${readLog(dir)}`, { cause: error });
    }
  }
}

function stopCluster(binDir: string | undefined, dir: string) {
  if (binDir && existsSync(join(dir, "data", "postmaster.pid"))) {
    spawnTool(binDir, "pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"], dir);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Clusters and folders of earlier runs whose vitest process died without cleaning up. */
function removeAbandonedFolders(binDir: string | undefined) {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_DIR_PREFIX) && !name.startsWith(PGLITE_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const owner = Number(readFileSafe(join(dir, "owner.pid")));
    if (owner && !isAlive(owner)) stopCluster(binDir, dir);
  }
}

/** A temporary folder marked with our process id, see removeAbandonedFolders. */
function makeOwnedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "owner.pid"), String(process.pid));
  return dir;
}

function postgresUserId(flag: "-u" | "-g"): number {
  return Number(execFileSync("id", [flag, "postgres"]).toString().trim());
}

function spawnTool(binDir: string, tool: string, args: string[], cwd: string) {
  const path = join(binDir, tool);
  const [command, argv] = runningAsRoot ? ["runuser", ["-u", "postgres", "--", path, ...args]] : [path, args];
  return spawnSync(command, argv, { cwd, encoding: "utf8" });
}

function runTool(binDir: string, tool: string, args: string[], cwd: string) {
  const result = spawnTool(binDir, tool, args, cwd);
  if (result.status !== 0) {
    const output = `${result.stderr}${result.stdout}${result.error ?? ""}`.trim();
    throw new Error(`${tool} failed (exit ${result.status}): ${output}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function readLog(dir: string): string {
  return readFileSafe(join(dir, "server.log"));
}
