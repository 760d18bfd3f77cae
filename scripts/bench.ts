// npm run bench: the search pages under load, against the page of the same layout
// without a database query (issue: "three representative searches each reach
// p95 <= 50 ms at 16 concurrent connections and at least half the requests per
// second of the same server on a page without a query").
//
// Database: BENCH_DATABASE_URL (must already hold the data, e.g. after
// `npm run db:seed -- --synthetic 100000`), otherwise a throwaway PostgreSQL
// cluster from this machine's binaries (the test helper's), migrated and
// filled with BENCH_ORGANIZATIONS synthetic organizations (default 100,000),
// removed at the end, also on Ctrl+C or failure.
// Server: the real one (src/server.ts) in a child process, in production mode.
// Load: autocannon, BENCH_CONNECTIONS (16) connections, BENCH_WARMUP_SECONDS (3)
// of warm-up, then BENCH_SECONDS (10) measured per page; each search is a mix
// of URLs (see SEARCHES), asked once each before the load; then the same mixes
// again on a server with SEARCH_CACHE_MB=0 (shown, not judged). p50/p95/p99 come from
// every response's own latency, not from autocannon's summary (it has no p95).
// Exit code 0 whatever the figures (it is a report) unless BENCH_STRICT=1.
import type { ChildProcess } from "node:child_process";
import { arch, availableParallelism, cpus, loadavg, platform } from "node:os";
import pg from "pg";
import { readComuni } from "../src/db/seed/referenceData.js";
import { createThrowawayDatabase, databaseFacts, loadSyntheticData } from "./lib/database.js";
import {
  cleanUpOnSignals,
  cleanups,
  formatDuration,
  health,
  runAutocannon,
  runMeasurement,
  sleep,
  spawnServer,
  stopServer,
  waitUntilHealthy,
} from "./lib/measurement.js";

const P95_LIMIT_MS = 50;
const MIN_RATIO = 0.5;

const BASELINE = { name: "baseline (layout, no query)", paths: ["/accessibilita"] };

// Each search is a mix of parameter values, not one URL: the server caches
// results (services/searchCache.ts), and one URL over and over would measure
// the cache alone. Each request takes the next URL of its mix, in a fixed
// shuffled order. Words are those of src/db/seed/syntheticVocabulary.ts;
// the comuni are the 55 of the Città metropolitana.
const COMUNI = readComuni().map((c) => c.istatCode);
const WORD_CATEGORIES: [string, string][] = [
  ["asilo", "minori"],
  ["nido", "minori"],
  ["doposcuola", "minori"],
  ["ludoteca", "minori"],
  ["screening", "salute"],
  ["palestra", "salute"],
  ["vaccinazione", "salute"],
  ["psicologico", "salute"],
  ["orario", "conciliazione"],
  ["lavanderia", "conciliazione"],
  ["maggiordomo", "conciliazione"],
  ["assistente", "anziani"],
  ["spesa", "anziani"],
  ["telesoccorso", "anziani"],
  ["lingua", "educazione"],
  ["borse", "educazione"],
];
const SEARCHES = [
  {
    name: "text + category",
    paths: WORD_CATEGORIES.flatMap(([q, c]) => [1, 2].map((p) => `/registro?q=${q}&categoria=${c}&pagina=${p}`)),
  },
  { name: "near a comune (15 km)", paths: COMUNI.map((c) => `/registro?vicino=${c}&raggio=15`) },
  {
    name: "text + near + open",
    paths: ["screening", "asilo", "palestra", "centro", "lavanderia"].flatMap((q) =>
      COMUNI.filter((_, i) => i % 3 === 0).map((c) => `/registro?q=${q}&vicino=${c}&raggio=15&aperte=1`),
    ),
  },
];

const env = process.env;
const organizations = positiveInt(env.BENCH_ORGANIZATIONS, 100_000);
const seconds = positiveInt(env.BENCH_SECONDS, 10);
const warmupSeconds = positiveInt(env.BENCH_WARMUP_SECONDS, 3, true);
const connections = positiveInt(env.BENCH_CONNECTIONS, 16);
const strict = env.BENCH_STRICT === "1";
/** More pages to measure and show, not judged: BENCH_EXTRA="/registro /registro?ordina=recenti". */
const extraPaths = (env.BENCH_EXTRA ?? "").split(/\s+/).filter(Boolean);

