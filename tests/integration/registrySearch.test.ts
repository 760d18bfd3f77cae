import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// Four public organizations and three that must never be public, all matching "asilo".
let ctx: TestContext;
const names = (text: string) =>
  [...text.matchAll(/<h3 class="card-title[^>]*><a href="\/registro\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const search = async (query: string) => {
  const res = await request(ctx.app).get(`/registro${query}`);
  return { status: res.status, names: names(res.text), text: res.text };
};

beforeAll(async () => {
  ctx = await createTestContext();
  const p = ctx.db.prisma;
  await buildOrganization(p, {
    name: "Alfa Meccanica S.r.l.",
    slug: "alfa",
    comuneCode: "037006",
    lat: 44.4944,
    lon: 11.3417,
    sizeClass: "MEDIUM",
    atecoSectionCode: "C",
    registeredAt: new Date("2025-03-01"),
    measures: [
      {
        title: "Asilo nido aziendale",
        description: "Posti per i figli dei dipendenti e del quartiere.",
        category: "MINORI",
        openToCitizens: true,
        beneficiaries: ["EMPLOYEES", "CITIZENS"],
        status: "ACTIVE",
      },
    ],
  });
  await buildOrganization(p, {
    name: "Cooperativa Città Solidale",
    slug: "citta-solidale",
    comuneCode: "037032",
    lat: 44.3531,
    lon: 11.7142,
    sizeClass: "SMALL",
    atecoSectionCode: "Q",
    registeredAt: new Date("2025-06-01"),
    measures: [
      {
        title: "Assistente familiare condivisa",
        description: "Aiuto a domicilio per anziani.",
        category: "ANZIANI",
        openToCitizens: false,
        beneficiaries: ["FAMILIES"],
        status: "PLANNED",
      },
    ],
  });
  await buildOrganization(p, {
    name: "Beta Assicurazioni S.p.A.",
    slug: "beta",
    comuneCode: "037011",
    lat: 44.4812,
    lon: 11.2825,
    sizeClass: "LARGE",
    atecoSectionCode: "K",
    registeredAt: new Date("2026-09-01"),
    measures: [
      {
        title: "Screening cardiologico",
        description: "Controlli gratuiti aperti al territorio.",
        category: "SALUTE",
        openToCitizens: true,
        beneficiaries: ["EMPLOYEES", "CITIZENS"],
        status: "ACTIVE",
      },
      {
        title: "Centro estivo",
        description: "Per i figli dei dipendenti.",
        category: "MINORI",
        openToCitizens: false,
        beneficiaries: ["FAMILIES"],
        status: "ACTIVE",
      },
    ],
  });
  await buildOrganization(p, {
    name: "Gamma Trasporti",
    slug: "gamma",
    comuneCode: "037062",
    lat: 44.1601,
    lon: 10.9733,
    sizeClass: "MICRO",
    atecoSectionCode: "H",
    registeredAt: new Date("2024-01-10"),
    measures: [
      {
        title: "Navetta casa-lavoro",
        description: "Servizio di trasporto condiviso.",
        category: "MOBILITA",
        openToCitizens: true,
        beneficiaries: ["EMPLOYEES"],
        status: "ACTIVE",
      },
    ],
  });
  const hidden = {
    comuneCode: "037006",
    lat: 44.4944,
    lon: 11.3417,
    sizeClass: "MEDIUM" as const,
    atecoSectionCode: "C",
    measures: [
      {
        title: "Asilo nido segreto",
        description: "asilo",
        category: "MINORI" as const,
        openToCitizens: true,
        beneficiaries: ["CITIZENS" as const],
      },
    ],
  };
  await buildOrganization(p, {
    ...hidden,
    name: "Bozza Riservata Asilo",
    slug: "bozza",
    registryStatus: "NOT_REGISTERED",
    registryNumber: null,
  });
  await buildOrganization(p, { ...hidden, name: "Sospesa Asilo S.r.l.", slug: "sospesa", registryStatus: "SUSPENDED" });
  await buildOrganization(p, {
    ...hidden,
    name: "Ritirata Asilo S.r.l.",
    slug: "ritirata",
    registryStatus: "WITHDRAWN",
  });
});
afterAll(() => ctx?.db.close());

describe("/registro", () => {
  it("lists every registered organization, and only those, by name", async () => {
    const r = await search("");
    expect(r.status).toBe(200);
    expect(r.names).toEqual([
      "Alfa Meccanica S.r.l.",
      "Beta Assicurazioni S.p.A.",
      "Cooperativa Città Solidale",
      "Gamma Trasporti",
    ]);
    expect(r.text).toContain("4 imprese trovate");
  });

  it("finds words with Italian stemming and without accents", async () => {
    // "asilo" is also a word for the childcare category (content/search-vocabulary.json): Beta's summer camp.
    expect((await search("?q=asilo")).names).toEqual(["Alfa Meccanica S.r.l.", "Beta Assicurazioni S.p.A."]);
    expect((await search("?q=asili")).names).toEqual(["Alfa Meccanica S.r.l.", "Beta Assicurazioni S.p.A."]);
    expect((await search("?q=aziendale")).names).toEqual(["Alfa Meccanica S.r.l."]);
    expect((await search("?q=aziendali")).names).toEqual(["Alfa Meccanica S.r.l."]);
    expect((await search("?q=citta")).names).toEqual(["Cooperativa Città Solidale"]);
    expect((await search("?q=CITTÀ+solidale")).names).toEqual(["Cooperativa Città Solidale"]);
    expect((await search("?q=Imola")).names).toEqual(["Cooperativa Città Solidale"]);
  });

  it("filters by one or more categories", async () => {
    expect((await search("?categoria=minori")).names).toEqual(["Alfa Meccanica S.r.l.", "Beta Assicurazioni S.p.A."]);
    expect((await search("?categoria=salute&categoria=mobilita")).names).toEqual([
      "Beta Assicurazioni S.p.A.",
      "Gamma Trasporti",
    ]);
  });

  it("filters by comune, size class, ATECO section, beneficiaries and status", async () => {
    expect((await search("?comune=037032")).names).toEqual(["Cooperativa Città Solidale"]);
    expect((await search("?dimensione=micro&dimensione=grande")).names).toEqual([
      "Beta Assicurazioni S.p.A.",
      "Gamma Trasporti",
    ]);
    expect((await search("?ateco=q")).names).toEqual(["Cooperativa Città Solidale"]);
    expect((await search("?beneficiari=familiari")).names).toEqual([
      "Beta Assicurazioni S.p.A.",
      "Cooperativa Città Solidale",
    ]);
    expect((await search("?stato=in-progettazione")).names).toEqual(["Cooperativa Città Solidale"]);
  });

  it("keeps only measures open to citizens, on the same measure as the category", async () => {
    expect((await search("?aperte=1")).names).toEqual([
      "Alfa Meccanica S.r.l.",
      "Beta Assicurazioni S.p.A.",
      "Gamma Trasporti",
    ]);
    // Beta's childcare measure is closed; its open one is about health.
    expect((await search("?aperte=1&categoria=minori")).names).toEqual(["Alfa Meccanica S.r.l."]);
  });

  it("shows only territorial-welfare measures by their current classification", async () => {
    const p = ctx.db.prisma;
    await p.measure.updateMany({
      where: { title: "Asilo nido aziendale" },
      data: { currentOutcome: "TERRITORIAL_WELFARE" },
    });
    await p.measure.updateMany({
      where: { title: "Screening cardiologico" },
      data: { currentOutcome: "COMPANY_BENEFIT" },
    });
    try {
      expect((await search("?classificazione=welfare-territoriale")).names).toEqual(["Alfa Meccanica S.r.l."]);
      // On the same measure as the other filters: Alfa's territorial measure is not about health.
      expect((await search("?classificazione=welfare-territoriale&categoria=salute")).names).toEqual([]);
      const r = await search("?classificazione=welfare-territoriale");
      expect(r.text).toMatch(/id="classificazione" value="welfare-territoriale" checked/);
      const bad = await search("?classificazione=benefit");
      expect(bad.status).toBe(400);
      expect(bad.text).toContain("welfare-territoriale");
    } finally {
      await p.measure.updateMany({ data: { currentOutcome: null } });
    }
  });

  it("searches near a comune within a radius, nearest first, with distances", async () => {
    const near = await search("?vicino=037006&raggio=15");
    expect(near.names).toEqual(["Alfa Meccanica S.r.l.", "Beta Assicurazioni S.p.A."]);
    expect(near.text).toMatch(/a 0(,\d)? km/);
    expect(near.text).toMatch(/a [4-5],\d km/);
    const wide = await search("?vicino=037006&raggio=50");
    expect(wide.names).toEqual([
      "Alfa Meccanica S.r.l.",
      "Beta Assicurazioni S.p.A.",
      "Cooperativa Città Solidale",
      "Gamma Trasporti",
    ]);
  });

  it("searches near the browser's position", async () => {
    // A point in Casalecchio: Beta first, then Alfa.
    expect((await search("?lat=44.48&lon=11.28&raggio=10")).names).toEqual([
      "Beta Assicurazioni S.p.A.",
      "Alfa Meccanica S.r.l.",
    ]);
  });

  it("combines text, place and openness", async () => {
    expect((await search("?q=screening&vicino=037006&raggio=15&aperte=1")).names).toEqual([
      "Beta Assicurazioni S.p.A.",
    ]);
    expect((await search("?q=screening&vicino=037032&raggio=15")).names).toEqual([]);
  });

  it("sorts by name, newest and distance on request", async () => {
    expect((await search("?ordina=recenti")).names).toEqual([
      "Beta Assicurazioni S.p.A.",
      "Cooperativa Città Solidale",
      "Alfa Meccanica S.r.l.",
      "Gamma Trasporti",
    ]);
    expect((await search("?vicino=037062&raggio=100&ordina=nome")).names[0]).toBe("Alfa Meccanica S.r.l.");
    expect((await search("?vicino=037062&raggio=100")).names[0]).toBe("Gamma Trasporti");
  });

  it("never shows drafts, suspended or withdrawn entries", async () => {
    for (const query of [
      "",
      "?q=asilo",
      "?q=segreto",
      "?vicino=037006&raggio=5",
      "?categoria=minori&aperte=1",
      "?q=riservata",
    ]) {
      const r = await search(query);
      expect(r.text).not.toMatch(/Bozza Riservata|Sospesa Asilo|Ritirata Asilo|Asilo nido segreto/);
    }
    for (const slug of ["bozza", "sospesa", "ritirata"]) {
      expect((await request(ctx.app).get(`/registro/${slug}`)).status).toBe(404);
    }
    const geo = await request(ctx.app).get("/mappa/dati.geojson?q=asilo");
    expect(geo.body.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([
      "Alfa Meccanica S.r.l.",
      "Beta Assicurazioni S.p.A.",
    ]);
  });

  it("keeps the filters in the form and in the page links", async () => {
    const r = await search("?q=asilo&categoria=minori&vicino=037006&raggio=25&aperte=1");
    expect(r.text).toContain('value="asilo"');
    expect(r.text).toMatch(/id="categoria-minori" value="minori" checked/);
    expect(r.text).toMatch(/<option value="037006" selected>Bologna<\/option>/);
    expect(r.text).toMatch(/<option value="25" selected>/);
    expect(r.text).toMatch(/id="aperte" value="1" checked/);
    expect(r.text).toContain('href="/mappa?q=asilo&amp;categoria=minori&amp;vicino=037006&amp;raggio=25&amp;aperte=1"');
  });

  it("pages through results with page links that keep the filters", async () => {
    for (let i = 0; i < 21; i++)
      await buildOrganization(ctx.db.prisma, {
        name: `Zeta Paginata ${String(i).padStart(2, "0")}`,
        comuneCode: "037054",
        lat: 44.47,
        lon: 11.41,
      });
    const first = await search("?comune=037054");
    expect(first.names).toHaveLength(20);
    expect(first.text).toContain("21 imprese trovate");
    expect(first.text).toContain('href="/registro?comune=037054&amp;pagina=2"');
    const second = await search("?comune=037054&pagina=2");
    expect(second.names).toEqual(["Zeta Paginata 20"]);
    const beyond = await search("?comune=037054&pagina=3");
    expect(beyond.status).toBe(200);
    expect(beyond.text).toContain("oltre l&#39;ultima pagina");
  });

  it("answers malformed values with 400 and a clear message, never 500", async () => {
    const cases: [string, string][] = [
      ["?categoria=pizza", "Categoria non riconosciuta"],
      ["?comune=999999", "Comune non riconosciuto"],
      ["?vicino=abc", "Comune di partenza non riconosciuto"],
      ["?lat=44.5", "servono sia la latitudine sia la longitudine"],
      ["?lat=north&lon=11", "La latitudine deve essere un numero"],
      ["?raggio=-3&vicino=037006", "Il raggio deve essere"],
      ["?raggio=1e9&vicino=037006", "Il raggio deve essere"],
      ["?aperte=si", "accetta solo il valore 1"],
      ["?dimensione=enorme", "Dimensione non riconosciuta"],
      ["?beneficiari=tutti", "Destinatari non riconosciuti"],
      ["?ateco=ZZ", "Sezione ATECO non riconosciuta"],
      ["?stato=chiusa", "Stato non riconosciuto"],
      ["?ordina=caso", "Ordinamento non riconosciuto"],
      ["?ordina=distanza", "Per ordinare per distanza"],
      ["?pagina=0", "Il numero di pagina"],
      ["?pagina=abc", "Il numero di pagina"],
      ["?q=" + "x".repeat(201), "al massimo 200 caratteri"],
      ["?q=a&q=b", "al massimo 200 caratteri"],
      ["?vicino=037006&lat=44&lon=11", "Scegli un solo punto di partenza"],
    ];
    for (const [query, message] of cases) {
      const r = await search(query);
      expect(r.status, query).toBe(400);
      expect(r.text, query).toContain(message);
      expect(r.text, query).toContain('id="riepilogo-errori"');
    }
    expect((await request(ctx.app).get("/mappa/dati.geojson?categoria=pizza")).status).toBe(400);
  });

  it("treats hostile text as words, never as SQL or HTML", async () => {
    const r = await search(
      `?q=${encodeURIComponent('\'); DROP TABLE "Organization"; -- <script>alert(1)</script> & | ! :*')}`,
    );
    expect(r.status).toBe(200);
    expect(r.text).not.toContain("<script>alert(1)</script>");
    expect(await ctx.db.prisma.organization.count()).toBeGreaterThan(0);
  });
});
