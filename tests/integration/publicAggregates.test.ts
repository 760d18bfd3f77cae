import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app.js";
import { connect, type Database } from "../../src/db/database.js";
import { createPublicDataVersionRepository } from "../../src/data/monitoring/publicDataVersionRepository.js";
import { seedReferenceData } from "../../src/db/seed/referenceData.js";
import type { Services } from "../../src/services/index.js";
import { buildUser } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildApp, createTestContext, type TestContext } from "../helpers/testApp.js";

// The home page's counts and the public statistics are computed once per
// committed change of the data they read, then served from memory: they must
// still be exact on the very next request, on every instance.
let ctx: TestContext;
let secondDb: Database;
let a: ReturnType<typeof createApp>;
let b: ReturnType<typeof createApp>;
let bServices: Services;
let staff: { id: number; name: string };

beforeAll(async () => {
  ctx = await createTestContext();
  // The embedded PGlite serves one connection: there both instances share its pool.
  secondDb = ctx.db.kind === "server" ? connect(ctx.db.connectionString, 5, "server", async () => {}) : ctx.db;
  a = ctx.app;
  ({ app: b, services: bServices } = buildApp(ctx.config, secondDb));
  const user = await buildUser(ctx.db.prisma, "ADMIN");
  staff = { id: user.id, name: user.name };
});
afterAll(async () => {
  if (secondDb && secondDb !== ctx.db) await secondDb.close();
  await ctx?.db.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const services = (app: ReturnType<typeof createApp>): Services => (app === a ? ctx.services : bServices);

/** The three figures of the home page: organizations, measures, measures open to citizens. */
async function homeFigures(app: ReturnType<typeof createApp>) {
  const res = await request(app).get("/").expect(200);
  return [...res.text.matchAll(/class="home-figure-number">([\d.]+)</g)].map((m) => Number(m[1]!.replace(/\./g, "")));
}

async function statisticsTotal(app: ReturnType<typeof createApp>) {
  const csv = (await request(app).get("/statistiche/dimensioni.csv").expect(200)).text;
  return csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .reduce((sum, line) => sum + Number(line.split(",")[1]), 0);
}

describe("aggregates computed once per change of the register", () => {
  it("shows an approval and a suspension on the next request of both instances", async () => {
    const p = ctx.db.prisma;
    await buildOrganization(p, { measures: [{ openToCitizens: true }, {}] });
    // Both instances have computed and kept their figures.
    expect(await homeFigures(a)).toEqual([1, 2, 1]);
    expect(await homeFigures(b)).toEqual([1, 2, 1]);
    expect(await statisticsTotal(a)).toBe(1);
    expect(await statisticsTotal(b)).toBe(1);

    // Registered through the database (as an approval commits it): both see it at once.
    const second = await buildOrganization(p, { sizeClass: "MICRO" });
    expect(await homeFigures(a)).toEqual([2, 3, 1]);
    expect(await homeFigures(b)).toEqual([2, 3, 1]);
    expect(await statisticsTotal(b)).toBe(2);
    expect((await request(a).get("/statistiche/dimensioni.csv")).text).toContain("micro,1");

    // Suspended by staff on instance A: instance B's next answers drop it.
    expect(await services(a).registerUpkeep.suspend(second.id, staff, "Verifica in corso")).toEqual({ ok: true });
    expect(await homeFigures(b)).toEqual([1, 2, 1]);
    expect(await statisticsTotal(b)).toBe(1);
    expect((await request(b).get("/statistiche")).text).not.toMatch(/micro/i);
    expect(await services(a).registerUpkeep.reinstate(second.id, staff, "Verificata")).toEqual({ ok: true });
    expect(await homeFigures(a)).toEqual([2, 3, 1]);
  });

  it("answers repeated requests with one query each: the version", async () => {
    const p = ctx.db.prisma;
    await request(a).get("/statistiche").expect(200);
    await request(a).get("/").expect(200);
    const raw = vi.spyOn(p, "$queryRaw");
    const count = vi.spyOn(p.organization, "count");
    for (let i = 0; i < 3; i++) {
      await request(a).get("/statistiche").expect(200);
      await request(a).get("/statistiche/comuni.csv").expect(200);
      await request(a).get("/").expect(200);
    }
    // Each: the version row(s), and nothing that scans the register.
    expect(raw.mock.calls.length).toBeLessThanOrEqual(9);
    expect(count).not.toHaveBeenCalled();
    raw.mockRestore();
    count.mockRestore();
  });

  it("keeps the version when an instance starts and finds the reference data unchanged", async () => {
    // Every start upserts the comuni and the ATECO sections: rewriting equal rows would
    // bump the version and make every running instance rebuild its figures and search index.
    const versions = createPublicDataVersionRepository(ctx.db.prisma);
    await seedReferenceData(ctx.db.prisma);
    const before = await versions.version();
    await seedReferenceData(ctx.db.prisma);
    expect(await versions.version()).toBe(before);
    await ctx.db.prisma.comune.update({ where: { istatCode: "037006" }, data: { population: 1 } });
    expect(await versions.version()).not.toBe(before);
    await seedReferenceData(ctx.db.prisma);
    expect((await ctx.db.prisma.comune.findUniqueOrThrow({ where: { istatCode: "037006" } })).population).not.toBe(1);
  });

  it("counts a funding record and an event as soon as they are committed, and an event once it is held", async () => {
    const p = ctx.db.prisma;
    const contributi = () => request(b).get("/statistiche/contributi.csv").expect(200);
    const eventi = () => request(b).get("/statistiche/eventi.csv").expect(200);
    expect((await contributi()).text).not.toContain("Regione Emilia-Romagna");
    await p.contribution.create({
      data: {
        activity: "Sportello",
        amount: "1200.50",
        resource: "Bando",
        fundedBy: "Regione Emilia-Romagna",
        grantedOn: new Date("2026-03-01"),
      },
    });
    expect((await contributi()).text).toContain("Regione Emilia-Romagna");

    // An event starting in an hour: not held yet, then counted once its start has passed.
    const start = new Date(Date.now() + 3_600_000);
    await p.event.create({
      data: {
        slug: "seminario-futuro",
        title: "Seminario",
        type: "SEMINAR",
        startsAt: start,
        place: "Bologna",
        organizer: "CM Bologna",
        participants: 40,
      },
    });
    expect((await eventi()).text).not.toContain("SEMINAR");
    vi.useFakeTimers({ toFake: ["Date"], now: start.getTime() + 60_000 });
    expect((await eventi()).text).toContain(",SEMINAR,1,40");
  });
});