/** The app servers started so far (one at a time). */
const servers: ChildProcess[] = [];

// Ctrl+C stops the load, the server and the database.
cleanUpOnSignals();

// ---------- main ----------

interface Page {
  name: string;
  paths: string[];
}

interface Measurement {
  name: string;
  /** The first URL of the mix, and how many there are. */
  path: string;
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failures: number;
}

const benchStarted = Date.now();
const exitCode = await runMeasurement("Bench", main);
console.log(`Total bench time: ${formatDuration(Date.now() - benchStarted)}`);
process.exit(exitCode);

async function main(): Promise<number> {
  const date = new Date().toISOString();
  const { url, loadSummary } = await prepareDatabase();

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanups.push(() => admin.end());
  const facts = await databaseFacts(admin);
  console.log(
    `Data: ${facts.registered.toLocaleString("en")} registered organizations ` +
      `(${facts.organizations.toLocaleString("en")} in all), ${facts.measures.toLocaleString("en")} measures`,
  );
  if (facts.registered < 1000)
    console.warn(`*** Only ${facts.registered} registered organizations: the figures say little.`);

  const base = await startServer(url, {});

  console.log("\nChecks before measuring:");
  await checkBaseline(base, admin);
  for (const search of SEARCHES) await checkSearch(base, search);

  console.log(
    `\nLoad: autocannon, ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s measured per page` +
      ` (load average before: ${loadAverage()})`,
  );
  // The baseline before and after the searches: the ratio uses their mean, so a
  // machine getting busier or quieter during the run does not decide the result.
  const baselines = [await measure(base, BASELINE)];
  const results: Measurement[] = [];
  for (const search of SEARCHES) results.push(await measure(base, search));
  const extras: Measurement[] = [];
  for (const path of extraPaths) extras.push(await measure(base, { name: "extra (not judged)", paths: [path] }));
  baselines.push(await measure(base, { ...BASELINE, name: `${BASELINE.name}, again` }));

  // The same mixes on a server without the result cache: what a search costs
  // the database and the page renderer when it has not been asked before.
  await stopServers();
  const uncachedBase = await startServer(url, { SEARCH_CACHE_MB: "0" });
  console.log("  (SEARCH_CACHE_MB=0: every search runs its queries)");
  for (const search of SEARCHES)
    extras.push(await measure(uncachedBase, { ...search, name: `${search.name}, no cache` }, false));

  const allPass = printSummary({ date, facts, loadSummary, baselines, results, extras });
  return strict && !allPass ? 2 : 0;
}

// ---------- database ----------

async function prepareDatabase(): Promise<{ url: string; loadSummary: string }> {
  const external = env.BENCH_DATABASE_URL;
  if (external) {
    console.log(`Database: BENCH_DATABASE_URL (${new URL(external).host}${new URL(external).pathname}), used as it is`);
    return { url: external, loadSummary: "existing database (BENCH_DATABASE_URL)" };
  }
  const url = await createThrowawayDatabase("registro_bench", "or set BENCH_DATABASE_URL");
  const total = await loadSyntheticData(url, organizations, {
    progress: (message) => console.log(`    ${message}`),
    step: (label, ms) => console.log(`  ${label}: ${formatDuration(ms)}`),
  });
  console.log(`Load time: ${formatDuration(total)}`);
  return {
    url,
    loadSummary: `${organizations.toLocaleString("en")} synthetic organizations loaded in ${formatDuration(total)}`,
  };
}

