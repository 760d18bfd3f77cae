import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssetUrls, vendorPackage } from "../../src/middleware/assetUrls.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // Enough results for every answer to pass the 1 KB under which compression does not pay.
  for (let i = 0; i < 6; i++) await buildOrganization(ctx.db.prisma);
});
afterAll(async () => {
  await ctx?.db.close();
});

const IMMUTABLE = "public, max-age=31536000, immutable";
const links = (html: string) =>
  [...html.matchAll(/(?:href|src)="(\/assets\/[^"#]+)/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("static assets under versioned URLs", () => {
  it("links every stylesheet, script and icon by a versioned URL, cached for a year", async () => {
    const home = await request(ctx.app).get("/").expect(200);
    const urls = links(home.text);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url).toMatch(/^\/assets\/vendor\/(bootstrap-italia|leaflet)@\d+\.\d+\.\d+\/|\?v=[0-9a-f]{12}$/);
      const res = await request(ctx.app).get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe(IMMUTABLE);
    }
    const map = await request(ctx.app).get("/mappa").expect(200);
    expect(links(map.text)).toContain("/assets/vendor/leaflet@1.9.4/leaflet.js");
  });

  it("rewrites our stylesheet's font references to versioned URLs that exist", async () => {
    const home = await request(ctx.app).get("/").expect(200);
    const appCss = links(home.text).find((u) => u.startsWith("/assets/css/app.css?v="))!;
    const css = (await request(ctx.app).get(appCss).expect(200)).text;
    const fonts = [...css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(10);
    expect(fonts.every((f) => f.startsWith("/assets/vendor/bootstrap-italia@"))).toBe(true);
    const font = await request(ctx.app).get(fonts[0]!);
    expect(font.status).toBe(200);
    expect(font.headers["cache-control"]).toBe(IMMUTABLE);
  });

  it("revalidates an unversioned or outdated URL instead of caching it for a year", async () => {
    for (const url of [
      "/assets/css/app.css",
      "/assets/css/app.css?v=000000000000",
      "/assets/js/site.js",
      "/assets/leaflet/leaflet.js",
    ]) {
      const res = await request(ctx.app).get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("gives a file a new URL when its content changes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rwb-assets-"));
    try {
      writeFileSync(path.join(dir, "site.css"), 'body { background: url("/assets/bootstrap-italia/svg/x.svg") }');
      writeFileSync(path.join(dir, "site.js"), "console.log(1);");
      const vendors = [vendorPackage("bootstrap-italia")];
      const before = createAssetUrls(dir, vendors, true);
      const css = before.url("/assets/site.css");
      const js = before.url("/assets/site.js");
      expect(before.file("site.css")!.body.toString()).toMatch(
        /url\("\/assets\/vendor\/bootstrap-italia@[\d.]+\/svg\/x\.svg"\)/,
      );
      writeFileSync(path.join(dir, "site.js"), "console.log(2);");
      utimesSync(path.join(dir, "site.js"), new Date(), new Date(Date.now() + 5_000));
      // A deploy (a new process) links the new content; outside production the same process does at once.
      expect(createAssetUrls(dir, vendors, true).url("/assets/site.js")).not.toBe(js);
      expect(createAssetUrls(dir, vendors, true).url("/assets/site.css")).toBe(css);
      const dev = createAssetUrls(dir, vendors, false);
      const first = dev.url("/assets/site.js");
      writeFileSync(path.join(dir, "site.js"), "console.log(3);");
      utimesSync(path.join(dir, "site.js"), new Date(), new Date(Date.now() + 10_000));
      expect(dev.url("/assets/site.js")).not.toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("compression", () => {
  const cases: [string, RegExp][] = [
    ["/", /text\/html/],
    ["/statistiche/comuni.csv", /text\/csv/],
    ["/api/v1/comuni", /application\/json/],
    ["/mappa/dati.geojson", /application\/geo\+json/],
    ["/assets/bootstrap-italia/css/bootstrap-italia.min.css", /text\/css/],
  ];

  it("sends HTML, CSV, JSON, GeoJSON and CSS compressed when the client accepts it", async () => {
    for (const [url, type] of cases) {
      const br = await request(ctx.app).get(url).set("Accept-Encoding", "br, gzip");
      expect(br.status, url).toBe(200);
      expect(br.headers["content-type"], url).toMatch(type);
      expect(br.headers["content-encoding"], url).toBe("br");
      const gzip = await request(ctx.app).get(url).set("Accept-Encoding", "gzip");
      expect(gzip.headers["content-encoding"], url).toBe("gzip");
      expect(gzip.headers.vary, url).toMatch(/Accept-Encoding/i);
    }
  });

  it("sends them as they are to a client that does not accept compression", async () => {
    const res = await request(ctx.app).get("/").set("Accept-Encoding", "identity");
    expect(res.headers["content-encoding"]).toBeUndefined();
  });
});
