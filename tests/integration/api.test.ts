import SwaggerParser from "@apidevtools/swagger-parser";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildOrganization } from "../factories/organizationFactory.js";
import { createTestContext, type TestContext } from "../helpers/testApp.js";
import { t } from "../helpers/catalogue.js";
import { expectMatchesContract, openApi, operationOf } from "../helpers/openApiContract.js";
import { organizationRoutes } from "../../src/routes/api/organizations.js";

// /api/v1: answers, filters, parameters, conditional requests, CORS, problem+json
// and the OpenAPI contract (every answer below is validated against the document,
// and the document is linted with Redocly's recommended rules).
let ctx: TestContext;

/** GET through the app, the answer checked against the OpenAPI document. */
async function get(path: string, headers: Record<string, string> = {}) {
  const res = await request(ctx.app).get(path).set(headers);
  expectMatchesContract(path, res);
  return res;
}

beforeAll(async () => {
  ctx = await createTestContext({
    apiRateLimit: { windowMs: 60_000, limit: 1_000 },
    // A public address as in production (the document's server): Redocly rightly warns of localhost.
    publicBaseUrl: "https://registro-welfare.test",
  });
  const p = ctx.db.prisma;
  const nido = await buildOrganization(p, {
    slug: "nido-bologna",
    name: "Nido Bologna",
    sizeClass: "SMALL",
    contactEmail: "info@nido.example.org",
    website: "https://www.nido.example.org/chi-siamo",
    measures: [
      {
        title: "Nido aperto",
        startsOn: new Date("2025-09-01"),
        endsOn: new Date("2026-06-30"),
        category: "MINORI",
        openToCitizens: true,
        beneficiaries: ["EMPLOYEES", "CITIZENS"],
        currentOutcome: "TERRITORIAL_WELFARE",
      },
      { title: "Buoni pasto", category: "ALTRO" },
    ],
  });
  await buildOrganization(p, {
    slug: "salute-imola",
    name: "Salute Imola",
    comuneCode: "037032",
    lat: 44.353,
    lon: 11.714,
    measures: [{ title: "Screening aperto", category: "SALUTE", openToCitizens: true }],
  });
  const suspended = await buildOrganization(p, {
    slug: "sospesa",
    name: "Impresa sospesa",
    registryStatus: "SUSPENDED",
    measures: [{ category: "MINORI", openToCitizens: true }],
  });
  await p.user.create({
    data: { email: "referente-api@example.org", name: "Referente", passwordHash: "x", organizationId: nido.id },
  });
  const network = await p.network.create({
    data: { slug: "rete-nidi", name: "Rete dei nidi", description: "Nidi condivisi", leadOrganizationId: nido.id },
  });
  await p.networkMembership.create({ data: { networkId: network.id, organizationId: nido.id, status: "ACTIVE" } });
  await p.network.create({
    data: {
      slug: "rete-nascosta",
      name: "Rete nascosta",
      description: "Capofila sospesa",
      leadOrganizationId: suspended.id,
    },
  });
  await p.event.create({
    data: {
      slug: "seminario-welfare",
      title: "Seminario sul welfare",
      type: "SEMINAR",
      startsAt: new Date("2026-03-01T15:00:00Z"),
      endsAt: new Date("2026-03-01T18:00:00Z"),
      place: "Sala Zodiaco",
      comuneCode: "037006",
      organizer: "CM Bologna",
      participants: 40,
    },
  });
});
afterAll(() => ctx?.db.close());

/** Every path of the API, one per operation of the document. */
const ENDPOINTS = [
  "/api/v1/organizations",
  "/api/v1/organizations/nido-bologna",
  "/api/v1/measures",
  "/api/v1/networks",
  "/api/v1/events",
  "/api/v1/comuni",
  "/api/v1/categories",
  "/api/v1/openapi.json",
];

type InvalidParam = { name: string; reason: string };
/** A 400 problem's invalid-params, in the order of their names. */
function invalidParams(res: { text: string }): InvalidParam[] {
  const problem = JSON.parse(res.text) as { "invalid-params": InvalidParam[] };
  return problem["invalid-params"].sort((a, b) => a.name.localeCompare(b.name));
}

