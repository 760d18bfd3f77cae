import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { csrfFrom } from "../helpers/csrf.js";

// Requests whose text cannot be read are malformed: 400, never 500 nor a quiet guess.
// PostgreSQL refuses NUL in text (22021); bad percent-encoding is not UTF-8 text at all.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

describe("a NUL character anywhere in a request", () => {
  it("in a form field: 400, nothing stored (with a valid CSRF token)", async () => {
    const citizen = request.agent(ctx.app);
    const token = csrfFrom((await citizen.get("/consulenza")).text);
    const res = await citizen.post("/consulenza").type("form").send({
      _csrf: token,
      name: "Giulia Rossi",
      email: "giulia.rossi@example.org",
      comuneCode: "037006",
      topic: "ANZIANI",
      message: "Una domanda abbastanza lunga\u0000con un carattere nullo.",
      privacy: "1",
      website: "",
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Non siamo riusciti a capire la richiesta");
    expect(await ctx.db.prisma.adviceRequest.count()).toBe(0);
  });

  it("in the query string or the address: 400", async () => {
    expect((await request(ctx.app).get("/registro?q=asilo%00nido")).status).toBe(400);
    expect((await request(ctx.app).get("/registro/impresa%00")).status).toBe(400);
    expect((await request(ctx.app).get("/eventi/%00")).status).toBe(400);
  });

  it("in an API request: 400 as application/problem+json", async () => {
    const res = await request(ctx.app).get("/api/v1/organizations?q=a%00b");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({
      status: 400,
      detail: "La richiesta contiene un carattere nullo (%00), che non è ammesso.",
    });
  });

  it("is not confused with an ordinary request", async () => {
    expect((await request(ctx.app).get("/registro?q=asilo+nido")).status).toBe(200);
    expect((await request(ctx.app).get("/api/v1/organizations?q=asilo")).status).toBe(200);
  });
});

describe("percent-encoding that is not UTF-8", () => {
  it("is the same 400 page in a query value as in a path segment", async () => {
    // Express refuses %FF in a route parameter; its query parser alone would read U+FFFD and search for it.
    for (const path of [
      "/registro?q=%FF",
      "/registro?q=%C3%28",
      "/registro?q=50%",
      "/registro/%FF",
      "/eventi/%C3%28",
    ]) {
      const res = await request(ctx.app).get(path);
      expect(res.status, path).toBe(400);
      expect(res.text, path).toContain("Non siamo riusciti a capire la richiesta");
    }
  });

  it("leaves well-encoded text alone", async () => {
    expect((await request(ctx.app).get("/registro?q=citt%C3%A0+50%25")).status).toBe(200);
  });
});
