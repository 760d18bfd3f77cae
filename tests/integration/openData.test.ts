import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOWNLOADS } from "../../src/services/monitoring/openDataService.js";
import { buildSubmittedApplication, buildUser, completePayload } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { approveSubmitted } from "../helpers/approve.js";
import { hsdsViolations } from "../helpers/hsdsSchema.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { inHtml, t } from "../helpers/catalogue.js";

// Every download of /open-data against the database: row counts, columns, and
// nothing unapproved or personal.
let ctx: TestContext;
const SECRETS = [
  "Impresa in bozza segreta",
  "Impresa sospesa segreta",
  "Domanda in bozza segreta",
  "Misura di una bozza segreta",
  "referente-privato@example.org",
  "segnalatore@example.org",
  "cittadina-consulenza@example.org",
];
const BULK = 1_205; // more than one batch of 1,000: the keyset paging must join them without gaps

beforeAll(async () => {
  ctx = await createTestContext();
  const p = ctx.db.prisma;
  const a = await buildOrganization(p, {
    name: "Officina Aperta",
    address: "Via Zamboni 33",
    contactEmail: "info@officina-aperta.example.org",
    phone: "051 123456",
    website: "https://officina-aperta.example.org",
    sizeClass: "MEDIUM",
    measures: [
      {
        title: "Nido di quartiere",
        category: "MINORI",
        openToCitizens: true,
        beneficiaries: ["EMPLOYEES", "CITIZENS"],
        currentOutcome: "TERRITORIAL_WELFARE",
      },
      { title: "Palestra aziendale", category: "SALUTE" },
    ],
  });
  await p.user.create({
    data: { email: "referente-privato@example.org", name: "Referente", passwordHash: "x", organizationId: a.id },
  });
  await p.problemReport.create({
    data: { organizationId: a.id, message: "Orari cambiati", reporterEmail: "segnalatore@example.org" },
  });
  await p.adviceRequest.create({
    data: {
      referenceCode: "C-1",
      name: "Cittadina",
      email: "cittadina-consulenza@example.org",
      topic: "MINORI",
      message: "Nidi?",
      consentAt: new Date(),
    },
  });
  await buildOrganization(p, {
    name: "Impresa in bozza segreta",
    registryStatus: "NOT_REGISTERED",
    registryNumber: null,
    measures: [{ title: "Misura in bozza" }],
  });
  await buildOrganization(p, {
    name: "Impresa sospesa segreta",
    registryStatus: "SUSPENDED",
    measures: [{ title: "Misura sospesa" }],
  });
  // A company whose first application is still a draft: its data lives in the payload only.
  const draft = await buildSubmittedApplication(
    p,
    completePayload({
      organization: { name: "Domanda in bozza segreta" },
      measures: [{ title: "Misura di una bozza segreta" }],
    }),
  );
  await p.application.update({ where: { id: draft.application.id }, data: { status: "DRAFT", submittedAt: null } });
  // An approved application (published through the approval helper).
  const { org } = await buildSubmittedApplication(p);
  await approveSubmitted(ctx, org.id);
  await buildUser(p, "REVIEWER");
  await p.organization.createMany({
    data: Array.from({ length: BULK }, (_, i) => ({
      slug: `massa-${i}`,
      name: `Impresa in massa ${i}`,
      registryStatus: "REGISTERED" as const,
      registryNumber: `RWB-MASSA-${i}`,
      registeredAt: new Date("2026-03-01T10:00:00Z"),
      comuneCode: "037006",
      lat: 44.49,
      lon: 11.34,
    })),
  });
});
afterAll(() => ctx?.db.close());

async function counts() {
  const p = ctx.db.prisma;
  const organizations = await p.organization.count({ where: { registryStatus: "REGISTERED" } });
  const measures = await p.measure.count({ where: { organization: { registryStatus: "REGISTERED" } } });
  return { organizations, measures };
}

