// npm run soak [-- --minutes N]: does the server's memory keep growing under a
// steady, moderate load? (the target: RSS growth after warm-up <= 20 %).
//
// Database: a throwaway PostgreSQL cluster of this machine's binaries with the
// migrations, the reference data and the demo data, removed at the end (also on
// Ctrl+C or failure). Server: the real one (src/server.ts) in a child process,
// in production mode. Load: autocannon, SOAK_CONNECTIONS (4) connections at
// SOAK_RATE (60) requests per second in all (0: as fast as they can), cycling through a mix of pages (home, search variants, organization pages, map
// GeoJSON) for the whole run. Every SOAK_SAMPLE_SECONDS (5) the server's RSS is
// read from /proc/<pid>/status (ps elsewhere). The reference is the RSS after the
// warm-up (the first minute, or a tenth of a shorter run); the result is the
// growth from there to the end: PASS when <= 20 %. Exit code 1 on FAIL.
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { applyMigrations } from "../src/db/migrate.js";
import { seedDemoData } from "../src/db/seed/demoData.js";
import { seedReferenceData } from "../src/db/seed/referenceData.js";
import { createThrowawayDatabase, withDatabase } from "./lib/database.js";
import {
  cleanUpOnSignals,
  cleanups,
  health,
  mb,
  readRss,
  runAutocannon,
  runMeasurement,
  startServer,
} from "./lib/measurement.js";

const MAX_GROWTH = 0.2;
const { values: args } = parseArgs({ options: { minutes: { type: "string" } } });
const minutes = Number(args.minutes ?? process.env.SOAK_MINUTES ?? 10);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${args.minutes}`);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 4);
/** Requests per second over all connections: moderate, steady load (0 = as fast as possible). */
const rate = Number(process.env.SOAK_RATE ?? 60);
const sampleSeconds = Number(process.env.SOAK_SAMPLE_SECONDS ?? 5);
const totalMs = minutes * 60_000;
const warmupMs = Math.min(60_000, totalMs / 10);

// Ctrl+C stops the load, the server and the database.
cleanUpOnSignals();
process.exit(await runMeasurement("Soak", main));

async function main(): Promise<number> {
  const url = await createThrowawayDatabase("registro_soak", "to run the soak test");
  const slugs = await withDatabase(url, 4, async (db) => {
    await applyMigrations(url);
    await seedReferenceData(db.prisma);
    const summary = await seedDemoData(db.prisma);
    console.log(`Demo data: ${summary?.organizations ?? 0} organizations, ${summary?.measures ?? 0} measures`);
    const { rows } = await db.pool.query<{ slug: string }>(
      `SELECT slug FROM "Organization" WHERE "registryStatus" = 'REGISTERED' ORDER BY slug LIMIT 6`,
    );
    return rows.map((r) => r.slug);
  });
  if (slugs.length === 0) throw new Error("the demo data has no registered organization");

  const { base, child } = await startServer(url);
  const paths = [
    "/",
    "/registro",
    "/registro?q=asilo",
    "/registro?categoria=minori&aperte=1",
    "/registro?vicino=037006&raggio=15&ordina=distanza",
    "/registro?q=anziani&comune=037006&pagina=2",
    "/registro?q=%3Cscript%3E&categoria=sconosciuta",
    "/mappa",
    "/mappa/dati.geojson",
    "/mappa/dati.geojson?categoria=salute&aperte=1",
    ...slugs.map((slug) => `/registro/${slug}`),
    "/accessibilita",
    "/registro/non-esiste",
  ];
  for (const path of paths) {
    const status = (await fetch(base + path)).status;
    if (status >= 500) throw new Error(`${path} answered ${status} before the load started`);
  }
  console.log(`Pages in the mix (${paths.length}): ${paths.join(" ")}`);
  console.log(
    `Load: autocannon ${connections} connections, ${rate > 0 ? `${rate} req/s` : "unthrottled"}, for ${minutes} min; RSS sampled every ${sampleSeconds} s; ` +
      `warm-up ${Math.round(warmupMs / 1000)} s (${availableParallelism()} cores)`,
  );

  const samples: { at: number; rss: number }[] = [];
  const started = Date.now();
  const sample = () => {
    const rss = readRss(child.pid!);
    samples.push({ at: Date.now() - started, rss });
    return rss;
  };
  sample();
  const timer = setInterval(() => {
    const rss = sample();
    const at = samples.at(-1)!.at;
    if (samples.length % Math.max(1, Math.round(60 / sampleSeconds)) === 0) {
      console.log(`  ${formatMinutes(at)}  RSS ${mb(rss)} MB  (load average ${loadavg()[0]!.toFixed(2)})`);
    }
  }, sampleSeconds * 1000);
  cleanups.push(() => clearInterval(timer));

  const result = await runAutocannon({
    url: base,
    connections,
    duration: totalMs / 1000,
    timeout: 30,
    ...(rate > 0 ? { overallRate: rate } : {}),
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  clearInterval(timer);
  sample();

  const afterWarmup = samples.find((s) => s.at >= warmupMs) ?? samples[0]!;
  const end = samples.at(-1)!;
  const tail = samples.filter((s) => s.at >= totalMs - 60_000);
  const peak = Math.max(...samples.map((s) => s.rss));
  const growth = (end.rss - afterWarmup.rss) / afterWarmup.rss;
  const statuses = Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}: ${count}`)
    .join(", ");
  const serverErrors = Object.entries(result.statusCodeStats)
    .filter(([code]) => Number(code) >= 500)
    .reduce((sum, [, { count }]) => sum + count, 0);
  const alive = child.exitCode === null && (await health(base));
  const pass = growth <= MAX_GROWTH && serverErrors === 0 && result.errors === 0 && alive;

  console.log("\n=== Soak summary ===");
  console.log(`Date:       ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} cores`);
  console.log(
    `Duration:   ${minutes} min, ${connections} connections, ${rate > 0 ? `${rate} req/s` : "unthrottled"}, ${paths.length} pages in rotation`,
  );
  console.log(
    `Requests:   ${result.requests.total} (${result.requests.average.toFixed(0)} req/s), ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(`Statuses:   ${statuses}; connection errors ${result.errors}, timeouts ${result.timeouts}`);
  console.log(`RSS start:  ${mb(samples[0]!.rss)} MB`);
  console.log(`RSS warm:   ${mb(afterWarmup.rss)} MB at ${formatMinutes(afterWarmup.at)} (after warm-up)`);
  console.log(
    `RSS end:    ${mb(end.rss)} MB at ${formatMinutes(end.at)}; peak ${mb(peak)} MB; ` +
      `mean of the last minute ${mb(tail.reduce((s, x) => s + x.rss, 0) / Math.max(1, tail.length))} MB`,
  );
  console.log(`Growth:     ${(growth * 100).toFixed(1)} % after warm-up (limit ${MAX_GROWTH * 100} %)`);
  console.log(`Server:     ${alive ? "alive and healthy at the end" : "NOT healthy at the end"}`);
  console.log(`Result:     ${pass ? "PASS" : "FAIL"}`);
  return pass ? 0 : 1;
}

function formatMinutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
