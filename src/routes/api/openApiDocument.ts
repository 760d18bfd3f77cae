import {
  TERRITORIAL_WELFARE,
  beneficiaries,
  categories,
  outcomeSlugs,
  searchableStatuses,
  sizeClasses,
  sortOrders,
} from "../../domain/vocabulary.js";
import { languages } from "../../locales/i18n.js";
import { MAX_PAGE } from "../public/registry.schema.js";
// The OpenAPI 3.1 description of /api/v1 (JSON Schema 2020-12). The tests
// validate every API answer they receive against these schemas (with their
// formats), check that it declares exactly the parameters each route takes,
// and lint it with Redocly's recommended rules.

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const int = { type: "integer", minimum: 0 } as const;
const nullableNum = { type: ["number", "null"] } as const;
const bool = { type: "boolean" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const nullableDateTime = { type: ["string", "null"], format: "date-time" } as const;
const nullableDate = { type: ["string", "null"], format: "date" } as const;
const uri = { type: "string", format: "uri" } as const;
const nullableUri = { type: ["string", "null"], format: "uri" } as const;
const nullableEmail = { type: ["string", "null"], format: "email" } as const;
const istatCode = { type: "string", pattern: "^\\d{6}$" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>) => ({
  type: "object",
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});
const paged = (item: string) =>
  object({
    total: int,
    page: { type: "integer", minimum: 1 },
    pages: { type: "integer", minimum: 1 },
    items: { type: "array", items: ref(item) },
  });
const list = (item: string) => object({ total: int, items: { type: "array", items: ref(item) } });

const categorySlug = { enum: categories.slugs };
const classification = { enum: [...Object.values(outcomeSlugs), null] };
const measureStatus = { enum: ["attiva", "in-progettazione", "conclusa"] };
const beneficiary = { enum: beneficiaries.slugs };
const sizeClass = { enum: ["micro", "piccola", "media", "grande", null] };
const comuneRef = {
  oneOf: [{ type: "null" }, object({ istatCode, name: str })],
};

const measure = {
  id: int,
  title: str,
  description: str,
  category: categorySlug,
  status: measureStatus,
  beneficiaries: { type: "array", items: beneficiary },
  openToCitizens: bool,
  areaServed: str,
  accessConditions: str,
  costToCitizens: str,
  capacity: { type: ["integer", "null"] },
  startsOn: nullableDate,
  endsOn: nullableDate,
  partners: str,
  classification,
};

const cors = {
  "Access-Control-Allow-Origin": { schema: { const: "*" }, description: "Any web page may read every answer" },
};
const problemResponse = (description: string) => ({
  description,
  headers: cors,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const ok = (description: string, schema: string) => ({
  description,
  headers: {
    ...cors,
    ETag: { schema: str, description: "Validator for If-None-Match (no Last-Modified is sent)" },
    Vary: { schema: str, description: "Accept-Language, Cookie: names are localized" },
  },
  content: { "application/json": { schema: ref(schema) } },
});
const errors = {
  "304": { description: "Not modified (If-None-Match)", headers: cors },
  "400": problemResponse(
    "Unknown parameters (categoria[]= and q[a]= forms included), malformed values, or an address with a NUL character or invalid UTF-8: each parameter named in invalid-params",
  ),
  "429": problemResponse("Too many requests"),
  "500": problemResponse("Server error"),
  "503": problemResponse("The database is unavailable for a moment: try again after Retry-After seconds"),
};
const query = (name: string, description: string, schema: unknown = str) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const page = query("pagina", "Page number, from 1", { type: "integer", minimum: 1 });
/** Several values: the name repeated (categoria=minori&categoria=salute), never categoria[]=. */
const repeatable = (name: string, description: string, values: readonly string[]) => ({
  ...query(name, `${description} (repeatable)`, { type: "array", items: { enum: values } }),
  style: "form",
  explode: true,
});
const lang = { $ref: "#/components/parameters/lang" };
const text = (maxLength: number) => ({ type: "string", maxLength });

export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Registro del welfare aziendale – API",
      version: "1.0.0",
      description:
        "Read-only public data of the corporate welfare register of the Città metropolitana di Bologna: registered organizations, their published measures, networks, events and reference data. Data licence CC BY 4.0.",
      license: { name: "CC BY 4.0 (data)", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    // Open data: no operation needs credentials.
    security: [],
    paths: {
      "/organizations": {
        get: {
          operationId: "searchOrganizations",
          summary: "Search the register (the parameters of /registro)",
          parameters: [
            query("q", "Words", text(200)),
            repeatable("categoria", "Category", categories.slugs),
            query("comune", "ISTAT code of the comune", istatCode),
            query("vicino", "ISTAT code of the comune to measure distance from", istatCode),
            query("lat", "Latitude of the origin (with lon)", { type: "number", minimum: -90, maximum: 90 }),
            query("lon", "Longitude of the origin (with lat)", { type: "number", minimum: -180, maximum: 180 }),
            query("luogo", "An address or place as the origin (geocoded; 400 when several places match)", text(200)),
            query("raggio", "Radius in km", { type: "number", minimum: 1, maximum: 200, default: 15 }),
            query("aperte", "1: measures open to citizens only", { enum: ["1"] }),
            repeatable("beneficiari", "Beneficiaries", beneficiaries.slugs),
            repeatable("dimensione", "Size class", sizeClasses.slugs),
            query("ateco", "ATECO section letter", { type: "string", pattern: "^[A-Va-v]$" }),
            repeatable("stato", "Measure status", searchableStatuses.slugs),
            query("classificazione", `${TERRITORIAL_WELFARE}: classified measures only`, {
              enum: [TERRITORIAL_WELFARE],
            }),
            query("patto", "1: confirmed signatories of the territorial welfare Pact only", { enum: ["1"] }),
            query("ordina", "Order", { enum: sortOrders }),
            query("pagina", "Page number, from 1", { type: "integer", minimum: 1, maximum: MAX_PAGE }),
            lang,
          ],
          responses: { "200": ok("One page of 20 organizations", "OrganizationSearch"), ...errors },
        },
      },
      "/organizations/{slug}": {
        get: {
          operationId: "getOrganization",
          summary: "One registered organization with its published measures",
          parameters: [
            {
              name: "slug",
              in: "path",
              required: true,
              description: "The organization's identifier in its register URL (any other form is not found: 404)",
              schema: { type: "string", pattern: "^[a-z0-9-]{1,200}$" },
            },
            lang,
          ],
          responses: {
            "200": ok("The organization", "Organization"),
            "404": problemResponse("Not in the register"),
            ...errors,
          },
        },
      },
      "/measures": {
        get: {
          operationId: "listMeasures",
          summary: "Published measures of registered organizations",
          parameters: [
            repeatable("categoria", "Category", categories.slugs),
            query("aperte", "1: open to citizens only", { enum: ["1"] }),
            query("comune", "ISTAT code of the organization's comune", istatCode),
            query("classificazione", `${TERRITORIAL_WELFARE} only`, { enum: [TERRITORIAL_WELFARE] }),
            page,
            lang,
          ],
          responses: { "200": ok("One page of 50 measures", "MeasureList"), ...errors },
        },
      },
      "/networks": {
        get: {
          operationId: "listNetworks",
          summary: "Public networks of firms",
          parameters: [lang],
          responses: { "200": ok("Every public network", "NetworkList"), ...errors },
        },
      },
      "/events": {
        get: {
          operationId: "listEvents",
          summary: "Events, latest first",
          parameters: [page, lang],
          responses: { "200": ok("One page of 50 events", "EventList"), ...errors },
        },
      },
      "/comuni": {
        get: {
          operationId: "listComuni",
          summary: "The 55 comuni with their registered organizations",
          parameters: [lang],
          responses: { "200": ok("Every comune", "ComuneList"), ...errors },
        },
      },
      "/categories": {
        get: {
          operationId: "listCategories",
          summary: "Measure categories with counts",
          parameters: [lang],
          responses: { "200": ok("Every category", "CategoryList"), ...errors },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This description",
          parameters: [lang],
          responses: {
            "200": {
              description: "The OpenAPI 3.1 document",
              headers: cors,
              content: { "application/json": { schema: ref("OpenApiDocument") } },
            },
            ...errors,
          },
        },
      },
    },
    components: {
      parameters: {
        lang: query("lang", "Language of names and error messages (default: Accept-Language, then Italian)", {
          enum: languages,
        }),
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string", format: "uri-reference" },
            title: str,
            status: { type: "integer", minimum: 400, maximum: 599 },
            detail: str,
            "invalid-params": { type: "array", items: object({ name: str, reason: str }) },
          },
        },
        SearchMeasure: object({
          id: int,
          title: str,
          category: categorySlug,
          status: measureStatus,
          openToCitizens: bool,
          beneficiaries: { type: "array", items: beneficiary },
          classification,
          matchesSearch: bool,
        }),
        OrganizationSummary: object({
          slug: str,
          url: uri,
          name: str,
          legalForm: str,
          description: str,
          comune: comuneRef,
          sizeClass,
          registeredAt: nullableDateTime,
          lat: nullableNum,
          lon: nullableNum,
          approximatePosition: bool,
          distanceKm: nullableNum,
          measures: { type: "array", items: ref("SearchMeasure") },
        }),
        OrganizationSearch: object({
          total: int,
          moreThanMax: bool,
          page: { type: "integer", minimum: 1 },
          pages: { type: "integer", minimum: 1 },
          items: { type: "array", items: ref("OrganizationSummary") },
        }),
        Measure: object(measure),
        Organization: object({
          slug: str,
          url: uri,
          registryNumber: nullableStr,
          name: str,
          legalForm: str,
          vatNumber: nullableStr,
          atecoSection: nullableStr,
          sizeClass,
          address: str,
          comune: { oneOf: [{ type: "null" }, object({ istatCode, name: str, cap: str })] },
          lat: nullableNum,
          lon: nullableNum,
          website: nullableUri,
          email: nullableEmail,
          phone: nullableStr,
          description: str,
          welfareStage: { enum: ["attiva", "in-progettazione"] },
          registeredAt: nullableDateTime,
          lastVerifiedAt: nullableDateTime,
          needsVerification: bool,
          demo: bool,
          updatedAt: dateTime,
          measures: { type: "array", items: ref("Measure") },
        }),
        MeasureWithOrganization: object({
          ...measure,
          organization: object({ slug: str, name: str, comune: nullableStr, url: uri }),
        }),
        MeasureList: paged("MeasureWithOrganization"),
        Network: object({
          slug: str,
          name: str,
          description: str,
          url: uri,
          lead: object({ slug: str, name: str }),
          members: int,
          measures: int,
        }),
        NetworkList: list("Network"),
        Event: object({
          slug: str,
          title: str,
          type: { enum: ["SEMINAR", "MEETING", "TRAINING"] },
          startsAt: dateTime,
          endsAt: nullableDateTime,
          place: str,
          comune: comuneRef,
          organizer: str,
          description: str,
          participants: { type: ["integer", "null"] },
        }),
        EventList: paged("Event"),
        Comune: object({
          istatCode,
          name: str,
          cap: str,
          lat: { type: "number" },
          lon: { type: "number" },
          population: int,
          organizations: int,
        }),
        ComuneList: list("Comune"),
        Category: object({ slug: categorySlug, name: str, measures: int, openToCitizens: int }),
        CategoryList: list("Category"),
        OpenApiDocument: {
          type: "object",
          required: ["openapi", "info", "paths"],
          properties: { openapi: { const: "3.1.0" }, info: { type: "object" }, paths: { type: "object" } },
        },
      },
    },
  };
}