function expectNoSecrets(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/** A CSV line split into fields (quoted fields may hold commas). */
function fields(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"'));
}

describe("/open-data", () => {
  it("describes the datasets and the licence and links every download", async () => {
    const res = await request(ctx.app).get("/open-data").expect(200);
    expect(res.text).toContain("CC BY 4.0");
    expect(res.text).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
    for (const file of [
      "registro.csv",
      "misure.csv",
      "registro-excel.csv",
      "misure-excel.csv",
      "registro.json",
      "registro.geojson",
      "hsds.json",
      "hsds-tassonomie.json",
      "catalogo.jsonld",
    ]) {
      expect(res.text).toContain(`href="/open-data/${file}"`);
    }
    // The Excel variants are explained beside the files, and offered for every statistic too.
    expect(res.text).toContain(inHtml(t("openData.encoding")));
    expect(res.text).toContain('href="/statistiche/comuni-excel.csv"');
    expect((await request(ctx.app).get("/open-data?lang=en").expect(200)).text).toContain("Download the register");
  });

  it("registro.csv: one row per registered organization, public contacts, no unapproved or personal data", async () => {
    const res = await request(ctx.app).get("/open-data/registro.csv").expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="registro.csv"');
    const lines = res.text.trimEnd().split("\r\n");
    const header = fields(lines[0]!);
    expect(header.slice(0, 4)).toEqual(["numero_iscrizione", "slug", "url", "denominazione"]);
    expect(header).toContain("email");
    expect(lines.length - 1).toBe((await counts()).organizations);
    expect(new Set(lines.slice(1).map((l) => fields(l)[1])).size).toBe(lines.length - 1);
    const officina = fields(lines.find((l) => l.includes("Officina Aperta"))!);
    const col = (name: string) => officina[header.indexOf(name)];
    expect(col("email")).toBe("info@officina-aperta.example.org");
    expect(col("telefono")).toBe("051 123456");
    expect(col("misure")).toBe("2");
    expect(col("misure_aperte_ai_cittadini")).toBe("1");
    expect(col("misure_welfare_territoriale")).toBe("1");
    expect(col("categorie")).toBe("minori|salute");
    expect(col("dimensione")).toBe("media");
    expectNoSecrets(res.text);
  });

  it("misure.csv: one row per published measure", async () => {
    const res = await request(ctx.app).get("/open-data/misure.csv").expect(200);
    const lines = res.text.trimEnd().split("\r\n");
    expect(fields(lines[0]!)).toContain("classificazione");
    expect(lines.length - 1).toBe((await counts()).measures);
    expect(res.text).toContain("Nido di quartiere");
    expect(res.text).not.toContain("Misura in bozza");
    expect(res.text).not.toContain("Misura sospesa");
    expectNoSecrets(res.text);
  });

  it("registro.json and registro.geojson hold the same organizations", async () => {
    const { organizations, measures } = await counts();
    const json = await request(ctx.app).get("/open-data/registro.json").expect(200);
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(json.body.licence).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(json.body.organizations).toHaveLength(organizations);
    expect(json.body.organizations.reduce((s: number, o: { measures: unknown[] }) => s + o.measures.length, 0)).toBe(
      measures,
    );
    const officina = json.body.organizations.find((o: { name: string }) => o.name === "Officina Aperta");
    expect(officina).toMatchObject({
      email: "info@officina-aperta.example.org",
      comune: { istatCode: "037006", name: "Bologna", cap: expect.stringMatching(/^\d{5}$/) },
      registeredAt: "2026-01-15T10:00:00.000Z",
      sizeClass: "media",
    });
    expect(officina.measures[0]).toMatchObject({
      title: "Nido di quartiere",
      category: "minori",
      beneficiaries: ["dipendenti", "cittadini"],
      classification: "welfare-territoriale",
      startsOn: null,
    });
    expect(Object.keys(officina)).not.toContain("users");
    expectNoSecrets(json.text);

    const geo = await request(ctx.app).get("/open-data/registro.geojson").expect(200);
    expect(geo.headers["content-type"]).toBe("application/geo+json; charset=utf-8");
    const collection = JSON.parse(geo.text);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(organizations);
    const feature = collection.features.find(
      (f: { properties: { name: string } }) => f.properties.name === "Officina Aperta",
    );
    expect(feature.geometry).toEqual({ type: "Point", coordinates: [11.3387, 44.4938] });
    expect(feature.properties).toMatchObject({ measures: 2, openMeasures: 1, categories: ["minori", "salute"] });
    expectNoSecrets(geo.text);
  });

  it("hsds.json: Open Referral HSDS 3.0 organizations with their services and locations", async () => {
    const { organizations, measures } = await counts();
    const res = await request(ctx.app).get("/open-data/hsds.json").expect(200);
    expect(res.body).toHaveLength(organizations);
    expect(hsdsViolations(res.body)).toEqual([]);
    expect(res.body.reduce((s: number, o: { services: unknown[] }) => s + o.services.length, 0)).toBe(measures);
    const officina = res.body.find((o: { name: string }) => o.name === "Officina Aperta");
    expect(officina.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(officina.services.map((s: { name: string }) => s.name).sort()).toEqual([
      "Nido di quartiere",
      "Palestra aziendale",
    ]);
    expect(officina.services[0].organization_id).toBe(officina.id);
    expect(officina.locations[0]).toMatchObject({ location_type: "physical", latitude: 44.4938, longitude: 11.3387 });
    expect(officina.locations[0].addresses[0]).toMatchObject({
      address_1: "Via Zamboni 33",
      city: "Bologna",
      country: "IT",
    });
    expect(officina.services[0].service_at_locations[0].location_id).toBe(officina.locations[0].id);
    expectNoSecrets(res.text);
  });

  it("answers 304 to a conditional request while the register is unchanged", async () => {
    const first = await request(ctx.app).get("/open-data/registro.geojson").expect(200);
    const lastModified = first.headers["last-modified"]!;
    expect(lastModified).toBeTruthy();
    await request(ctx.app).get("/open-data/registro.geojson").set("If-Modified-Since", lastModified).expect(304);
    // A change a few seconds later makes the download new again.
    const later = new Date(Date.parse(lastModified) + 5_000);
    await ctx.db.prisma.organization.updateMany({ where: { name: "Officina Aperta" }, data: { updatedAt: later } });
    await request(ctx.app).get("/open-data/registro.geojson").set("If-Modified-Since", lastModified).expect(200);
  });

  it("publishes a DCAT-AP_IT catalogue in JSON-LD", async () => {
    const res = await request(ctx.app).get("/open-data/catalogo.jsonld").expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/ld\+json/);
    const catalogue = JSON.parse(res.text);
    expect(catalogue["@context"].dcatapit).toBe("http://dati.gov.it/onto/dcatapit#");
    expect(catalogue["@type"]).toContain("dcatapit:Catalog");
    expect(catalogue["dct:publisher"]["foaf:name"]["@value"]).toBe("Città metropolitana di Bologna");
    expect(catalogue["dct:modified"]["@value"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Released with the oldest registration still public.
    const oldest = await ctx.db.prisma.organization.findFirst({
      where: { registryStatus: "REGISTERED", registeredAt: { not: null } },
      orderBy: { registeredAt: "asc" },
    });
    expect(catalogue["dct:issued"]["@value"]).toBe(oldest!.registeredAt!.toISOString().slice(0, 10));
    expect(catalogue["dct:issued"]["@value"] <= catalogue["dct:modified"]["@value"]).toBe(true);
    const datasets = catalogue["dcat:dataset"];
    const ipa = ctx.config.openDataPublisher.ipaCode;
    expect(datasets.map((d: { "dct:identifier": string }) => d["dct:identifier"])).toEqual([
      `${ipa}:registro-welfare:registro`,
      `${ipa}:registro-welfare:misure`,
      `${ipa}:registro-welfare:statistiche`,
    ]);
    // Every file of /open-data is in the catalogue (the Excel variants too).
    const listed = datasets.flatMap((d: { "dcat:distribution": { "dcat:downloadURL": { "@id": string } }[] }) =>
      d["dcat:distribution"].map((x) => new URL(x["dcat:downloadURL"]["@id"]).pathname),
    );
    expect(listed).toEqual(expect.arrayContaining(Object.keys(DOWNLOADS).map((file) => `/open-data/${file}`)));
    for (const dataset of datasets) {
      expect(dataset["@type"]).toContain("dcatapit:Dataset");
      expect(dataset["dcat:theme"][0]["@id"]).toMatch(
        /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/[A-Z]{4}$/,
      );
      expect(dataset["dct:publisher"]["foaf:name"]["@value"]).toBe("Città metropolitana di Bologna");
      for (const distribution of dataset["dcat:distribution"]) {
        expect(distribution["@type"]).toContain("dcatapit:Distribution");
        expect(distribution["dct:license"]["@id"]).toBe("https://creativecommons.org/licenses/by/4.0/");
        // Every download URL of the catalogue works.
        const path = new URL(distribution["dcat:downloadURL"]["@id"]).pathname;
        await request(ctx.app).get(path).expect(200);
      }
    }
  });

  it("answers 404 for an unknown file", async () => {
    await request(ctx.app).get("/open-data/utenti.csv").expect(404);
  });
});
