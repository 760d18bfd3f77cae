import express from "express";
import { get } from "node:http";
import { gunzipSync } from "node:zlib";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { limitConcurrentDownloads } from "../../src/middleware/concurrentDownloads.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// Open-data files are produced once per change of the register, stored on disk
// (plain and gzip) and streamed from there with the headers of a static file.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  for (let i = 0; i < 3; i++) await buildOrganization(ctx.db.prisma, { name: `Impresa scaricata ${i}` });
});
afterAll(async () => {
  await ctx?.db.close();
});

const FILES = ["registro.csv", "misure.csv", "registro.json", "registro.geojson", "hsds.json"];

describe("open-data files produced once per change of the register", () => {
  it("reads the register once per version, whatever the number of downloads", async () => {
    await request(ctx.app).get("/open-data/registro.csv").expect(200);
    const reads = vi.spyOn(ctx.db.pool, "query");
    // Four at once: as many as one client may run (OPEN_DATA_DOWNLOADS_PER_CLIENT).
    const answers = await Promise.all(Array.from({ length: 4 }, () => request(ctx.app).get("/open-data/registro.csv")));
    expect(answers.map((r) => r.status)).toEqual(Array(4).fill(200));
    // Only the version row is read (through Prisma's adapter on the same pool), never the register.
    const sql = reads.mock.calls.map((call) => JSON.stringify(call[0]));
    expect(sql.filter((text) => text.includes('"Organization"') && !text.includes("SearchState"))).toEqual([]);
    expect(sql.length).toBeLessThanOrEqual(4);
    reads.mockRestore();
  });

  it("is exact on the request after a change", async () => {
    const before = await request(ctx.app).get("/open-data/registro.csv").expect(200);
    expect(before.text).not.toContain("Impresa arrivata dopo");
    await buildOrganization(ctx.db.prisma, { name: "Impresa arrivata dopo" });
    for (const name of FILES) {
      const res = await request(ctx.app).get(`/open-data/${name}`).expect(200);
      expect(res.text, name).toContain("Impresa arrivata dopo");
    }
  });

  it("sends ETag, Last-Modified, Content-Disposition and answers conditional requests with 304", async () => {
    for (const name of FILES) {
      const res = await request(ctx.app).get(`/open-data/${name}`).set("Accept-Encoding", "identity").expect(200);
      expect(res.headers["content-disposition"], name).toBe(`attachment; filename="${name}"`);
      expect(res.headers.etag, name).toMatch(/^"[\d.]+-/);
      expect(res.headers["last-modified"], name).toBeTruthy();
      expect(Number(res.headers["content-length"]), name).toBe(Buffer.byteLength(res.text));
      await request(ctx.app)
        .get(`/open-data/${name}`)
        .set("Accept-Encoding", "identity")
        .set("If-None-Match", res.headers.etag!)
        .expect(304);
      await request(ctx.app)
        .get(`/open-data/${name}`)
        .set("Accept-Encoding", "identity")
        .set("If-Modified-Since", res.headers["last-modified"]!)
        .expect(304);
    }
    const etag = (await request(ctx.app).get("/open-data/registro.json").set("Accept-Encoding", "identity")).headers
      .etag!;
    await buildOrganization(ctx.db.prisma, { name: "Impresa che cambia l'ETag" });
    await request(ctx.app)
      .get("/open-data/registro.json")
      .set("Accept-Encoding", "identity")
      .set("If-None-Match", etag)
      .expect(200);
  });

  it("sends the stored gzip file to clients that accept it", async () => {
    const plain = await request(ctx.app)
      .get("/open-data/registro.geojson")
      .set("Accept-Encoding", "identity")
      .expect(200);
    const server = ctx.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as { port: number };
      // Node's own client: it does not decompress, so the bytes on the wire are checked.
      const raw = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
        (resolve, reject) => {
          get(
            {
              host: "127.0.0.1",
              port,
              path: "/open-data/registro.geojson",
              headers: { "Accept-Encoding": "gzip, br" },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            },
          ).on("error", reject);
        },
      );
      expect(raw.headers["content-encoding"]).toBe("gzip");
      expect(raw.headers.etag).not.toBe(plain.headers.etag);
      expect(raw.headers.vary).toMatch(/Accept-Encoding/);
      expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
      expect(gunzipSync(raw.body).toString()).toBe(plain.text);
    } finally {
      server.close();
    }
  });
});

describe("concurrent downloads per client", () => {
  it("answers 429 with Retry-After beyond the limit, and lets the client in again when one ends", async () => {
    const gates: (() => void)[] = [];
    const app = express();
    app.set("views", "views");
    app.set("view engine", "ejs");
    app.locals.t = (key: string) => key;
    app.locals.asset = (url: string) => url;
    app.locals.lang = "it";
    app.get("/file", limitConcurrentDownloads(2), (_req, res) => {
      gates.push(() => res.end("ok"));
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const get = () => fetch(`http://127.0.0.1:${port}/file`);
    try {
      const first = [get(), get()];
      while (gates.length < 2) await new Promise((resolve) => setImmediate(resolve));
      const refused = await get();
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("10");
      gates.shift()!();
      expect((await first[0]!).status).toBe(200);
      const again = get();
      while (gates.length < 2) await new Promise((resolve) => setImmediate(resolve));
      for (const open of gates) open();
      expect((await again).status).toBe(200);
      expect((await first[1]!).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
