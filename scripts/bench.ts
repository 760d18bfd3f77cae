// npm run bench: every public page a visitor asks for, under load, against the
// layout page without a database query, at several sizes of the register.
//
//   npm run bench                                   5,000 and 100,000 organizations, every section
//   npm run bench -- --sizes 100000 --only search   one size, only the random searches
//   npm run bench -- --sizes 1000000                one million (loading takes a while)
//
// Sections (--only, comma-separated): baseline (always measured: the ratios
// need it), home, statistics, organizations, search, opendata, nocache. The
// baseline runs before the first page and after each one: a page's ratio is to
// the mean of the two runs around it, the machine's speed at that moment.
// For each size: a throwaway PostgreSQL cluster of this machine's binaries
// (the test helpers', shared_buffers 1GB), a database loaded with `db:seed --synthetic N`'s loader,
// one server process in production mode with default settings (the compiled
// dist/server.js after `npm run build`, else src/server.ts through tsx; only
// RATE_LIMIT_API raised, or the API would answer 429), autocannon with
// --connections (16) for --seconds (10) per page after --warmup (2) seconds.
// Searches: every request a new combination of words, categories, comune,
// place and radius, open only, order and page (1-3), never asked before, so
// no cache answers them; then again on a server with SEARCH_CACHE_MB=0.
// Open data: every file linked from /open-data, asked by 16 clients at once;
// no error and server memory growth under 100 MB.
// Everything is stopped and removed at the end, also on Ctrl+C or failure.
// Exit code 0 whatever the figures (it is a report) unless --strict.
import { execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { availableParallelism, cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { readComuni } from "../src/db/seed/referenceData.js";
import { ACTIVITIES, CATEGORY_TEXT, NAME_WORDS } from "../src/db/seed/syntheticVocabulary.js";
import { categories } from "../src/domain/vocabulary.js";
import { databaseFacts, loadSyntheticData } from "./lib/database.js";
import {
  cleanUpOnSignals,
  cleanups,
  formatDuration,
  health,
  mb,
  MB,
  projectRoot,
  readRss,
  runAutocannon,
  runMeasurement,
  sleep,
  spawnServer,
  stopServer,
  waitUntilHealthy,
} from "./lib/measurement.js";
import { databaseUrl, withAdminClient } from "../tests/helpers/globalSetup.js";
import { findPostgresBinDir, startCluster } from "../tests/helpers/postgresCluster.js";

const SECTIONS = ["baseline", "home", "statistics", "organizations", "search", "opendata", "nocache"] as const;
type Section = (typeof SECTIONS)[number];

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "5000,100000" },
    only: { type: "string", default: SECTIONS.join(",") },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "16" },
    strict: { type: "boolean", default: false },
    /** src/server.ts through tsx, without building (a quicker partial run). */
    tsx: { type: "boolean", default: false },
    /** An already loaded database to measure instead (one size: --sizes says which). */
    database: { type: "string" },
  },
});
const sizes = flags.sizes.split(",").map((s) => positiveInt(s.replace(/_/g, "")));
const only = new Set(flags.only.split(",").map((s) => s.trim()));
for (const s of only)
  if (!SECTIONS.includes(s as Section)) throw new Error(`--only: unknown section "${s}" (${SECTIONS.join(", ")})`);
const wants = (s: Section) => only.has(s);
const seconds = positiveInt(flags.seconds);
const warmupSeconds = positiveInt(flags.warmup, true);
const connections = positiveInt(flags.connections);

const SHARED_BUFFERS = "1GB";

/** The compiled server, until it fails to start once (then src/server.ts through tsx). */
let compiled: string[] | undefined;

const TARGET = {
  pageRatio: 0.5,
  searchRatio: 0.3,
  searchP975: 100,
  downloadGrowthMb: 100,
};

cleanUpOnSignals();

interface Row {
  size: number;
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p975: number;
  p99: number;
  failures: number;
  requests: number;
  /** Which target applies. */
  kind: "baseline" | "page" | "search" | "download";
  note?: string;
  pass?: boolean;
  /** The mean req/s of the baseline runs just before and just after this page's (its ratio's denominator). */
  baselineRps?: number;
}

