import ejs from "ejs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

describe("foundation", () => {
  it("answers /ping and checks the database on /health", async () => {
    expect((await request(ctx.app).get("/ping")).text).toBe("pong");
    const health = await request(ctx.app).get("/health");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok", database: "ok", searchIndex: expect.anything() });
  });

  it("sends a strict CSP and the other security headers", async () => {
    const res = await request(ctx.app).get("/");
    const csp = res.headers["content-security-policy"];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("renders pages from templates that declare their names instead of running inside with(locals)", async () => {
    expect(ctx.app.get("view options")).toMatchObject({ _with: false });
    expect(String(ejs.fileLoader(path.resolve("views/partials/top.ejs")))).toMatch(/^\s*<% var [\s\S]* = locals\./);
    const res = await request(ctx.app).get("/registro?q=asilo&lang=en");
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="en">');
  });

  it("gives anonymous visitors no session cookie", async () => {
    const res = await request(ctx.app).get("/registro");
    expect(res.headers["set-cookie"] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^rwb\.sid=/)]));
  });

  it("speaks Italian by default and English on request, remembering the choice", async () => {
    const it_ = await request(ctx.app).get("/registro");
    expect(it_.text).toContain('<html lang="it">');
    expect(it_.text).toContain("Cerca nel registro");
    const en = await request(ctx.app).get("/registro?lang=en");
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain("Search the register");
    const cookie = en.headers["set-cookie"] as unknown as string[];
    expect(cookie.join(";")).toMatch(/lang=en/);
    const again = await request(ctx.app).get("/registro").set("Cookie", "lang=en");
    expect(again.text).toContain('<html lang="en">');
  });

  it("has a skip link, the accessibility statement and the privacy notice", async () => {
    const home = await request(ctx.app).get("/");
    expect(home.text).toContain('href="#contenuto"');
    expect(home.text).toContain('href="/accessibilita"');
    expect(home.text).toContain('href="/privacy"');
    expect((await request(ctx.app).get("/accessibilita")).status).toBe(200);
    expect((await request(ctx.app).get("/privacy")).status).toBe(200);
  });

  it("serves Bootstrap Italia and Leaflet from the project", async () => {
    const css = await request(ctx.app).get("/assets/bootstrap-italia/css/bootstrap-italia.min.css");
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toContain("text/css");
    expect((await request(ctx.app).get("/assets/leaflet/leaflet.js")).status).toBe(200);
    expect((await request(ctx.app).get("/assets/css/app.css")).status).toBe(200);
  });

  it("answers unknown pages with a friendly 404", async () => {
    const res = await request(ctx.app).get("/non-esiste");
    expect(res.status).toBe(404);
    expect(res.text).toContain('<html lang="it">');
  });

  it("refuses a state-changing request without a CSRF token", async () => {
    const res = await request(ctx.app).post("/registro").type("form").send({ q: "x" });
    expect(res.status).toBe(403);
  });
});