/** Latest start of a query or a connection of anyone else on this database. */
async function lastDatabaseActivity(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ t: string }>(`
    SELECT coalesce(max(greatest(backend_start, query_start)), 'epoch')::text AS t
    FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
  return rows[0]!.t;
}

// ---------- server ----------

async function stopServers() {
  for (const child of servers.splice(0)) await stopServer(child);
}

async function startServer(databaseUrl: string, extraEnv: Record<string, string>): Promise<string> {
  const server = await spawnServer(databaseUrl, { env: extraEnv, output: "prefixed" });
  servers.push(server.child);
  console.log(
    `\nServer: node --import tsx src/server.ts (NODE_ENV=production, DB_POOL_SIZE=${env.DB_POOL_SIZE ?? "10 (default)"}) on ${server.base}`,
  );
  console.log(`  /health ok after ${formatDuration(await waitUntilHealthy(server))}`);
  return server.base;
}

// ---------- checks ----------

/** The baseline renders the layout and asks the database nothing. */
async function checkBaseline(base: string, admin: pg.Client) {
  const [path] = BASELINE.paths as [string];
  const page = await get(base, path);
  if (page.status !== 200 || !/<html[\s>]/i.test(page.body) || !/<footer[\s>]/i.test(page.body)) {
    throw new Error(`${path} answered ${page.status}, not the layout page the baseline needs`);
  }
  const before = await lastDatabaseActivity(admin);
  for (let i = 0; i < 50; i++) await get(base, path);
  const after = await lastDatabaseActivity(admin);
  // Control: the same probe must see the queries of a search.
  await get(base, SEARCHES[0]!.paths[0]!);
  const control = await lastDatabaseActivity(admin);
  if (after !== before) {
    throw new Error(`${path} queried the database (pg_stat_activity changed during 50 requests): not a baseline`);
  }
  console.log(
    `  ${path}: 200, ${(page.body.length / 1024).toFixed(1)} KB, no database query in 50 requests ` +
      `(pg_stat_activity unchanged${control !== after ? "; it does change on a search" : "; WARNING: the probe did not see a search either"})`,
  );
}

/** Every URL of the mix answers 200; the first must find something. */
async function checkSearch(base: string, search: Page) {
  for (const path of search.paths.slice(1)) {
    const { status } = await get(base, path);
    if (status !== 200) throw new Error(`${path} answered ${status}`);
  }
  const page = await get(base, search.paths[0]!);
  const hits = page.body.match(/<article class="card/g)?.length ?? 0;
  const heading = /<h2[^>]*id="risultati"[^>]*>([\s\S]*?)<\/h2>/
    .exec(page.body)?.[1]
    ?.replace(/<[^>]+>/g, "")
    .trim();
  if (page.status !== 200 || hits === 0) {
    throw new Error(
      `${search.paths[0]} answered ${page.status} with ${hits} results: choose parameters that find something`,
    );
  }
  console.log(
    `  ${search.paths[0]} (and ${search.paths.length - 1} more, all 200): ${hits} results on the page ` +
      `("${heading ?? "?"}"), ${(page.body.length / 1024).toFixed(1)} KB`,
  );
}

async function get(base: string, path: string) {
  const response = await fetch(base + path);
  return { status: response.status, body: await response.text() };
}

// ---------- load ----------

/**
 * `prime`: ask every URL of the mix once before the load, as visitors would
 * have since the register last changed: the figures are then those of the
 * searches people keep making (the steady state of the cache). The run on the
 * server without a cache shows what a search costs the first time.
 */
async function measure(base: string, page: Page, prime = true): Promise<Measurement> {
  const order = shuffled(page.paths);
  if (prime && page.paths.length > 1) for (const path of order) await get(base, path);
  if (warmupSeconds > 0) await load(base, order, warmupSeconds, () => {});
  const latencies: number[] = [];
  let failures = 0;
  const result = await load(base, order, seconds, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else failures++;
  });
  failures += result.errors;
  // No response at all within the window is a failure too, not a blank line.
  if (latencies.length === 0) failures = Math.max(failures, 1);
  latencies.sort((a, b) => a - b);
  // Requests whose client has gone may still hold the server's pool: let them
  // finish (/health queues behind them) so the next page starts from rest.
  while (!(await health(base))) await sleep(100);
  const m: Measurement = {
    name: page.name,
    path: page.paths.length > 1 ? `${page.paths[0]} (+${page.paths.length - 1} more)` : page.paths[0]!,
    rps: result.requests.average,
    requests: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    failures,
  };
  console.log(
    `  ${page.name.padEnd(28)} ${m.path}\n` +
      `    ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50)} ms, p95 ${fmt(m.p95)} ms, p99 ${fmt(m.p99)} ms, ` +
      `max ${fmt(m.max)} ms, ${m.requests} requests, ${failures} non-2xx/errors`,
  );
  return m;
}

/** Each request, on any connection, takes the next URL of `paths` (round robin). */
async function load(base: string, paths: string[], duration: number, onResponse: (status: number, ms: number) => void) {
  let next = 0;
  return runAutocannon(
    {
      url: base + paths[0],
      connections,
      duration,
      timeout: 30,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    },
    onResponse,
  );
}

/** The same order on every run: a deterministic Fisher-Yates shuffle. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 20261126;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

// ---------- report ----------

function printSummary(input: {
  date: string;
  facts: Awaited<ReturnType<typeof databaseFacts>>;
  loadSummary: string;
  baselines: Measurement[];
  results: Measurement[];
  extras: Measurement[];
}): boolean {
  const { baselines, results, extras } = input;
  const baselineRps = baselines.reduce((sum, b) => sum + b.rps, 0) / baselines.length;
  const baselineFailed = baselines.some((b) => b.failures > 0);
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const header = [
    "page",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "ratio",
    `p95<=${P95_LIMIT_MS}`,
    `ratio>=${MIN_RATIO}`,
    "result",
  ];
  const figures = (m: Measurement) => [`${m.name} ${m.path}`, fmt(m.rps, 0), fmt(m.p50), fmt(m.p95), fmt(m.p99)];
  const rows: string[][] = [header];
  for (const b of baselines)
    rows.push([...figures(b), fmt(b.rps / baselineRps, 2), "", "", b.failures ? "ERRORS" : ""]);
  let passes = 0;
  for (const r of results) {
    const ratio = r.rps / baselineRps;
    const p95ok = r.p95 <= P95_LIMIT_MS;
    const ratioOk = ratio >= MIN_RATIO;
    const pass = p95ok && ratioOk && r.failures === 0 && !baselineFailed;
    if (pass) passes++;
    rows.push([
      ...figures(r),
      fmt(ratio, 2),
      p95ok ? "yes" : "NO",
      ratioOk ? "yes" : "NO",
      pass ? "PASS" : r.failures ? "FAIL (errors)" : "FAIL",
    ]);
  }
  for (const e of extras) rows.push([...figures(e), fmt(e.rps / baselineRps, 2), "", "", e.failures ? "ERRORS" : ""]);
  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");

  console.log("\n=== Search benchmark summary ===");
  console.log(`Date:     ${input.date}`);
  console.log(`Machine:  node ${process.version}, ${availableParallelism()} cores (${cpu}), ${platform()} ${arch()}`);
  console.log(`          load average at the end: ${loadAverage()} (other work on the machine skews every figure)`);
  console.log(
    `Database: PostgreSQL ${input.facts.version}; ${input.loadSummary}; ` +
      `${input.facts.registered.toLocaleString("en")} registered organizations, ${input.facts.measures.toLocaleString("en")} measures`,
  );
  console.log(
    `Load:     autocannon ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per page, same machine`,
  );
  console.log(
    `Target:   each search p95 <= ${P95_LIMIT_MS} ms and req/s >= ${MIN_RATIO} x baseline req/s ` +
      `(baseline = mean of the two baseline runs, ${fmt(baselineRps, 0)} req/s)\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows.slice(1)) console.log(line(row));
  const allPass = passes === results.length && !baselineFailed;
  console.log(`\nResult: ${allPass ? "PASS" : "FAIL"} (${passes} of ${results.length} searches meet both targets)`);
  return allPass;
}

// ---------- small helpers ----------

function positiveInt(value: string | undefined, fallback: number, zeroAllowed = false): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new Error(`not a valid count: ${value}`);
  return n;
}

function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
}
