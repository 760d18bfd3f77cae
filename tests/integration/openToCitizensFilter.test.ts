import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// "Aperte ai cittadini" is the filter citizens need most: in sight on the home search and on /registro.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.db.close());

/** The HTML of the first form posting to /registro. */
const searchFormIn = (html: string) => html.match(/<form method="get" action="\/registro"[\s\S]*?<\/form>/)?.[0] ?? "";

describe("the open-to-citizens filter", () => {
  it("is in the home page's search form, in Italian and English", async () => {
    const it = searchFormIn((await request(ctx.app).get("/")).text);
    expect(it).toMatch(/<input[^>]*type="checkbox"[^>]*name="aperte"[^>]*value="1"/);
    expect(it).toContain("Solo misure aperte ai cittadini");
    const en = searchFormIn((await request(ctx.app).get("/?lang=en")).text);
    expect(en).toContain("Only measures open to residents");
  });

  it("is at the top of /registro's form, outside the collapsed other filters", async () => {
    const form = searchFormIn((await request(ctx.app).get("/registro")).text);
    const checkbox = form.indexOf('name="aperte"');
    expect(checkbox).toBeGreaterThan(-1);
    expect(checkbox).toBeLessThan(form.indexOf("<details"));
  });

  it("stays checked after searching, without opening the other filters", async () => {
    const form = searchFormIn((await request(ctx.app).get("/registro?aperte=1")).text);
    expect(form).toMatch(/name="aperte"[^>]*checked/);
    expect(form).toMatch(/<details class="mt-3 filters">/);
  });
});
