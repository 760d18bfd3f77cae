// npm run bench:export: memory of the server while it streams each full open
// data export (issue: "100,000 organizations download without the server
// holding them all in memory"; target: growth under 100 MB).
//
// Database: EXPORT_DATABASE_URL (already filled, e.g. `npm run db:seed --
// --synthetic 100000`), otherwise a throwaway PostgreSQL cluster from this
// machine's binaries (the test helpers'), migrated and filled with
// EXPORT_ORGANIZATIONS synthetic organizations (default 100,000), removed at the end.
// Server: the real one (src/server.ts) in a child process, production mode. Its
// resident memory (VmRSS of /proc/<pid>/status) is sampled every 20 ms while
// each export downloads; the client stops reading for EXPORT_PAUSE_MS (2 s)
// after the first megabyte, so a server without backpressure would buffer the
// rest of the file meanwhile and show it. EXPORT_FILES limits the files.
// Linux only (/proc).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { connect } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrate.js";
import { seedReferenceData } from "../src/db/seed/referenceData.js";
import { seedSynthetic } from "../src/db/seed/syntheticData.js";
import { DOWNLOADS } from "../src/services/openDataService.js";
import { databaseUrl, withAdminClient } from "../tests/helpers/globalSetup.js";
import { findPostgresBinDir, freePort, startThrowawayCluster, type Cleanup } from "../tests/helpers/postgresCluster.js";

const TARGET_MB = 100;
const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const env = process.env;
const organizations = Number(env.EXPORT_ORGANIZATIONS ?? 100_000);
const pauseMs = Number(env.EXPORT_PAUSE_MS ?? 2_000);
/** Only some files: EXPORT_FILES="registro.csv hsds.json" (default: every download). */
const files = (env.EXPORT_FILES ?? "").split(/\s+/).filter(Boolean);

const cleanups: Cleanup[] = [];
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error("cleanup:", error);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process, from the kernel (bytes). */
function rss(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(field + ":"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error("\nExport memory bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);

async function main() {
  const url = await prepareDatabase();
  const { base, pid } = await startServer(url);
  // Warm up code paths (views, the API) without any export, then take the baseline.
  for (const path of ["/open-data", "/statistiche", "/api/v1/comuni"]) await (await fetch(base + path)).text();
  await sleep(500);
  const baseline = rss(pid);
  console.log(`\nServer RSS after start and warm-up (baseline): ${mb(baseline)} MB\n`);

  const results: { file: string; bytes: number; seconds: number; peak: number; records: number | null }[] = [];
  for (const file of files.length ? files : Object.keys(DOWNLOADS)) {
    const result = await download(base, pid, file);
    results.push(result);
    console.log(
      `  ${file.padEnd(18)} ${mb(result.bytes).padStart(7)} MB in ${result.seconds.toFixed(1)} s, ` +
        `${result.records === null ? "" : `${result.records.toLocaleString("en")} rows, `}` +
        `peak RSS ${mb(result.peak)} MB (growth ${mb(result.peak - baseline)} MB)`,
    );
  }
  const peak = Math.max(...results.map((r) => r.peak));
  const growth = peak - baseline;
  console.log(
    `\nBaseline RSS ${mb(baseline)} MB; highest RSS during the exports ${mb(peak)} MB; kernel high-water mark ${mb(rss(pid, "VmHWM"))} MB.`,
  );
  console.log(
    `Memory growth while streaming: ${mb(growth)} MB (target < ${TARGET_MB} MB): ${growth < TARGET_MB * MB ? "met" : "NOT met"}.`,
  );
}

async function download(base: string, pid: number, file: string) {
  let peak = rss(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss(pid));
  }, 20);
  const started = Date.now();
  try {
    const response = await fetch(`${base}/open-data/${file}`);
    if (!response.ok || !response.body) throw new Error(`${file}: HTTP ${response.status}`);
    const reader = response.body.getReader();
    let bytes = 0;
    let paused = false;
    let newlines = 0;
    let tail = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      newlines += text.split("\n").length - 1;
      tail = (tail + text).slice(-64);
      if (!paused && bytes > MB) {
        paused = true;
        await sleep(pauseMs);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    // CSV rows (minus the header); JSON files are not parsed, only their size told.
    const records = file.endsWith(".csv") ? newlines - 1 : null;
    if (!/[\]}]\s*$|\n$/.test(tail)) throw new Error(`${file}: the download ended early`);
    return { file, bytes, seconds, peak: Math.max(peak, rss(pid)), records };
  } finally {
    clearInterval(sampler);
  }
}

async function prepareDatabase(): Promise<string> {
  if (env.EXPORT_DATABASE_URL) {
    console.log("Database: EXPORT_DATABASE_URL, used as it is");
    return env.EXPORT_DATABASE_URL;
  }
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error("No PostgreSQL binaries found: install PostgreSQL or set EXPORT_DATABASE_URL.");
  const adminUrl = await startThrowawayCluster(binDir, cleanups);
  await withAdminClient(adminUrl, (client) => client.query('CREATE DATABASE "registro_export"'));
  const url = databaseUrl(adminUrl, "registro_export");
  console.log(`Loading ${organizations.toLocaleString("en")} synthetic organizations...`);
  const db = connect(url, 8, "server", async () => {});
  try {
    const started = Date.now();
    await applyMigrations(url);
    await seedReferenceData(db.prisma);
    await seedSynthetic(db.pool, organizations, (message) => console.log(`  ${message}`));
    await db.pool.query("VACUUM ANALYZE");
    const { rows } = await db.pool.query<{ registered: number; measures: number }>(
      `SELECT (SELECT count(*)::int FROM "Organization" WHERE "registryStatus" = 'REGISTERED') AS registered,
              (SELECT count(*)::int FROM "Measure") AS measures`,
    );
    console.log(
      `Loaded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${rows[0]!.registered.toLocaleString("en")} registered organizations, ${rows[0]!.measures.toLocaleString("en")} measures`,
    );
  } finally {
    await db.close();
  }
  return url;
}

async function startServer(url: string): Promise<{ base: string; pid: number }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: projectRoot,
    env: {
      ...env,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      DATABASE_URL: url,
      SEED_DEMO_DATA: "false",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) {
        console.log(`Server: node --import tsx src/server.ts (production) on ${base}, pid ${child.pid}`);
        return { base, pid: child.pid! };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error("the server did not answer /health within 120 s");
}
