// PostgreSQL clusters of this machine's binaries, started in a temporary folder and
// removed again: the test suite's shared cluster (tests/helpers/globalSetup.ts),
// the fault tests' own cluster they stop and restart (tests/integration/faults.test.ts),
// the bench and soak scripts (scripts/bench.ts, scripts/soak.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Cleanup = () => unknown;

// ---------- throwaway cluster ----------

export const CLUSTER_DIR_PREFIX = "registro-test-pg-";
export const PGLITE_DIR_PREFIX = "registro-test-pglite-";
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
  return (await startCluster(binDir, cleanups)).url;
}

/** A running throwaway cluster that can be stopped and started again on the same port. */
export interface ThrowawayCluster {
  /** URL of its `postgres` database. */
  url: string;
  port: number;
  dir: string;
  /** pg_ctl stop: "fast" disconnects the clients (they see 57P01), "immediate" kills the server. */
  stop(mode?: "fast" | "immediate"): void;
  /** pg_ctl start again, same data and port. */
  start(): void;
}

/** Starts a cluster in a new temporary folder, removed by `cleanups` (and at process exit). */
export async function startCluster(binDir: string, cleanups: Cleanup[]): Promise<ThrowawayCluster> {
  const dir = makeOwnedTempDir(CLUSTER_DIR_PREFIX);
  // initdb and pg_ctl refuse to run as root: as root they run as `postgres`.
  if (runningAsRoot) chownSync(dir, postgresUserId("-u"), postgresUserId("-g"));
  const remove = () => stopCluster(binDir, dir);
  cleanups.push(remove);
  // Also when vitest exits without running teardowns (Ctrl+C).
  process.once("exit", remove);
  const data = join(dir, "data");
  const started = Date.now();
  runTool(
    binDir,
    "initdb",
    ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
    dir,
  );
  const start = (port: number) => {
    const options =
      `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off ` +
      "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
    runTool(
      binDir,
      "pg_ctl",
      ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"],
      dir,
    );
  };
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      start(port);
      console.log(
        `Throwaway PostgreSQL cluster on 127.0.0.1:${port} ` +
          `(${binDir}, ${dir}), started in ${Date.now() - started} ms`,
      );
      return {
        url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
        port,
        dir,
        stop: (mode = "fast") => runTool(binDir, "pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"], dir),
        start: () => start(port),
      };
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
export function removeAbandonedFolders(binDir: string | undefined) {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_DIR_PREFIX) && !name.startsWith(PGLITE_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const owner = Number(readFileSafe(join(dir, "owner.pid")));
    if (owner && !isAlive(owner)) stopCluster(binDir, dir);
  }
}

/** A temporary folder marked with our process id, see removeAbandonedFolders. */
export function makeOwnedTempDir(prefix: string): string {
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