describe("collections", () => {
  it("searches organizations with the register's parameters", async () => {
    const all = await get("/api/v1/organizations");
    expect(all.headers["content-type"]).toMatch(/^application\/json/);
    expect(all.body).toMatchObject({ total: 2, page: 1, pages: 1, moreThanMax: false });
    expect(all.body.items.map((o: { slug: string }) => o.slug).sort()).toEqual(["nido-bologna", "salute-imola"]);
    const minori = await get("/api/v1/organizations?categoria=minori&aperte=1");
    expect(minori.body.items.map((o: { slug: string }) => o.slug)).toEqual(["nido-bologna"]);
    expect(minori.body.items[0].measures[0]).toMatchObject({
      title: "Nido aperto",
      category: "minori",
      classification: "welfare-territoriale",
      matchesSearch: true,
    });
    const near = await get("/api/v1/organizations?vicino=037032&raggio=5");
    expect(near.body.items.map((o: { slug: string }) => o.slug)).toEqual(["salute-imola"]);
    expect(near.body.items[0].distanceKm).toBeLessThan(5);
    expect(JSON.stringify(all.body)).not.toContain("sospesa");
  });

  it("shows one registered organization and 404 for others", async () => {
    const res = await get("/api/v1/organizations/nido-bologna");
    expect(res.body).toMatchObject({
      slug: "nido-bologna",
      email: "info@nido.example.org",
      sizeClass: "piccola",
      comune: { istatCode: "037006", name: "Bologna" },
    });
    expect(res.body.measures).toHaveLength(2);
    expect(res.text).not.toContain("referente-api@example.org");
    const missing = await get("/api/v1/organizations/sospesa");
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(missing.text)).toMatchObject({ type: "about:blank", title: "Non trovato", status: 404 });
  });

  it("answers 404, not 500, for a slug that cannot be one (a NUL byte never reaches PostgreSQL)", async () => {
    for (const slug of ["NIDO-BOLOGNA", "nido%20bologna", "a".repeat(201)]) {
      const res = await get(`/api/v1/organizations/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(JSON.parse(res.text)).toMatchObject({ type: "about:blank", title: "Non trovato", status: 404 });
    }
    // Through the whole app a NUL byte is a problem, never a server error.
    const nul = await get("/api/v1/organizations/%00");
    expect(nul.status).toBe(400);
    expect(nul.headers["content-type"]).toMatch(/^application\/problem\+json/);
    // The route on its own, without the app's guards in front: still 404 for a NUL byte.
    const bare = express()
      .use((_req, res, next) => {
        res.locals.t = (key: string) => key;
        next();
      })
      .use(organizationRoutes(ctx.services));
    for (const slug of ["%00", "nido-bologna%00"]) {
      const res = await request(bare).get(`/organizations/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(JSON.parse(res.text)).toMatchObject({ status: 404, detail: "api.problems.organizationNotFound" });
    }
  });

  it("lists measures, networks, events, comuni and categories", async () => {
    const measures = await get("/api/v1/measures");
    expect(measures.body.total).toBe(3);
    const open = await get("/api/v1/measures?aperte=1&categoria=minori&categoria=salute");
    expect(open.body.items.map((m: { title: string }) => m.title).sort()).toEqual(["Nido aperto", "Screening aperto"]);
    const imola = await get("/api/v1/measures?comune=037032");
    expect(imola.body.items.map((m: { organization: { slug: string } }) => m.organization.slug)).toEqual([
      "salute-imola",
    ]);
    const territorial = await get("/api/v1/measures?classificazione=welfare-territoriale");
    expect(territorial.body.total).toBe(1);

    const networks = await get("/api/v1/networks");
    expect(networks.body.items).toEqual([
      expect.objectContaining({ slug: "rete-nidi", lead: { slug: "nido-bologna", name: "Nido Bologna" }, members: 1 }),
    ]);
    const events = await get("/api/v1/events");
    expect(events.body.items[0]).toMatchObject({
      slug: "seminario-welfare",
      type: "SEMINAR",
      participants: 40,
      comune: { name: "Bologna" },
    });
    const comuni = await get("/api/v1/comuni");
    expect(comuni.body.total).toBe(55);
    expect(comuni.body.items.find((c: { istatCode: string }) => c.istatCode === "037006").organizations).toBe(1);
    const categories = await get("/api/v1/categories");
    expect(categories.body.items).toHaveLength(8);
    expect(categories.body.items.find((c: { slug: string }) => c.slug === "minori")).toEqual({
      slug: "minori",
      name: "Cura dei minori e infanzia",
      measures: 1,
      openToCitizens: 1,
    });
    const english = await get("/api/v1/categories?lang=en");
    expect(english.body.items[0].name).not.toBe(categories.body.items[0].name);
  });

  it("the contract check fails on an answer that does not match the document", () => {
    const fake = {
      status: 200,
      headers: { "content-type": "application/json" },
      body: { total: "two", items: [] },
      text: "",
    };
    expect(() => expectMatchesContract("/api/v1/comuni", fake as never)).toThrow();
    expect(() => expectMatchesContract("/api/v1/comuni", { ...fake, status: 418 } as never)).toThrow();
  });

  it("the contract check knows the formats: a date, URL or e-mail written otherwise fails", async () => {
    const path = "/api/v1/organizations/nido-bologna";
    const real = await get(path);
    expect(real.body).toMatchObject({
      website: "https://www.nido.example.org/chi-siamo",
      registeredAt: "2026-01-15T10:00:00.000Z",
    });
    expect(real.body.measures).toContainEqual(
      expect.objectContaining({ startsOn: "2025-09-01", endsOn: "2026-06-30" }),
    );
    const broken: [string, (body: Record<string, unknown>) => void][] = [
      ["registeredAt", (b) => (b.registeredAt = "15/01/2026")],
      ["updatedAt", (b) => (b.updatedAt = "2026-01-15")],
      ["url", (b) => (b.url = "/registro/nido-bologna")],
      ["website", (b) => (b.website = "www.nido.example.org")],
      ["email", (b) => (b.email = "info at nido.example.org")],
      ["startsOn", (b) => ((b.measures as Record<string, unknown>[])[0]!.startsOn = "2025-09-01T00:00:00Z")],
    ];
    for (const [field, breakIt] of broken) {
      const body = structuredClone(real.body) as Record<string, unknown>;
      breakIt(body);
      expect(() => expectMatchesContract(path, { ...real, body } as never), field).toThrow();
    }
    const events = await get("/api/v1/events");
    expect(events.body.items[0]).toMatchObject({ startsAt: "2026-03-01T15:00:00.000Z" });
    const event = { ...events.body, items: [{ ...events.body.items[0], endsAt: "1 marzo 2026, 18:00" }] };
    expect(() => expectMatchesContract("/api/v1/events", { ...events, body: event } as never)).toThrow();
  });

  it("every date, date-time, URL and e-mail of the document's schemas declares its format", () => {
    // By name: *At is a moment, *On a day, url/website an address, email an e-mail.
    const expected = (name: string) =>
      /At$/.test(name)
        ? "date-time"
        : /On$/.test(name)
          ? "date"
          : /^(url|website)$/.test(name)
            ? "uri"
            : name === "email"
              ? "email"
              : undefined;
    const seen: string[] = [];
    const walk = (schema: unknown): void => {
      if (typeof schema !== "object" || schema === null) return;
      const properties = (schema as { properties?: Record<string, { format?: string }> }).properties ?? {};
      for (const [name, property] of Object.entries(properties)) {
        const format = expected(name);
        if (format) {
          expect(property.format, name).toBe(format);
          seen.push(name);
        }
      }
      Object.values(schema).forEach(walk);
    };
    walk(openApi.components.schemas);
    expect(new Set(seen)).toEqual(
      new Set(
        ["registeredAt", "lastVerifiedAt", "updatedAt", "startsAt", "endsAt", "startsOn", "endsOn"].concat([
          "url",
          "website",
          "email",
        ]),
      ),
    );
  });

  it("serves its OpenAPI 3.1 document, which Redocly's recommended rules find nothing to say about", async () => {
    const res = await get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    // Errors and warnings alike (operationId, security, struct, unresolved $ref, ...).
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: res.text, absoluteRef: "openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`)).toEqual([]);
    // And swagger-parser's validation (the OpenAPI 3.1 schema, $refs resolved): it throws on an error.
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        "/organizations",
        "/organizations/{slug}",
        "/measures",
        "/networks",
        "/events",
        "/comuni",
        "/categories",
        "/openapi.json",
      ]),
    );
  });
});

