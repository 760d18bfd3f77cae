import { describe, expect, it } from "vitest";
import { distanceKm, measureMatches, toRegistrySearch, type SearchInput } from "../../src/domain/registrySearch.js";
import {
  boundingBox,
  chordMetres,
  searchConditions,
  searchOrder,
  textQuery,
} from "../../src/data/registry/registrySearchRepository.js";
import { buildSearchSchema } from "../../src/routes/public/registry.schema.js";

const bologna = { lat: 44.494367, lon: 11.341721 };
const imola = { lat: 44.353074, lon: 11.714156 };
const empty: SearchInput = { categoria: [], beneficiari: [], dimensione: [], stato: [] };
const centre = (code: string) => (code === "037006" ? bologna : undefined);

describe("distanceKm", () => {
  it("is zero for the same point and symmetric", () => {
    expect(distanceKm(bologna, bologna)).toBe(0);
    expect(distanceKm(bologna, imola)).toBeCloseTo(distanceKm(imola, bologna), 9);
  });
  it("measures Bologna–Imola as about 33 km", () => {
    expect(distanceKm(bologna, imola)).toBeGreaterThan(32);
    expect(distanceKm(bologna, imola)).toBeLessThan(34);
  });
});

describe("toRegistrySearch", () => {
  it("orders by distance near a comune, by relevance for words, by name otherwise", () => {
    expect(toRegistrySearch({ ...empty, vicino: "037006" }, centre, 15)).toMatchObject({
      sort: "distanza",
      origin: { ...bologna, comuneCode: "037006" },
      radiusKm: 15,
    });
    expect(toRegistrySearch({ ...empty, q: " asilo " }, centre, 15)).toMatchObject({
      sort: "rilevanza",
      text: "asilo",
    });
    expect(toRegistrySearch(empty, centre, 15)).toMatchObject({ sort: "nome", page: 1 });
  });
  it("falls back to names when relevance is asked without words", () => {
    expect(toRegistrySearch({ ...empty, ordina: "rilevanza" }, centre, 15).sort).toBe("nome");
  });
  it("maps URL words to stored codes", () => {
    const s = toRegistrySearch(
      {
        ...empty,
        categoria: ["tempo-libero"],
        beneficiari: ["cittadini"],
        dimensione: ["piccola"],
        stato: ["in-progettazione"],
        aperte: "1",
        lat: 44.5,
        lon: 11.3,
        raggio: 5,
      },
      centre,
      15,
    );
    expect(s).toMatchObject({
      categories: ["TEMPO_LIBERO"],
      beneficiaries: ["CITIZENS"],
      sizes: ["SMALL"],
      statuses: ["PLANNED"],
      openOnly: true,
      origin: { lat: 44.5, lon: 11.3 },
      radiusKm: 5,
    });
  });
});

describe("measureMatches", () => {
  const measure = {
    category: "MINORI" as const,
    openToCitizens: true,
    beneficiaries: ["EMPLOYEES" as const],
    status: "ACTIVE" as const,
  };
  const search = toRegistrySearch(empty, centre, 15);
  it("accepts every measure when there are no measure filters", () => {
    expect(measureMatches(measure, search)).toBe(true);
  });
  it("requires every measure filter to hold on the same measure", () => {
    expect(measureMatches(measure, { ...search, categories: ["MINORI"], openOnly: true })).toBe(true);
    expect(
      measureMatches({ ...measure, openToCitizens: false }, { ...search, categories: ["MINORI"], openOnly: true }),
    ).toBe(false);
    expect(measureMatches(measure, { ...search, beneficiaries: ["CITIZENS"] })).toBe(false);
    expect(measureMatches(measure, { ...search, statuses: ["PLANNED"] })).toBe(false);
  });
  it("keeps only territorial welfare when asked, by the current classification", () => {
    const territorial = toRegistrySearch({ ...empty, classificazione: "welfare-territoriale" }, centre, 15);
    expect(territorial.territorialOnly).toBe(true);
    expect(measureMatches({ ...measure, currentOutcome: "TERRITORIAL_WELFARE" }, territorial)).toBe(true);
    expect(measureMatches({ ...measure, currentOutcome: "COMPANY_BENEFIT" }, territorial)).toBe(false);
    expect(measureMatches({ ...measure, currentOutcome: null }, territorial)).toBe(false);
  });
});