async function main(): Promise<number> {
  const date = new Date().toISOString();
  compiled = flags.tsx ? undefined : compiledServer();
  if (flags.database) {
    const rows = await measureSize(sizes[0]!, flags.database);
    // The summary is the report: printed whether or not --strict asks for an exit code.
    const allPass = printSummary(date, rows, ["an existing database (--database)"], compiled);
    return flags.strict && !allPass ? 2 : 0;
  }
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error("No PostgreSQL binaries found: install PostgreSQL (15 or later).");
  const cluster = await startCluster(binDir, cleanups);
  // PostgreSQL's own default (128 MB) is a laptop's: a server holding the
  // register gives it room for the organizations' table and indexes.
  await withAdminClient(cluster.url, (client) => client.query(`ALTER SYSTEM SET shared_buffers = '${SHARED_BUFFERS}'`));
  cluster.stop();
  cluster.start();
  const adminUrl = cluster.url;
  const rows: Row[] = [];
  const loads: string[] = [];
  for (const size of sizes) {
    console.log(`\n===== ${size.toLocaleString("en")} organizations =====`);
    const name = `registro_bench_${size}`;
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = databaseUrl(adminUrl, name);
    const loadMs = await loadSyntheticData(url, size, {
      progress: (message) => console.log(`    ${message}`),
      step: (label, ms) => console.log(`  ${label}: ${formatDuration(ms)}`),
    });
    loads.push(`${size.toLocaleString("en")}: loaded in ${formatDuration(loadMs)}`);
    rows.push(...(await measureSize(size, url)));
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`));
  }
  const allPass = printSummary(date, rows, loads, compiled);
  return flags.strict && !allPass ? 2 : 0;
}

// ---------- one size ----------

async function measureSize(size: number, url: string): Promise<Row[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const facts = await databaseFacts(admin);
  await admin.end();
  console.log(
    `Data: ${facts.registered.toLocaleString("en")} registered organizations, ${facts.measures.toLocaleString("en")} measures`,
  );
  const rows: Row[] = [];
  let server = await startServer(url, {});
  // The machine's speed moves by a third and more within minutes: each page is
  // measured between two runs of the baseline, and its ratio is to their mean.
  const baseline = async () => {
    const row: Row = {
      size,
      ...(await measure(server.base, "baseline /accessibilita", fixed("/accessibilita"), "baseline")),
    };
    rows.push(row);
    return row.rps;
  };
  let before = await baseline();
  const bracketed = async (name: string, next: () => string, kind: Row["kind"]) => {
    const row: Row = { size, ...(await measure(server.base, name, next, kind)) };
    rows.push(row);
    const after = await baseline();
    row.baselineRps = (before + after) / 2;
    before = after;
  };
  if (wants("home")) await bracketed("home /", fixed("/"), "page");
  if (wants("statistics")) await bracketed("/statistiche", fixed("/statistiche"), "page");
  if (wants("organizations")) {
    const rng = prng(size);
    const slugs = () => `/registro/sintetica-${1 + Math.floor(rng() * size)}`;
    await bracketed("organization pages (random)", slugs, "page");
  }
  if (wants("search"))
    for (const endpoint of ENDPOINTS)
      await bracketed(`${endpoint} random new searches`, randomSearches(endpoint, size), "search");
  if (wants("opendata")) rows.push(...(await downloads(size, server)));
  if (wants("nocache")) {
    await stopServer(server.child);
    server = await startServer(url, { SEARCH_CACHE_MB: "0" });
    before = await baseline();
    for (const endpoint of ENDPOINTS)
      await bracketed(
        `${endpoint} random new searches, SEARCH_CACHE_MB=0`,
        randomSearches(endpoint, size + 1),
        "search",
      );
  }
  await stopServer(server.child);
  return rows;
}

// ---------- server ----------

/** `npm run build`, then node dist/server.js; src/server.ts through tsx when there is no build. */
function compiledServer(): string[] | undefined {
  try {
    console.log("npm run build ...");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] });
    if (existsSync(join(projectRoot, "dist", "server.js"))) return ["dist/server.js"];
  } catch {
    // fall through
  }
  console.warn("*** no compiled server (npm run build failed): measuring src/server.ts through tsx");
  return undefined;
}

async function startServer(url: string, env: Record<string, string>) {
  const spawnWith = async (nodeArgs: string[] | undefined) => {
    const server = await spawnServer(url, {
      // Every client of the bench comes from 127.0.0.1: the per-address limits would answer
      // 429 to what stands for many visitors (the API's rate, concurrent open-data downloads).
      env: { RATE_LIMIT_API: "100000000", OPEN_DATA_DOWNLOADS_PER_CLIENT: String(connections), ...env },
      output: "prefixed",
      ...(nodeArgs ? { nodeArgs } : {}),
    });
    return { server, ms: await waitUntilHealthy(server) };
  };
  let started;
  try {
    started = await spawnWith(compiled);
  } catch (error) {
    if (!compiled) throw error;
    console.warn(
      `*** node ${compiled.join(" ")} did not start (${String(error)}): measuring src/server.ts through tsx`,
    );
    compiled = undefined;
    started = await spawnWith(undefined);
  }
  const indexMs = await searchIndexReady(started.server.base);
  const what = compiled ? `node ${compiled.join(" ")}` : "node --import tsx src/server.ts";
  const settings = Object.entries(env)
    .map(([k, v]) => `, ${k}=${v}`)
    .join("");
  console.log(
    `Server: ${what} (NODE_ENV=production${settings}), healthy after ${formatDuration(started.ms)}, ` +
      `search index built ${formatDuration(indexMs)} later`,
  );
  return started.server;
}

/**
 * Waits until the server's in-process search index is built (/health says so),
 * as it is on a server that has been running: measuring while it builds would
 * measure the build. Returns how long that took.
 */
async function searchIndexReady(base: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 600_000) {
    const body = (await fetch(`${base}/health`)
      .then((response) => response.json())
      .catch(() => ({ searchIndex: "building" }))) as { searchIndex?: unknown };
    if (body.searchIndex !== "building") return Date.now() - started;
    await sleep(250);
  }
  throw new Error("the search index was not built within 10 minutes");
}

// ---------- random searches ----------

const ENDPOINTS = ["/registro", "/api/v1/organizations", "/mappa/dati.geojson"] as const;
const COMUNI = readComuni();
const WORDS = [
  ...new Set(
    [
      ...Object.values(CATEGORY_TEXT).flatMap((c) => c.titles),
      ...ACTIVITIES,
      ...NAME_WORDS,
      "welfare",
      "centro",
      "servizi",
    ]
      .flatMap((t) => t.toLowerCase().split(/[^a-zàèéìòù]+/))
      .filter((w) => w.length > 3),
  ),
];
const RADII = ["5", "10", "15", "25"];

/**
 * A generator of paths, each a combination of the search parameters not
 * produced before in this run (a Set remembers them): words (none, one or
 * two), categories, comune, a place (a comune's centre or a shared position)
 * with a radius, open only, an order that fits what was asked, page 1-3.
 */
function randomSearches(endpoint: string, seed: number): () => string {
  const rng = prng(seed * 31 + endpoint.length);
  const seen = new Set<string>();
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
  const one = () => {
    const p = new URLSearchParams();
    const words = rng() < 0.6 ? Array.from({ length: rng() < 0.7 ? 1 : 2 }, () => pick(WORDS)) : [];
    if (words.length) p.set("q", words.join(" "));
    if (rng() < 0.4)
      for (const c of new Set(Array.from({ length: rng() < 0.7 ? 1 : 2 }, () => pick(categories.slugs))))
        p.append("categoria", c);
    const place = rng();
    let origin = false;
    if (place < 0.2) p.set("comune", pick(COMUNI).istatCode);
    else if (place < 0.45) {
      p.set("vicino", pick(COMUNI).istatCode);
      origin = true;
    } else if (place < 0.55) {
      p.set("lat", (44.2 + rng() * 0.5).toFixed(5));
      p.set("lon", (10.9 + rng() * 0.9).toFixed(5));
      origin = true;
    }
    if (origin) p.set("raggio", pick(RADII));
    if (rng() < 0.3) p.set("aperte", "1");
    const orders = ["nome", "recenti", ...(origin ? ["distanza"] : []), ...(words.length ? ["rilevanza"] : [])];
    if (rng() < 0.5) p.set("ordina", pick(orders));
    if (endpoint !== "/mappa/dati.geojson") {
      const r = rng();
      if (r > 0.6) p.set("pagina", r > 0.85 ? "3" : "2");
    }
    return `${endpoint}?${p.toString()}`;
  };
  return () => {
    for (;;) {
      const path = one();
      if (!seen.has(path)) {
        seen.add(path);
        return path;
      }
    }
  };
}

const fixed = (path: string) => () => path;

// ---------- load ----------

async function measure(base: string, name: string, next: () => string, kind: Row["kind"]): Promise<Omit<Row, "size">> {
  const first = next();
  const status = await fetch(base + first)
    .then(async (response) => (await response.arrayBuffer(), response.status))
    .catch((error: unknown) => String(error));
  if (status !== 200) console.warn(`*** ${first} answered ${status}`);
  if (warmupSeconds > 0) await load(base, next, warmupSeconds, () => {});
  const latencies: number[] = [];
  let failures = 0;
  const result = await load(base, next, seconds, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else failures++;
  });
  failures += result.errors;
  if (latencies.length === 0) failures = Math.max(failures, 1);
  latencies.sort((a, b) => a - b);
  // Requests whose client has gone may still hold the server: let them finish.
  while (!(await health(base))) await sleep(100);
  const row = {
    name,
    kind,
    rps: latencies.length / seconds,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p975: percentile(latencies, 97.5),
    p99: percentile(latencies, 99),
    failures,
  };
  console.log(
    `  ${name.padEnd(58)} ${fmt(row.rps, 0).padStart(5)} req/s  p50 ${fmt(row.p50)}  p95 ${fmt(row.p95)}  ` +
      `p97.5 ${fmt(row.p975)}  p99 ${fmt(row.p99)} ms  ${failures} non-2xx/errors`,
  );
  return row;
}

async function load(
  base: string,
  next: () => string,
  duration: number,
  onResponse: (status: number, ms: number) => void,
) {
  return runAutocannon(
    {
      url: base + "/accessibilita",
      connections,
      duration,
      timeout: 10,
      requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
    },
    onResponse,
  );
}

// ---------- open data ----------

/** Every file linked from /open-data, asked by 16 clients at once; the server's memory meanwhile. */
async function downloads(size: number, server: { base: string; child: ChildProcess }): Promise<Row[]> {
  const page = await (await fetch(`${server.base}/open-data`)).text();
  const files = [...new Set([...page.matchAll(/href="(\/open-data\/[^"?#]+)"/g)].map((m) => m[1]!))];
  const pid = server.child.pid!;
  const rows: Row[] = [];
  for (const file of files) {
    const before = readRss(pid);
    let peak = before;
    const poll = setInterval(() => (peak = Math.max(peak, readRss(pid))), 50);
    const t0 = Date.now();
    const answers = await Promise.all(
      Array.from({ length: connections }, async () => {
        const t = Date.now();
        try {
          const response = await fetch(server.base + file);
          // Counted and dropped as they come: 16 copies of a 480 MB file held by the bench
          // itself would measure the bench.
          let bytes = 0;
          const reader = response.body?.getReader();
          for (let part = await reader?.read(); part && !part.done; part = await reader?.read())
            bytes += part.value.byteLength;
          return { status: response.status, bytes, ms: Date.now() - t };
        } catch (error) {
          const cause = (error as { cause?: unknown }).cause;
          return { status: 0, bytes: 0, ms: Date.now() - t, error: String(cause ?? error) };
        }
      }),
    );
    clearInterval(poll);
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    const bad = answers.filter((a) => a.status !== 200);
    const growth = peak - before;
    const pass = bad.length === 0 && growth < TARGET.downloadGrowthMb * MB;
    const row: Row = {
      size,
      name: `open data ${file} x${connections}`,
      kind: "download",
      rps: (answers.length * 1000) / Math.max(1, Date.now() - t0),
      requests: answers.length,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      p975: percentile(ms, 97.5),
      p99: percentile(ms, 99),
      failures: bad.length,
      note: `${mb(answers[0]?.bytes ?? 0)} MB each, memory +${mb(growth)} MB${bad.length ? `, statuses ${[...new Set(bad.map((b) => b.status))].join("/")}` : ""}${errorsOf(answers)}`,
      pass,
    };
    console.log(`  ${row.name.padEnd(58)} ${fmt(row.p50)} ms median, ${row.note}`);
    rows.push(row);
  }
  return rows;
}

/** The distinct errors of failed downloads, for the note. */
function errorsOf(answers: { error?: string }[]): string {
  const errors = [...new Set(answers.flatMap((a) => (a.error ? [a.error] : [])))];
  return errors.length ? ` (${errors.join("; ")})` : "";
}

// ---------- report ----------

function printSummary(date: string, rows: Row[], loads: string[], serverArgs: string[] | undefined): boolean {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log("\n=== Bench summary ===");
  console.log(`Date:     ${date}`);
  console.log(
    `Machine:  node ${process.version}, ${availableParallelism()} cores (${cpu}); load average now ${loadavg()
      .map((n) => n.toFixed(2))
      .join(", ")}`,
  );
  console.log(
    `Server:   ${serverArgs ? `node ${serverArgs.join(" ")}` : "tsx src/server.ts"}, NODE_ENV=production, default settings`,
  );
  console.log(`Database: PostgreSQL throwaway cluster, shared_buffers ${SHARED_BUFFERS}, fsync off`);
  console.log(`Load:     autocannon ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per page`);
  console.log(`Data:     ${loads.join("; ")}`);
  console.log(
    `Targets:  home, statistics, organization pages ratio >= ${TARGET.pageRatio}; searches ratio >= ${TARGET.searchRatio} ` +
      `and p97.5 <= ${TARGET.searchP975} ms; open data no error and memory growth < ${TARGET.downloadGrowthMb} MB\n`,
  );
  const header = ["size", "page", "req/s", "p50", "p95", "p97.5", "p99", "ratio", "result"];
  const table: string[][] = [header];
  let allPass = true;
  for (const size of new Set(rows.map((r) => r.size))) {
    const mine = rows.filter((r) => r.size === size);
    for (const r of mine) {
      const ratio = r.baselineRps === undefined ? NaN : r.rps / r.baselineRps;
      let pass: boolean | undefined = r.pass;
      if (r.kind === "page") pass = r.failures === 0 && ratio >= TARGET.pageRatio;
      if (r.kind === "search") pass = r.failures === 0 && ratio >= TARGET.searchRatio && r.p975 <= TARGET.searchP975;
      if (pass === false) allPass = false;
      const result = pass === undefined ? (r.failures ? "ERRORS" : "") : pass ? "PASS" : "FAIL";
      table.push([
        size.toLocaleString("en"),
        r.name + (r.note ? ` (${r.note})` : ""),
        r.kind === "download" ? "" : fmt(r.rps, 0),
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.p975),
        fmt(r.p99),
        Number.isNaN(ratio) ? "" : fmt(ratio, 2),
        result,
      ]);
    }
  }
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table.slice(1)) console.log(line(row));
  console.log(
    `\nResult: ${allPass ? "PASS" : "FAIL"} (latencies in ms; ratio = req/s / mean of the baseline runs just before and just after that page)`,
  );
  return allPass;
}

// ---------- small helpers ----------

/** A small deterministic PRNG (mulberry32): the same run asks the same searches. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

function positiveInt(value: string, zeroAllowed = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new Error(`not a valid count: ${value}`);
  return n;
}

function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

// ---------- run (last: everything above is initialised) ----------

const started = Date.now();
const exitCode = await runMeasurement("Bench", main);
console.log(`Total bench time: ${formatDuration(Date.now() - started)}`);
process.exit(exitCode);
