// Faults: the database goes away and comes back; a handler crashes.
// The outage test stops and restarts a PostgreSQL cluster of its own (never the
// shared test cluster of globalSetup.ts), so it needs this machine's PostgreSQL
// binaries; on the PGlite fallback it is skipped with a message.
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/app.js";
import { testConfig } from "../../src/config.js";
import { connect, type Database } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { seedReferenceData } from "../../src/db/seed/referenceData.js";
import { isDatabaseUnavailable } from "../../src/middleware/errorHandlers.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { loggedInAgent } from "../helpers/login.js";
import { databaseUrl, withAdminClient } from "../helpers/globalSetup.js";
import { findPostgresBinDir, startCluster, type Cleanup, type ThrowawayCluster } from "../helpers/postgresCluster.js";
import { createTestContext, type TestContext, buildApp } from "../helpers/testApp.js";

const binDir = process.env.TEST_EMBEDDED_POSTGRES === "1" ? undefined : findPostgresBinDir();
if (!binDir) {
  console.warn(
    "\n*** faults.test.ts: no PostgreSQL binaries on this machine (PGlite fallback): " +
      "the database outage test is SKIPPED. Install PostgreSQL to run it.\n",
  );
}

describe.skipIf(!binDir)("the database goes away and comes back", () => {
  const cleanups: Cleanup[] = [];
  let cluster: ThrowawayCluster;
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let company: request.Agent;
  let slug: string;

  beforeAll(async () => {
    cluster = await startCluster(binDir!, cleanups);
    await withAdminClient(cluster.url, (client) => client.query('CREATE DATABASE "registro_faults"'));
    const url = databaseUrl(cluster.url, "registro_faults");
    await applyMigrations(url);
    db = connect(url, 5, "server", async () => {});
    await seedReferenceData(db.prisma);
    const org = await buildOrganization(db.prisma, { name: "Impresa Resistente" });
    slug = org.slug;
    const user = await buildUser(db.prisma, "COMPANY", "Referente Resistente");
    await db.prisma.user.update({ where: { id: user.id }, data: { organizationId: org.id } });
    app = buildApp(testConfig(), db).app;
    company = await loggedInAgent(app, user.email, TEST_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await db?.close().catch(() => {});
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function expectEverythingWorks() {
    expect((await request(app).get("/health")).body).toMatchObject({ status: "ok", database: "ok" });
    expect((await request(app).get("/")).status).toBe(200);
    expect((await request(app).get(`/registro/${slug}`)).status).toBe(200);
    const area = await company.get("/impresa");
    expect(area.status).toBe(200);
    expect(area.text).toContain("Referente Resistente");
    // More requests at once than the pool has connections: no dead connection is handed out again.
    const burst = await Promise.all(
      Array.from({ length: 16 }, (_, i) => request(app).get(i % 2 ? "/registro?q=resistente" : `/registro/${slug}`)),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(16).fill(200));
  }

  async function expectFriendlyOutage() {
    const health = await request(app).get("/health");
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: "unavailable", database: "unreachable" });

    for (const path of ["/", "/registro?q=nido", `/registro/${slug}`, "/mappa/dati.geojson"]) {
      const page = await request(app).get(path);
      expect(page.status, path).toBe(503);
      expect(page.headers["retry-after"], path).toBe("30");
    }
    const it = await request(app).get("/");
    expect(it.text).toContain("Servizio momentaneamente non disponibile");
    expect(it.text).toContain("I dati non sono andati persi");
    const en = await request(app).get("/registro?lang=en");
    expect(en.status).toBe(503);
    expect(en.text).toContain("Service temporarily unavailable");
    // The session store cannot be read: a signed-in user gets the same page, not a 500.
    const area = await company.get("/impresa");
    expect(area.status).toBe(503);
    expect(area.text).toContain("Servizio momentaneamente non disponibile");
    const post = await company.post("/esci").type("form").send({ _csrf: "x" });
    expect(post.status).toBe(503);
    // A page that needs no database still works.
    expect((await request(app).get("/accessibilita")).status).toBe(200);
    expect((await request(app).get("/ping")).text).toBe("pong");
  }

  async function waitUntilHealthy() {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      if ((await request(app).get("/health")).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error("/health did not recover within 30 s");
  }

  it("answers 503 while PostgreSQL is shut down (fast: connections see 57P01) and recovers alone", async () => {
    await expectEverythingWorks();
    cluster.stop("fast");
    await expectFriendlyOutage();
    cluster.start();
    await waitUntilHealthy();
    await expectEverythingWorks();
  }, 90_000);

  it("also after PostgreSQL is killed (immediate: connections just drop)", async () => {
    // Fill the pool with open connections first, so that dead ones would be found.
    await Promise.all(Array.from({ length: 8 }, () => request(app).get("/registro?q=resistente")));
    cluster.stop("immediate");
    await expectFriendlyOutage();
    cluster.start();
    await waitUntilHealthy();
    await expectEverythingWorks();
  }, 90_000);
});

describe("database errors are told apart from bugs", () => {
  it("recognizes connection errors of node-postgres, PostgreSQL, Prisma and its adapter", () => {
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(socket)).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(Object.assign(new Error("Server has closed the connection."), { code: "P1017" })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error("adapter"), { cause: { kind: "DatabaseNotReachable" } })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("x"), { meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([socket], "all attempts failed"))).toBe(true);
    // Bugs and bad data stay 500s (or whatever they are).
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
  });
});

describe("a crash in one request", () => {
  let ctx: TestContext;
  let app: express.Express;
  beforeAll(async () => {
    ctx = await createTestContext();
    app = ctx.app as unknown as express.Express;
    // Two broken handlers, placed before the 404 handler as a route of the app would be.
    app.get("/prova-guasto/sincrono", () => {
      throw new Error("a bug in a handler");
    });
    app.get("/prova-guasto/promessa", async () => {
      await Promise.resolve();
      throw new Error("a bug after an await");
    });
    const stack = (app as unknown as { router: { stack: unknown[] } }).router.stack;
    const added = stack.splice(-2);
    // The stack now ends with the 404 handler and the error handler.
    stack.splice(stack.length - 2, 0, ...added);
  });
  afterAll(() => ctx?.db.close());

  it("gets the 500 page and the process keeps serving", async () => {
    for (const path of ["/prova-guasto/sincrono", "/prova-guasto/promessa"]) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(500);
      expect(res.text).toContain("Si è verificato un errore");
      expect(res.text).not.toContain("a bug");
    }
    expect((await request(app).get("/")).status).toBe(200);
  });
});
