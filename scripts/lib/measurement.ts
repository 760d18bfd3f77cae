// What the measurement scripts share (scripts/bench.ts, scripts/soak.ts,
// scripts/exportMemory.ts): cleanup at the end, also on Ctrl+C or failure; the
// real server (src/server.ts) in a child process; autocannon; the memory of a
// process; formatting. Their throwaway database is in ./database.ts.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { freePort, type Cleanup } from "../../tests/helpers/postgresCluster.js";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

// ---------- cleanup, also on Ctrl+C ----------

/** What to undo at the end, latest first: servers, clients, the database cluster. */
export const cleanups: Cleanup[] = [];
/** The autocannon run under way, if any: stopped before anything else. */
let running: AutocannonInstance | undefined;

export async function cleanUp() {
  running?.stop();
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error("cleanup:", error);
    }
  }
}

/**
 * SIGINT (Ctrl+C) and SIGTERM run the cleanups, then end the process with
 * 130 or 143 (`exitCode`: the same for both), saying so on stderr unless `quiet`.
 */
export function cleanUpOnSignals(options: { quiet?: boolean; exitCode?: number } = {}) {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      if (!options.quiet) console.error(`\n${signal}: stopping the server and the database...`);
      void cleanUp().finally(() => process.exit(options.exitCode ?? code));
    });
  }
}

/**
 * Runs `main`, then the cleanups whatever happened; returns its exit code
 * (0 when it returns none), or 1 after `<what> failed:` and the error.
 */
export async function runMeasurement(what: string, main: () => Promise<number | void>): Promise<number> {
  try {
    return (await main()) ?? 0;
  } catch (error) {
    console.error(`\n${what} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  } finally {
    await cleanUp();
  }
}

// ---------- server ----------

export interface Server {
  /** http://127.0.0.1:<port> */
  base: string;
  child: ChildProcess;
}

/** The server's own lines when prefixed; after the first few only counted (an overloaded server logs a lot). */
const SERVER_LINES_SHOWN = 10;
let serverLines = 0;

/**
 * Starts the real server (node --import tsx src/server.ts) in a child process,
 * in production mode with a random SESSION_SECRET, on a free port of
 * 127.0.0.1; stopped by the cleanups. `output`: "inherit" passes its output
 * through, "prefixed" shows its first lines as `  [server] ...`.
 */
export async function spawnServer(
  databaseUrl: string,
  options: { env?: Record<string, string>; output: "inherit" | "prefixed"; nodeArgs?: string[] },
): Promise<Server> {
  const port = await freePort();
  // `nodeArgs`: what node runs, e.g. ["dist/server.js"] for the compiled server.
  const child = spawn(process.execPath, options.nodeArgs ?? ["--import", "tsx", "src/server.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      DATABASE_URL: databaseUrl,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO_DATA: "false",
      OPEN_DATA_IPA_CODE: "demo_ipa",
      OPEN_DATA_CONTACT_EMAIL: "open-data@demo.invalid",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: options.output === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (options.output === "prefixed") prefixOutput(child);
  cleanups.push(() => stopServer(child));
  return { base: `http://127.0.0.1:${port}`, child };
}

/** Waits until /health answers ok, at most 120 s; fails at once if the server exits. Returns the milliseconds it took. */
export async function waitUntilHealthy({ base, child }: Server): Promise<number> {
  const started = Date.now();
  const exited = new Promise<never>((_resolve, reject) => {
    const fail = () =>
      reject(new Error(`the server exited (${child.signalCode ?? `code ${child.exitCode}`}) before it was ready`));
    if (child.exitCode !== null || child.signalCode !== null) fail();
    else child.once("exit", fail);
  });
  exited.catch(() => {});
  while (Date.now() - started < 120_000) {
    const ok = await Promise.race([health(base), exited]);
    if (ok) return Date.now() - started;
    await Promise.race([sleep(250), exited]);
  }
  throw new Error("the server did not answer /health within 120 s");
}

/** The server on a free port (output passed through), once /health answers; says where and its pid. */
export async function startServer(databaseUrl: string): Promise<Server> {
  const server = await spawnServer(databaseUrl, { output: "inherit" });
  await waitUntilHealthy(server);
  console.log(`Server: node --import tsx src/server.ts (production) on ${server.base}, pid ${server.child.pid}`);
  return server;
}

export async function health(base: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}/health`);
    return response.ok && ((await response.json()) as { status?: string }).status === "ok";
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after 15 s; nothing if it has already exited. */
export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
  if (serverLines > SERVER_LINES_SHOWN)
    console.log(`The server wrote ${serverLines} log lines (level warn and above).`);
}

function prefixOutput(child: ChildProcess) {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    let pending = "";
    stream?.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines.filter((l) => l.trim())) {
        if (++serverLines <= SERVER_LINES_SHOWN) console.log(`  [server] ${line.slice(0, 500)}`);
        else if (serverLines === SERVER_LINES_SHOWN + 1)
          console.log("  [server] ... (further lines counted, not shown)");
      }
    });
  }
}

// ---------- autocannon (CommonJS, no type declarations installed) ----------

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: "response", fn: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
  stop(): void;
}
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  /** Requests per second over all connections. */
  overallRate?: number;
  requests?: ({ method: string; path: string } | { setupRequest: (request: { path: string }) => { path: string } })[];
}

/** One autocannon run, stopped by cleanUp (Ctrl+C) while it lasts; `onResponse` hears each response. */
export async function runAutocannon(
  options: AutocannonOptions,
  onResponse?: (statusCode: number, ms: number) => void,
): Promise<AutocannonResult> {
  const autocannon = createRequire(import.meta.url)("autocannon") as (options: AutocannonOptions) => AutocannonInstance;
  const instance = autocannon(options);
  running = instance;
  if (onResponse) instance.on("response", (_client, statusCode, _bytes, ms) => onResponse(statusCode, ms));
  try {
    return await instance;
  } finally {
    running = undefined;
  }
}

// ---------- memory ----------

export const MB = 1024 * 1024;

/**
 * Resident memory of a process in bytes, from /proc/<pid>/status: VmRSS, or
 * VmHWM (the kernel's high-water mark, Linux only). Elsewhere ps tells VmRSS.
 */
export function readRss(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux: ask ps
  }
  if (field !== "VmRSS") throw new Error(`${field} of process ${pid}: no /proc/${pid}/status`);
  return (
    Number(
      execFileSync("ps", ["-o", "rss=", "-p", String(pid)])
        .toString()
        .trim(),
    ) * 1024
  );
}

// ---------- formatting ----------

/** Bytes as megabytes, one decimal. */
export function mb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