describe("parameters", () => {
  const UNKNOWN = t("api.errors.unknown");
  const BRACKETS = t("api.errors.brackets");

  it("every endpoint refuses unknown names, bracket forms included, and names each one", async () => {
    const query = "foo=bar&categoria[]=minori&q[a]=1&__proto__=x";
    for (const endpoint of ENDPOINTS) {
      const res = await get(`${endpoint}?${query}`);
      expect(res.status, endpoint).toBe(400);
      expect(invalidParams(res), endpoint).toEqual([
        { name: "__proto__", reason: UNKNOWN },
        { name: "categoria[]", reason: BRACKETS },
        { name: "foo", reason: UNKNOWN },
        { name: "q[a]", reason: BRACKETS },
      ]);
    }
  });

  it("the search refuses unknown names and bad values in one answer, with no place looked up", async () => {
    const res = await get("/api/v1/organizations?colore=blu&raggio=abc&luogo=Piazza+Maggiore");
    expect(res.status).toBe(400);
    expect(invalidParams(res).map((p) => p.name)).toEqual(["colore", "raggio"]);
  });

  it("takes every parameter the document declares, and lang on every endpoint", async () => {
    for (const endpoint of ENDPOINTS) {
      const declared = operationOf(endpoint)!.queryParameters;
      expect(declared, endpoint).toContain("lang");
      for (const name of declared) {
        // Blank is "absent" for every parameter but lang, which then names the languages: never "unknown".
        const res = await get(`${endpoint}?${name}=`);
        if (res.status === 200) continue;
        expect(invalidParams(res), `${endpoint} ${name}`).toEqual([{ name, reason: t("api.errors.lang") }]);
      }
    }
    const pact = await get("/api/v1/organizations?patto=1&lang=en");
    expect(pact.status).toBe(200);
    expect(pact.body.total).toBe(0);
    expect(invalidParams(await get("/api/v1/organizations?patto=2&lang=fr")).map((p) => p.name)).toEqual([
      "lang",
      "patto",
    ]);
  });

  it("the document declares exactly what the routes take (no parameter accepted undeclared)", () => {
    // A parameter the routes took but the document left out would pass every check above unseen.
    const declared = Object.fromEntries(ENDPOINTS.map((e) => [e, operationOf(e)!.queryParameters.sort()]));
    expect(declared["/api/v1/organizations"]).toEqual(
      [
        ...["q", "categoria", "comune", "vicino", "luogo", "lat", "lon", "raggio", "aperte", "beneficiari"],
        ...["dimensione", "ateco", "stato", "classificazione", "patto", "ordina", "pagina", "lang"],
      ].sort(),
    );
    expect(declared["/api/v1/measures"]).toEqual([
      "aperte",
      "categoria",
      "classificazione",
      "comune",
      "lang",
      "pagina",
    ]);
    expect(declared["/api/v1/events"]).toEqual(["lang", "pagina"]);
    for (const plain of ["/organizations/nido-bologna", "/networks", "/comuni", "/categories", "/openapi.json"]) {
      expect(declared[`/api/v1${plain}`], plain).toEqual(["lang"]);
    }
  });

  it("the API remembers no language: ?lang= sets no cookie on a publicly cached answer", async () => {
    const res = await get("/api/v1/categories?lang=en");
    expect(res.body.items[0].name).toBe(t("categories.CONCILIAZIONE", "en"));
    expect(res.headers["set-cookie"]).toBeUndefined();
  });
});

