import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { databaseUrl, freePort, withAdminClient } from "../helpers/globalSetup.js";
import { createTestDatabase } from "../helpers/testDatabase.js";

// The production start: `npm start` compiles and runs dist/server.js as npm's own
// child, so npm's SIGTERM reaches the server; instances started together on one
// empty database take turns to migrate and seed.
const server = inject("testDatabaseServer");
const children: ChildProcess[] = [];
const dropped: string[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (server.kind === "server") {
    for (const name of dropped)
      await withAdminClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
});

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (!match) return;
        listeners.delete(check);
        resolve(match);
      };
      listeners.add(check);
      check();
      void exited.then((code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output}`)));
    });
  return { child, output: () => output, waitFor, exited };
}

const LISTENING = /"pid":(\d+)[^\n]*"msg":"Registro del welfare aziendale: http:\/\/localhost:\d+"/;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.runIf(server.kind === "server")("production start", () => {
  it("stops the server, not just npm, when npm start gets SIGTERM", async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const npm = start("npm", ["start"], {
      DATABASE_URL: db.connectionString,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      NODE_ENV: "development",
      SEED_DEMO_DATA: "false",
    });
    const pid = Number((await npm.waitFor(LISTENING))[1]);
    // The server is npm's own child (no shell in between that would swallow the signal).
    const parent = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    expect(parent).toBe(npm.child.pid);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    npm.child.kill("SIGTERM");
    expect(await npm.exited).toBe(0);
    expect(npm.output()).toContain('"msg":"shutting down"');
    expect(isRunning(pid)).toBe(false);
    expect(await portIsFree(port)).toBe(true);
    await db.close();
  }, 240_000);

  it("lets two instances started at once on an empty database migrate and seed once", async () => {
    if (server.kind !== "server") return;
    const name = `${server.prefix}_start_${randomBytes(4).toString("hex")}`;
    await withAdminClient(server.adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    dropped.push(name);
    const url = databaseUrl(server.adminUrl, name);
    const instances = await Promise.all(
      [0, 1].map(async () =>
        start(process.execPath, ["--import", "tsx", "src/server.ts"], {
          DATABASE_URL: url,
          PORT: String(await freePort()),
          HOST: "127.0.0.1",
          LOG_LEVEL: "info",
          NODE_ENV: "development",
          SEED_DEMO_DATA: "true",
        }),
      ),
    );
    await Promise.all(instances.map((i) => i.waitFor(LISTENING)));

    const migrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    await withAdminClient(url, async (c) => {
      const applied = await c.query(
        `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      expect(applied.rows[0].n).toBe(migrations);
      const demo = await c.query(
        `SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM "Organization" WHERE "isDemo"`,
      );
      expect(demo.rows[0].n).toBeGreaterThan(30);
      expect(demo.rows[0].names).toBe(demo.rows[0].n);
    });
    // Exactly one of them did the work; both serve.
    expect(instances.filter((i) => i.output().includes('"msg":"migrations applied"'))).toHaveLength(1);
    for (const instance of instances) instance.child.kill("SIGTERM");
    expect(await Promise.all(instances.map((i) => i.exited))).toEqual([0, 0]);
  }, 180_000);
});
