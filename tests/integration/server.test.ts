import { spawn, type ChildProcess } from "node:child_process";
import { connect as connectSocket } from "node:net";
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
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${output}`);
}

/** Resolves once the server has written `text` (its log is the only sign of some events). */
function outputContains(text: string, ms = 5_000): Promise<void> {
  if (output.includes(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server never wrote "${text}":\n${output}`)), ms);
    const check = () => {
      if (!output.includes(text)) return;
      clearTimeout(timer);
      server.stdout?.off("data", check);
      server.stderr?.off("data", check);
      resolve();
    };
    server.stdout?.on("data", check);
    server.stderr?.on("data", check);
  });
}

/**
 * One request on a connection of its own, answered and closed: once it is back,
 * the server has read everything sent to it before on other connections.
 */
function roundTrip(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = connectSocket(port, "127.0.0.1", () =>
      socket.write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
    );
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.once("error", reject);
    socket.once("close", () => resolve(answer));
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    EMBEDDED_DB_DIR: dataDir,
    LOG_LEVEL: "info",
    NODE_ENV: "development",
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_BASE_URL;
  // A test hook loaded before the server: on SIGUSR2 a promise is rejected with nobody to catch it.
  const rejectOnSignal = `data:text/javascript,process.on("SIGUSR2",()=>{Promise.reject(new Error("rejected on purpose by the test"))})`;
  server = spawn(process.execPath, ["--import", "tsx", "--import", rejectOnSignal, "src/server.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  await waitForHealth(base, 240_000);
}, 300_000);

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

  it("links the open-data catalogue to the port it runs on when PUBLIC_BASE_URL is unset", async () => {
    const catalogue = await (await fetch(`${base}/open-data/catalogo.jsonld`)).text();
    expect(catalogue).toContain(`http://localhost:${new URL(base).port}/open-data/`);
    expect(catalogue).not.toContain("http://localhost:3000/");
  });

  it("answers concurrent requests through its single connection", async () => {
    const urls = [
      "/",
      "/registro",
      "/registro?q=asilo",
      "/registro?vicino=037032&raggio=25",
      "/mappa/dati.geojson?aperte=1",
      "/health",
    ];
    const responses = await Promise.all(Array.from({ length: 36 }, (_, i) => fetch(`${base}${urls[i % urls.length]}`)));
    expect(responses.map((r) => r.status)).toEqual(Array(36).fill(200));
  });

  it("logs an unhandled promise rejection and keeps serving", async () => {
    server.kill("SIGUSR2");
    await outputContains("unhandled promise rejection");
    expect(output).toContain("unhandled promise rejection (the process keeps running)");
    expect(output).toContain("rejected on purpose by the test");
    expect(server.exitCode).toBeNull();
    expect((await fetch(`${base}/registro`)).status).toBe(200);
  });

  it("on SIGTERM lets a request in flight finish, then stops cleanly", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    // A slow client: the headers and half the body are sent, the rest comes after SIGTERM.
    const { port } = new URL(base);
    const socket = connectSocket(Number(port), "127.0.0.1");
    let response = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (response += chunk));
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const rest = "&password=una-password-lunga";
    const first = "email=lenta%40example.org";
    socket.write(
      "POST /accedi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
        `Content-Length: ${first.length + rest.length}\r\n\r\n${first}`,
    );
    // A keep-alive client, connected before SIGTERM, asks for a page answered at once after it.
    const keepAlive = connectSocket(Number(port), "127.0.0.1");
    let keepAliveAnswer = "";
    keepAlive.setEncoding("utf8");
    keepAlive.on("data", (chunk: string) => (keepAliveAnswer += chunk));
    const keepAliveClosed = new Promise<void>((resolve) => keepAlive.once("close", () => resolve()));
    await new Promise<void>((resolve) => keepAlive.once("connect", () => resolve()));
    // Waits on events, not on fixed sleeps: the slow request has reached the server
    // once a later round trip is back, and the server is stopping once it says so.
    expect(await roundTrip(Number(port))).toMatch(/^HTTP\/1\.1 200 /);
    server.kill("SIGTERM");
    await outputContains("shutting down");
    keepAlive.write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    await keepAliveClosed;
    // Answered, and told to close: the server is going away.
    expect(keepAliveAnswer).toMatch(/^HTTP\/1\.1 200 /);
    expect(keepAliveAnswer.toLowerCase()).toContain("connection: close");
    // Still running: it waits for the request in flight, and takes no new connection.
    expect(server.exitCode).toBeNull();
    expect(
      await fetch(`${base}/ping`).then(
        () => "answered",
        () => "refused",
      ),
    ).toBe("refused");
    socket.write(rest);
    await closed;
    // A complete answer (403: the slow client sent no CSRF token), then the server closed the connection.
    expect(response).toMatch(/^HTTP\/1\.1 403 /);
    expect(response).toContain("</html>");
    expect(await exited).toBe(0);
    expect(output).not.toContain("uncaught exception");
  }, 20_000);
});
