import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed/demoData.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { hsdsTermViolations, hsdsViolations } from "../helpers/hsdsSchema.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// /open-data/hsds.json against the HSDS 3.0 schemas of tests/schemas/hsds, on the
// demo register and on organizations that show each mapping choice.

type Term = {
  id: string;
  code: string;
  name: string;
  taxonomy_id: string;
  taxonomy_detail: { id: string; name: string };
};
type Attribute = {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
};
type Service = Record<string, unknown> & {
  id: string;
  name: string;
  attributes: Attribute[];
  service_at_locations: { id: string; service_id: string; location_id: string }[];
};
type Organization = Record<string, unknown> & {
  id: string;
  name: string;
  locations: { id: string; addresses: unknown[] }[];
  organization_identifiers: { identifier_scheme?: string; identifier_type: string; identifier: string }[];
  services: Service[];
};

let ctx: TestContext;
let file: Organization[];
let taxonomyTerms: Term[];
const termOf = (a: Attribute) => taxonomyTerms.find((t) => t.id === a.taxonomy_term_id)!;
const byName = (name: string) => file.find((o) => o.name === name)!;
const service = (org: string, name: string) => byName(org).services.find((s) => s.name === name)!;
const terms = (s: Service, linkType: string) =>
  s.attributes.filter((a) => a.link_type === linkType).map((a) => termOf(a).code);

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoData(ctx.db.prisma);
  await buildOrganization(ctx.db.prisma, {
    name: "Officina dei Progetti",
    vatNumber: "01234567897",
    legalForm: "S.r.l.",
    address: "Via dell'Indipendenza 1",
    phone: "051 654321",
    measures: [
      {
        title: "Nido in progettazione",
        category: "MINORI",
        status: "PLANNED",
        beneficiaries: ["EMPLOYEES", "CITIZENS"],
        openToCitizens: true,
        accessConditions: "Iscrizioni allo sportello del quartiere, il lunedì dalle 9 alle 12.",
        costToCitizens: "Retta ridotta per i residenti",
        areaServed: "Quartiere Navile",
        currentOutcome: "TERRITORIAL_WELFARE",
      },
      {
        title: "Palestra conclusa",
        category: "SALUTE",
        status: "ENDED",
        beneficiaries: ["EMPLOYEES"],
        currentOutcome: "COMPANY_BENEFIT",
      },
      { title: "Sportello attivo", status: "ACTIVE", beneficiaries: [] },
    ],
  });
  // Neither street nor position: the register knows no seat.
  await buildOrganization(ctx.db.prisma, { name: "Impresa senza sede", comuneCode: null, lat: null, lon: null });
  const res = await request(ctx.app).get("/open-data/hsds.json").expect(200);
  file = res.body as Organization[];
  taxonomyTerms = (await request(ctx.app).get("/open-data/hsds-tassonomie.json").expect(200)).body as Term[];
}, 60_000);
afterAll(() => ctx?.db.close());

