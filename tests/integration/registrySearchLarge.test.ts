import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshSearchData } from "../../src/data/registry/searchIndexRepository.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// PostgreSQL's search (the in-process index, off here, ranks every match: memorySearchIndex.test.ts).
// More matches than are ranked (1,000): by relevance only the matches read
// are ranked, and the page says the order is approximate; by name the order
// stays exact (a walk of the name index).
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ searchCacheBytes: 0, searchMemoryIndex: false });
  await ctx.db.prisma.$executeRaw`
    INSERT INTO "Organization" (slug, "vatNumber", "registryStatus", "registryNumber", "registeredAt", name,
      "comuneCode", lat, lon, description, "updatedAt")
    SELECT 'tessitura-' || i, lpad(i::text, 11, '0'), 'REGISTERED', 'RWB-T-' || i, now() - i * interval '1 hour',
      'Tessitura ' || lpad(i::text, 4, '0'), '037006', 44.49, 11.34, 'Tessitura del territorio.', now()
    FROM generate_series(1, 1005) i`;
  await refreshSearchData(ctx.db.prisma, null);
});
afterAll(() => ctx?.db.close());

const page = async (query: string) => (await request(ctx.app).get(`/registro${query}`).expect(200)).text;
const approximate = /Ordinati per pertinenza tra i primi 1000 risultati/;

describe("a search with more than 1,000 matches", () => {
  it("says so when ordered by relevance, not when ordered by name", async () => {
    const byRelevance = await page("?q=tessitura");
    expect(byRelevance).toMatch(/Più di 1000 imprese trovate/);
    expect(byRelevance).toMatch(approximate);
    const byName = await page("?q=tessitura&ordina=nome");
    expect(byName).not.toMatch(approximate);
    expect(byName.indexOf("Tessitura 0001")).toBeGreaterThan(-1);
    expect(byName.indexOf("Tessitura 0001")).toBeLessThan(byName.indexOf("Tessitura 0002"));
    expect(await page("?q=tessitura&ordina=nome&pagina=2")).toContain("Tessitura 0021");
  });

  it("keeps an exact order by relevance when the words narrow it to 1,000 or fewer", async () => {
    expect(await page("?q=tessitura+0007")).not.toMatch(approximate);
  });
});
