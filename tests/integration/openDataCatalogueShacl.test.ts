import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed/demoData.js";
import { jsonLdToRdf, shaclResults } from "../helpers/shacl.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";

// The DCAT-AP_IT catalogue of the demo register, as harvesters read it (JSON-LD to
// RDF, offline), against the profile's shapes in tests/shapes/dcat-ap_it.ttl.
const SHAPES = path.resolve(import.meta.dirname, "../shapes/dcat-ap_it.ttl");
const publisher = { ipaCode: "cm_bo", contactEmail: "open-data@example.it" };

let ctx: TestContext;
let catalogue: Node;

beforeAll(async () => {
  ctx = await createTestContext({ openDataPublisher: publisher });
  await seedDemoData(ctx.db.prisma);
  catalogue = (await request(ctx.app).get("/open-data/catalogo.jsonld").expect(200)).body;
}, 60_000);
afterAll(() => ctx?.db.close());

// JSON-LD as the route sends it, taken apart and broken on purpose below.
type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const DCATAPIT = "http://dati.gov.it/onto/dcatapit#";
const VCARD = "http://www.w3.org/2006/vcard/ns#";

/** The catalogue's RDF, how many nodes of each class it has, and the shapes' results on it. */
async function validate(document: Node) {
  const rdf = await jsonLdToRdf(document);
  const count = (type: string) => rdf.getSubjects("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", type, null).length;
  return { count, results: await shaclResults(SHAPES, rdf) };
}

const firstDataset = (c: Node) => c["dcat:dataset"][0];
const firstDistribution = (c: Node) => firstDataset(c)["dcat:distribution"][0];

/** Calls `change` on every copy of the nodes of `type` (the publisher, for one, is written out wherever it is used). */
function everyNode(value: unknown, type: string, change: (node: Node) => void) {
  if (Array.isArray(value)) return value.forEach((item) => everyNode(item, type, change));
  if (typeof value !== "object" || value === null) return;
  const node = value as Node;
  if ([node["@type"]].flat().includes(type)) change(node);
  for (const child of Object.values(node)) everyNode(child, type, change);
}

describe("the DCAT-AP_IT catalogue", () => {
  it("conforms to the profile's shapes, mandatory and recommended properties alike", async () => {
    const { count, results } = await validate(catalogue);
    expect(results).toEqual([]);
    // The shapes did look at every class of the profile the catalogue uses.
    expect(count(`${DCATAPIT}Catalog`)).toBe(1);
    expect(count(`${DCATAPIT}Dataset`)).toBe(3);
    expect(count(`${DCATAPIT}Distribution`)).toBeGreaterThan(10);
    expect(count(`${DCATAPIT}Agent`)).toBe(1);
    expect(count(`${DCATAPIT}Organization`)).toBe(1);
    expect(count(`${DCATAPIT}LicenseDocument`)).toBe(1);
    expect(count(`${DCT}Location`)).toBeGreaterThanOrEqual(1);
  });

  it("names the configured publisher: its IPA code and its contact address", () => {
    expect(catalogue["dct:publisher"]["dct:identifier"]).toBe("cm_bo");
    for (const dataset of catalogue["dcat:dataset"]) {
      expect(dataset["dct:identifier"]).toMatch(/^cm_bo:registro-welfare:/);
      expect(dataset["dct:rightsHolder"]["dct:identifier"]).toBe("cm_bo");
      expect(dataset["dcat:contactPoint"]["vcard:hasEmail"]["@id"]).toBe("mailto:open-data@example.it");
      expect(dataset["dct:spatial"]["dcatapit:geographicalIdentifier"]).toBe("237");
    }
  });

  // Each of the faults issue 14 found, put back: the shapes must report it.
  const faults: [string, (c: Node) => void, string][] = [
    [
      "an agent without its IPA code",
      (c) => everyNode(c, "dcatapit:Agent", (agent) => delete agent["dct:identifier"]),
      `${DCT}identifier`,
    ],
    [
      "a contact point without an e-mail",
      (c) => everyNode(c, "dcatapit:Organization", (contact) => delete contact["vcard:hasEmail"]),
      `${VCARD}hasEmail`,
    ],
    [
      "an e-mail that is not a mailto: IRI",
      (c) => everyNode(c, "dcatapit:Organization", (contact) => (contact["vcard:hasEmail"] = "opendata@example.org")),
      `${VCARD}hasEmail`,
    ],
    ["a media type as a string", (c) => (firstDistribution(c)["dcat:mediaType"] = "text/csv"), `${DCAT}mediaType`],
    [
      "a distribution without a description",
      (c) => delete firstDistribution(c)["dct:description"],
      `${DCT}description`,
    ],
    ["a dataset without keywords", (c) => delete firstDataset(c)["dcat:keyword"], `${DCAT}keyword`],
    ["a keyword with a comma", (c) => (firstDataset(c)["dcat:keyword"] = ["welfare, imprese"]), `${DCAT}keyword`],
    ["a catalogue without its theme taxonomy", (c) => delete c["dcat:themeTaxonomy"], `${DCAT}themeTaxonomy`],
    ["a catalogue without a release date", (c) => delete c["dct:issued"], `${DCT}issued`],
    [
      "a spatial coverage without its identifier",
      (c) => everyNode(c, "dct:Location", (location) => delete location["dcatapit:geographicalIdentifier"]),
      `${DCATAPIT}geographicalIdentifier`,
    ],
    ["a dataset without a theme", (c) => delete firstDataset(c)["dcat:theme"], `${DCAT}theme`],
    [
      "a format outside the EU vocabulary",
      (c) => (firstDistribution(c)["dct:format"] = { "@id": "https://example.org/csv" }),
      `${DCT}format`,
    ],
  ];
  it.each(faults)("reports %s", async (_fault, breakIt, property) => {
    const broken = structuredClone(catalogue);
    breakIt(broken);
    const { results } = await validate(broken);
    expect(results.map((r) => r.path)).toContain(property);
  });

  it("reads no remote context: the @context is in the document", async () => {
    expect(typeof catalogue["@context"]).toBe("object");
    await expect(jsonLdToRdf({ ...catalogue, "@context": "https://example.org/context.jsonld" })).rejects.toMatchObject(
      {
        details: { cause: { message: expect.stringMatching(/^remote JSON-LD document refused/) } },
      },
    );
  });
});