describe("search SQL parts", () => {
  const sql = (input: Partial<SearchInput>) => {
    const search = toRegistrySearch({ ...empty, ...input }, centre, 15);
    const p = {
      search,
      version: "1",
      tsquery: search.text ? "'asil'" : null,
      viaNetworks: [],
      parsed: search.text ? { op: "lexeme" as const, lexeme: "asil" } : null,
    };
    return { source: textQuery(search.text ?? ""), where: searchConditions(p), order: searchOrder(p) };
  };
  it("always restricts to registered organizations", () => {
    expect(sql({}).where.sql).toMatch(/^o\."registryStatus" = 'REGISTERED'/);
  });
  it("passes every user value as a parameter, never inside the SQL text", () => {
    const { source, where } = sql({ q: "asilo'; --", comune: "037006", categoria: ["minori"], ateco: "C" });
    expect(source.sql + where.sql).not.toContain("asilo");
    expect(source.values).toEqual(["asilo'; --"]);
    expect(where.values).toEqual(expect.arrayContaining(["037006", "C"]));
  });
  it("adds the measure conditions as one overlap with the measure codes, only when needed", () => {
    expect(sql({}).where.sql).not.toContain("measureFacts");
    expect(sql({ categoria: ["salute"], aperte: "1" }).where.sql.match(/"measureFacts" &&/g)).toHaveLength(1);
    expect(sql({ categoria: ["salute"], aperte: "1" }).where.sql).not.toContain("EXISTS");
  });
  it("orders nearest first through the GiST operator", () => {
    expect(sql({ vicino: "037006" }).order.sql).toContain('o."earthPoint" <->');
    // 15 km of great circle as the chord the cube distance measures: a little shorter.
    expect(sql({ vicino: "037006" }).where.values).toContain(chordMetres(15000));
    expect(chordMetres(15000)).toBeLessThan(15000);
    expect(chordMetres(15000)).toBeGreaterThan(14999.9);
  });
});

describe("search parameters", () => {
  const schema = buildSearchSchema(new Set(["037006"]));
  it("treats empty fields of a plain GET form as absent", () => {
    expect(schema.safeParse({ q: "", comune: "", categoria: "", raggio: "" }).success).toBe(true);
  });
  it("accepts repeated categories and refuses unknown ones", () => {
    expect(schema.parse({ categoria: ["minori", "salute"] }).categoria).toEqual(["minori", "salute"]);
    expect(schema.safeParse({ categoria: ["minori", "pizza"] }).success).toBe(false);
  });
  it("accepts only welfare-territoriale as classification", () => {
    expect(schema.parse({ classificazione: "welfare-territoriale" }).classificazione).toBe("welfare-territoriale");
    expect(schema.safeParse({ classificazione: "benefit" }).success).toBe(false);
  });
  it("refuses comuni outside the Città metropolitana", () => {
    expect(schema.safeParse({ comune: "058091" }).success).toBe(false);
  });
});

describe("boundingBox", () => {
  it("contains the whole circle around a point", () => {
    const box = boundingBox(bologna, 15);
    const north = { lat: bologna.lat + 15 / 111.2, lon: bologna.lon };
    expect(box.north).toBeGreaterThan(north.lat);
    expect(distanceKm(bologna, { lat: bologna.lat, lon: box.east })).toBeGreaterThan(15);
    expect(distanceKm(bologna, { lat: bologna.lat, lon: box.west })).toBeGreaterThan(15);
    expect(distanceKm(bologna, { lat: box.south, lon: bologna.lon })).toBeGreaterThan(15);
  });
});