describe("unreadable requests: one 400 problem wherever the bad text is", () => {
  it("invalid UTF-8 or a lone % in a query value, a name or a slug", async () => {
    const detail = t("api.problems.badEncoding");
    for (const path of [
      "/api/v1/organizations?q=%FF",
      "/api/v1/organizations?q=%C3%28",
      "/api/v1/organizations?q=50%",
      "/api/v1/organizations?%FF=1",
      "/api/v1/organizations/%FF",
      "/api/v1/organizations/nido-bologna%C3%28",
      "/api/v1/measures?categoria=%E0%A4%A",
      "/api/v1/nulla%FF",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.text), path).toEqual({
        type: "about:blank",
        title: "Richiesta non valida",
        status: 400,
        detail,
      });
    }
    // Correctly encoded text is ordinary text.
    expect((await get("/api/v1/organizations?q=citt%C3%A0")).status).toBe(200);
  });

  it("a NUL character in a query value, a name or a slug", async () => {
    const detail = t("api.problems.nulByte");
    for (const path of ["/api/v1/organizations?q=%00", "/api/v1/comuni?%00", "/api/v1/organizations/a%00"]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.text), path).toMatchObject({ status: 400, detail });
    }
  });
});

describe("errors are problem+json", () => {
  it("400 names every bad parameter", async () => {
    const res = await get("/api/v1/organizations?categoria=pizza&raggio=abc");
    expect(res.status).toBe(400);
    const problem = JSON.parse(res.text);
    expect(problem).toMatchObject({ type: "about:blank", title: "Richiesta non valida", status: 400 });
    expect(problem["invalid-params"].map((p: { name: string }) => p.name).sort()).toEqual(["categoria", "raggio"]);
    const unknown = await get("/api/v1/measures?colore=blu&pagina=0");
    expect(unknown.status).toBe(400);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(JSON.parse(unknown.text)["invalid-params"].sort(byName)).toEqual([
      { name: "colore", reason: "Parametro sconosciuto." },
      { name: "pagina", reason: "Il numero di pagina deve essere un intero da 1 in su." },
    ]);
  });

  it("404 for unknown API paths, 405 for writes (no CSRF token involved)", async () => {
    const missing = await get("/api/v1/nulla");
    expect(missing.status).toBe(404);
    const post = await request(ctx.app).post("/api/v1/organizations").send({ name: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(post.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(post.text)).toMatchObject({ status: 405, title: "Metodo non consentito" });
    const del = await request(ctx.app).delete("/api/v1/organizations/nido-bologna");
    expect(del.status).toBe(405);
    // The API sets no session cookie.
    expect((await get("/api/v1/comuni")).headers["set-cookie"]).toBeUndefined();
  });

  it("500 for a failure of ours, still readable from any origin", async () => {
    const failure = vi.spyOn(ctx.services.api, "comuni").mockRejectedValueOnce(new Error("a bug"));
    try {
      const res = await get("/api/v1/comuni");
      expect(res.status).toBe(500);
      expect(JSON.parse(res.text)).toEqual({ type: "about:blank", title: "Errore del server", status: 500 });
    } finally {
      failure.mockRestore();
    }
  });

  it("every error answer carries CORS, a refusal before any route too", async () => {
    // get() checks Access-Control-Allow-Origin on every answer; these come from the guards in front.
    expect((await get("/api/v1/organizations?q=%00")).status).toBe(400);
    expect((await get("/api/v1/organizations?q=%FF")).status).toBe(400);
    expect((await get("/api/v1/nulla")).status).toBe(404);
    const post = await request(ctx.app).post("/api/v1/organizations").set("Origin", "https://example.com");
    expect(post.status).toBe(405);
    expect(post.headers["access-control-allow-origin"]).toBe("*");
  });

  it("429 past the configured limit", async () => {
    const limited = await createTestContext({ apiRateLimit: { windowMs: 60_000, limit: 2 } });
    try {
      await request(limited.app).get("/api/v1/categories").expect(200);
      await request(limited.app).get("/api/v1/categories").expect(200);
      const res = await request(limited.app).get("/api/v1/categories?lang=en");
      expect(res.status).toBe(429);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.text)).toMatchObject({ type: "about:blank", title: "Too Many Requests", status: 429 });
      expectMatchesContract("/api/v1/categories", res);
    } finally {
      await limited.db.close();
    }
  });

  it("503 with Retry-After when the database is away", async () => {
    const broken = await createTestContext();
    await broken.db.close();
    const res = await request(broken.app).get("/api/v1/comuni");
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("30");
    expect(JSON.parse(res.text)).toMatchObject({ type: "about:blank", status: 503, title: "Servizio non disponibile" });
    expectMatchesContract("/api/v1/comuni", res);
  });
});

