import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm start` as a newcomer runs it: no DATABASE_URL, so the embedded PostgreSQL.
let server: ChildProcess;
let base: string;
let output = "";
const dataDir = mkdtempSync(path.join(tmpdir(), "rwb-start-"));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${output}`);
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", EMBEDDED_DB_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "development" };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  await waitForHealth(base, 90_000);
}, 120_000);

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start on the embedded database", () => {
  it("migrates, loads the demo data and serves the register", async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    const page = await (await fetch(`${base}/registro?vicino=037006&raggio=15`)).text();
    expect(page).toMatch(/\d+ imprese trovate/);
    expect(page).not.toContain("0 imprese trovate");
  });

  it("answers concurrent requests through its single connection", async () => {
    const urls = ["/", "/registro", "/registro?q=asilo", "/registro?vicino=037032&raggio=25", "/mappa/dati.geojson?aperte=1", "/health"];
    const responses = await Promise.all(Array.from({ length: 36 }, (_, i) => fetch(`${base}${urls[i % urls.length]}`)));
    expect(responses.map((r) => r.status)).toEqual(Array(36).fill(200));
  });

  it("stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 20_000);
});