describe("hsds.json and HSDS 3.0", () => {
  it("conforms to the HSDS 3.0 schemas, demo register included", () => {
    expect(file.length).toBeGreaterThan(35);
    expect(hsdsViolations(file)).toEqual([]);
  });

  it("is checked by schemas that refuse what HSDS 3.0 refuses", () => {
    const org = structuredClone(byName("Officina dei Progetti"));
    const broken = (change: (o: Organization) => void) => {
      const copy = structuredClone(org);
      change(copy);
      return hsdsViolations([copy]);
    };
    expect(hsdsViolations([org])).toEqual([]);
    expect(broken((o) => (o.services[0]!.status = "planned"))).not.toEqual([]);
    expect(broken((o) => (o.tax_id = "01234567897"))).not.toEqual([]);
    expect(broken((o) => delete (o as Partial<Organization>).name)).not.toEqual([]);
    expect(broken((o) => (o.services[0]!.attributes[0]!.taxonomy_term_id = "categoria:minori"))).not.toEqual([]);
    expect(broken((o) => (o.locations[0]!.addresses = [{ id: o.id, city: "Bologna" }]))).not.toEqual([]);
    expect(broken((o) => (o.email = null))).not.toEqual([]);
  });

  it("says a measure in progettazione is not active, and a concluded one is defunct", () => {
    expect(service("Officina dei Progetti", "Nido in progettazione").status).toBe("inactive");
    expect(service("Officina dei Progetti", "Palestra conclusa").status).toBe("defunct");
    expect(service("Officina dei Progetti", "Sportello attivo").status).toBe("active");
  });

  it("keeps who a measure is for apart from how to access it, and writes neither when unknown", () => {
    const nido = service("Officina dei Progetti", "Nido in progettazione");
    expect(nido.eligibility_description).toBe(
      "Destinatari: Dipendenti e Cittadini del territorio. Aperta anche ai cittadini del territorio.",
    );
    expect(nido.application_process).toBe("Iscrizioni allo sportello del quartiere, il lunedì dalle 9 alle 12.");
    expect(nido.fees_description).toBe("Retta ridotta per i residenti");
    const sportello = service("Officina dei Progetti", "Sportello attivo");
    expect(Object.keys(sportello)).not.toContain("eligibility_description");
    expect(Object.keys(sportello)).not.toContain("application_process");
    const services = file.flatMap((o) => o.services);
    expect(
      services.filter((s) => s.application_process && s.application_process === s.eligibility_description),
    ).toEqual([]);
  });

  it("publishes the taxonomy terms once, each an HSDS 3.0 taxonomy_term with its taxonomy", () => {
    expect(hsdsTermViolations(taxonomyTerms)).toEqual([]);
    expect(hsdsTermViolations([{ ...taxonomyTerms[0], code: 3 }])).not.toEqual([]);
    expect(new Set(taxonomyTerms.map((t) => t.id)).size).toBe(taxonomyTerms.length);
    // The attributes name their term by id only: the file does not repeat it in every service.
    const attributes = file.flatMap((o) => o.services.flatMap((s) => s.attributes));
    expect(attributes.some((a) => "taxonomy_term" in a)).toBe(false);
    expect(attributes.every((a) => taxonomyTerms.some((t) => t.id === a.taxonomy_term_id))).toBe(true);
  });

  it("classifies each service by taxonomy terms: category, beneficiaries, openness, classification", () => {
    const nido = service("Officina dei Progetti", "Nido in progettazione");
    expect(terms(nido, "category")).toEqual(["minori"]);
    expect(terms(nido, "audience")).toEqual(["dipendenti", "cittadini"]);
    expect(terms(nido, "eligibility")).toEqual(["aperta-ai-cittadini"]);
    expect(terms(nido, "classification")).toEqual(["welfare-territoriale"]);
    const palestra = service("Officina dei Progetti", "Palestra conclusa");
    expect(terms(palestra, "eligibility")).toEqual(["non-aperta-ai-cittadini"]);
    expect(terms(palestra, "classification")).toEqual(["benefit-aziendale"]);
    expect(terms(service("Officina dei Progetti", "Sportello attivo"), "classification")).toEqual([]);
    const category = termOf(nido.attributes.find((a) => a.link_type === "category")!);
    expect(category).toMatchObject({ name: "Cura dei minori e infanzia", language: "it" });
    expect(category.taxonomy_detail.name).toBe("Categorie delle misure");

    const attributes = file.flatMap((o) => o.services.flatMap((s) => s.attributes.map((a) => ({ s, a }))));
    for (const { s, a } of attributes) {
      expect(a).toMatchObject({ link_id: s.id, link_entity: "service" });
      expect(termOf(a).taxonomy_id).toBe(termOf(a).taxonomy_detail.id);
    }
    expect(new Set(attributes.map(({ a }) => a.link_type))).toEqual(
      new Set(["category", "audience", "eligibility", "classification"]),
    );
    // One term, one id, wherever it is used.
    const idsByCode = new Map<string, Set<string>>();
    for (const { a } of attributes) {
      const key = `${a.link_type}:${termOf(a).code}`;
      idsByCode.set(key, (idsByCode.get(key) ?? new Set()).add(a.taxonomy_term_id));
    }
    expect([...idsByCode.values()].every((ids) => ids.size === 1)).toBe(true);
  });

  it("links every service to its organization's seat, and writes no link without one", () => {
    for (const org of file.filter((o) => o.locations.length > 0)) {
      for (const s of org.services) {
        expect(s.service_at_locations).toEqual([
          { id: expect.any(String), service_id: s.id, location_id: org.locations[0]!.id },
        ]);
      }
    }
    const officina = byName("Officina dei Progetti");
    expect(officina.locations[0]!.addresses[0]).toMatchObject({
      address_1: "Via dell'Indipendenza 1",
      city: "Bologna",
      state_province: "BO",
      country: "IT",
    });
    const nowhere = byName("Impresa senza sede");
    expect(nowhere.locations).toEqual([]);
    expect(nowhere.services.every((s) => s.service_at_locations.length === 0)).toBe(true);
  });

  it("identifies organizations by Partita IVA and registry number, not by tax_id", () => {
    const officina = byName("Officina dei Progetti");
    expect(officina.organization_identifiers).toEqual([
      expect.objectContaining({
        identifier_scheme: "IT-CF",
        identifier_type: "Partita IVA",
        identifier: "01234567897",
      }),
      expect.objectContaining({ identifier: expect.stringMatching(/^RWB-TEST-/) }),
    ]);
    expect(officina.organization_identifiers[1]).not.toHaveProperty("identifier_scheme");
    expect(file.some((o) => "tax_id" in o)).toBe(false);
  });

  it("gives every record an id of its own", () => {
    const ids = file.flatMap((o) => [
      o.id,
      ...o.organization_identifiers.map((i) => (i as unknown as { id: string }).id),
      ...o.locations.map((l) => l.id),
      ...o.services.flatMap((s) => [
        s.id,
        ...s.attributes.map((a) => a.id),
        ...s.service_at_locations.map((l) => l.id),
      ]),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