describe("HTTP caching and CORS", () => {
  it("answers 304 to If-None-Match, 200 once the data changed", async () => {
    const first = await get("/api/v1/organizations/nido-bologna");
    const etag = first.headers.etag!;
    expect(etag).toBeTruthy();
    // No stored date covers the whole body (needsVerification turns with time alone).
    expect(first.headers["last-modified"]).toBeUndefined();
    const byTag = await get("/api/v1/organizations/nido-bologna", { "If-None-Match": etag });
    expect(byTag.status).toBe(304);
    expect(byTag.text).toBe("");
    const list = await get("/api/v1/organizations?categoria=minori");
    expect((await get("/api/v1/organizations?categoria=minori", { "If-None-Match": list.headers.etag! })).status).toBe(
      304,
    );

    await ctx.db.prisma.organization.update({
      where: { slug: "nido-bologna" },
      data: { description: "Descrizione nuova" },
    });
    const changed = await get("/api/v1/organizations/nido-bologna", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.body.description).toBe("Descrizione nuova");
    const since = new Date(Date.now() + 60_000).toUTCString();
    expect((await get("/api/v1/organizations/nido-bologna", { "If-Modified-Since": since })).status).toBe(200);
  });

  it("lists send no Last-Modified: If-Modified-Since alone never gets a stale 304", async () => {
    for (const path of ["/api/v1/organizations", "/api/v1/measures", "/api/v1/networks", "/api/v1/events"]) {
      expect((await get(path)).headers["last-modified"], path).toBeUndefined();
    }
    // The date a client saw before salute-imola was suspended (the newest change among the
    // listed organizations and measures): suspending moves no row still listed, yet one drops out.
    const p = ctx.db.prisma;
    const newest = Math.max(
      ...(await p.organization.findMany({ where: { registryStatus: "REGISTERED" } })).map((o) => o.updatedAt.getTime()),
      ...(await p.measure.findMany({ where: { organization: { registryStatus: "REGISTERED" } } })).map((m) =>
        m.updatedAt.getTime(),
      ),
    );
    const before = new Date(newest).toUTCString();
    const all = await get("/api/v1/organizations");
    expect(all.body.total).toBe(2);
    await p.organization.update({ where: { slug: "salute-imola" }, data: { registryStatus: "SUSPENDED" } });
    try {
      const after = await get("/api/v1/organizations", { "If-Modified-Since": before });
      expect(after.status).toBe(200);
      expect(after.body.total).toBe(1);
      expect((await get("/api/v1/organizations", { "If-None-Match": all.headers.etag! })).status).toBe(200);
    } finally {
      await p.organization.update({ where: { slug: "salute-imola" }, data: { registryStatus: "REGISTERED" } });
    }
  });

  it("says that answers vary with the language (Accept-Language, the lang cookie)", async () => {
    const italian = await get("/api/v1/categories");
    expect(italian.headers.vary).toMatch(/Accept-Language/);
    expect(italian.headers.vary).toMatch(/Cookie/);
    const english = await get("/api/v1/categories", { "Accept-Language": "en", Cookie: "lang=en" });
    expect(english.headers.vary).toMatch(/Accept-Language/);
    expect(english.body.items[0].name).not.toBe(italian.body.items[0].name);
    expect((await get("/api/v1/organizations/nido-bologna")).headers.vary).toMatch(/Accept-Language.*Cookie/);
  });

  it("lets any origin read the API", async () => {
    const res = await get("/api/v1/comuni", { Origin: "https://example.com" });
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-expose-headers"]).toContain("ETag");
    const preflight = await request(ctx.app)
      .options("/api/v1/organizations")
      .set("Origin", "https://example.com")
      .set("Access-Control-Request-Method", "GET")
      .set("Access-Control-Request-Headers", "if-none-match");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers["access-control-allow-headers"]).toContain("If-None-Match");
  });
});
