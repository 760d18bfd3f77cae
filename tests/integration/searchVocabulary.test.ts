import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// Measures whose titles and texts never use the words people type for their category.
let ctx: TestContext;
const names = (text: string) =>
  [...text.matchAll(/<h3 class="card-title[^>]*><a href="\/registro\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const registry = async (query: string) => names((await request(ctx.app).get(`/registro?${query}`)).text);
const api = async (query: string) =>
  ((await request(ctx.app).get(`/api/v1/organizations?${query}`)).body as { items: { name: string }[] }).items.map(
    (o) => o.name,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  const p = ctx.db.prisma;
  const org = (
    name: string,
    category: "CONCILIAZIONE" | "MINORI" | "ANZIANI" | "SALUTE" | "EDUCAZIONE" | "TEMPO_LIBERO" | "MOBILITA" | "ALTRO",
    title: string,
  ) => buildOrganization(p, { name, measures: [{ title, description: "Per chi lavora qui.", category }] });
  await org("Uno Conciliante", "CONCILIAZIONE", "Orari su misura");
  await org("Due Famiglie", "MINORI", "Rette agevolate");
  await org("Tre Cure", "ANZIANI", "Sostegno domiciliare");
  await org("Quattro Ambulatori", "SALUTE", "Convenzione poliambulatorio");
  await org("Cinque Saperi", "EDUCAZIONE", "Contributo per i libri");
  await org("Sei Svaghi", "TEMPO_LIBERO", "Ingressi ridotti");
  await org("Sette Strade", "MOBILITA", "Rimborso chilometrico");
  await org("Otto Varie", "ALTRO", "Pacco natalizio");
  await buildOrganization(p, {
    name: "Nove Bimbi Meccanica",
    measures: [{ title: "Premio di produzione", category: "ALTRO" }],
  });
});
afterAll(() => ctx?.db.close());

describe("search words for categories", () => {
  it("finds each category from its name, its everyday words and English words, on /registro", async () => {
    const expected: [string, string[]][] = [
      ["Uno Conciliante", ["conciliazione", "smart+working", "work-life+balance"]],
      ["Due Famiglie", ["bambini", "infanzia", "nido", "asilo", "children", "childcare"]],
      ["Tre Cure", ["anziani", "badante", "non+autosufficienza", "elderly"]],
      ["Quattro Ambulatori", ["medico", "dottore", "visite", "screening", "health"]],
      ["Cinque Saperi", ["educazione", "formazione", "education"]],
      ["Sei Svaghi", ["tempo+libero", "sport", "leisure"]],
      ["Sette Strade", ["trasporto", "navetta", "bus", "mobilit%C3%A0", "mobilita", "transport"]],
    ];
    for (const [name, words] of expected) {
      for (const word of words) expect(await registry(`q=${word}`), word).toEqual([name]);
    }
    expect((await registry("q=other+services")).sort()).toEqual(["Nove Bimbi Meccanica", "Otto Varie"]);
  });

  it("still finds the word itself, stemmed, and combines it with other words", async () => {
    // "bimbi" is also in a name: the word or the category.
    expect((await registry("q=bimbi")).sort()).toEqual(["Due Famiglie", "Nove Bimbi Meccanica"]);
    expect(await registry("q=bimbi+rette")).toEqual(["Due Famiglie"]);
    expect(await registry("q=bimbi+produzione")).toEqual(["Nove Bimbi Meccanica"]);
    expect(await registry("q=anziani+bologna")).toEqual(["Tre Cure"]);
    expect(await registry("q=convenzioni")).toEqual(["Quattro Ambulatori"]);
  });

  it("answers English words on the English site and through the API", async () => {
    expect(await registry("lang=en&q=elderly")).toEqual(["Tre Cure"]);
    expect(await api("q=elderly")).toEqual(["Tre Cure"]);
    expect(await api("q=children")).toEqual(["Due Famiglie"]);
    expect((await api("q=bimbi")).sort()).toEqual(["Due Famiglie", "Nove Bimbi Meccanica"]);
    expect(await api("q=conciliazione")).toEqual(["Uno Conciliante"]);
  });
});
