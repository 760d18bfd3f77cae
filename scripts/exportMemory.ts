// npm run bench:export: memory of the server while it streams each full open
// data export (the requirement: "100,000 organizations download without the server
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
import { DOWNLOADS } from "../src/services/monitoring/openDataService.js";
import { withAdminClient } from "../tests/helpers/globalSetup.js";
import { createThrowawayDatabase, databaseFacts, loadSyntheticData } from "./lib/database.js";
import { cleanUpOnSignals, MB, mb, readRss, runMeasurement, sleep, startServer } from "./lib/measurement.js";

const TARGET_MB = 100;
const env = process.env;
const organizations = Number(env.EXPORT_ORGANIZATIONS ?? 100_000);
const pauseMs = Number(env.EXPORT_PAUSE_MS ?? 2_000);
/** Only some files: EXPORT_FILES="registro.csv hsds.json" (default: every download). */
const files = (env.EXPORT_FILES ?? "").split(/\s+/).filter(Boolean);

// Ctrl+C: no message, exit code 130 whatever the signal.
cleanUpOnSignals({ quiet: true, exitCode: 130 });
process.exit(await runMeasurement("Export memory bench", main));

async function main() {
  const url = await prepareDatabase();
  const { base, child } = await startServer(url);
  const pid = child.pid!;
  // Warm up code paths (views, the API) without any export, then take the baseline.
  for (const path of ["/open-data", "/statistiche", "/api/v1/comuni"]) await (await fetch(base + path)).text();
  await sleep(500);
  const baseline = readRss(pid);
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
    `\nBaseline RSS ${mb(baseline)} MB; highest RSS during the exports ${mb(peak)} MB; kernel high-water mark ${mb(readRss(pid, "VmHWM"))} MB.`,
  );
  console.log(
    `Memory growth while streaming: ${mb(growth)} MB (target < ${TARGET_MB} MB): ${growth < TARGET_MB * MB ? "met" : "NOT met"}.`,
  );
}

async function download(base: string, pid: number, file: string) {
  let peak = readRss(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, readRss(pid));
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
    return { file, bytes, seconds, peak: Math.max(peak, readRss(pid)), records };
  } finally {
    clearInterval(sampler);
  }
}

async function prepareDatabase(): Promise<string> {
  if (env.EXPORT_DATABASE_URL) {
    console.log("Database: EXPORT_DATABASE_URL, used as it is");
    return env.EXPORT_DATABASE_URL;
  }
  const url = await createThrowawayDatabase("registro_export", "or set EXPORT_DATABASE_URL");
  const ms = await loadSyntheticData(url, organizations, { progress: (message) => console.log(`  ${message}`) });
  const facts = await withAdminClient(url, databaseFacts);
  console.log(
    `Loaded in ${(ms / 1000).toFixed(0)} s: ${facts.registered.toLocaleString("en")} registered organizations, ${facts.measures.toLocaleString("en")} measures`,
  );
  return url;
}
