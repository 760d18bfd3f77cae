import { TERRITORIAL_WELFARE, outcomeSlugs } from "../../domain/vocabulary.js";
// The OpenAPI 3.1 description of /api/v1 (JSON Schema 2020-12). The tests
// validate every API answer they receive against these schemas.

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const int = { type: "integer", minimum: 0 } as const;
const nullableNum = { type: ["number", "null"] } as const;
const bool = { type: "boolean" } as const;
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

const categorySlug = {
  enum: ["conciliazione", "minori", "anziani", "salute", "educazione", "tempo-libero", "mobilita", "altro"],
};
const classification = { enum: [...Object.values(outcomeSlugs), null] };
const measureStatus = { enum: ["attiva", "in-progettazione", "conclusa"] };
const beneficiary = { enum: ["dipendenti", "familiari", "cittadini"] };
const sizeClass = { enum: ["micro", "piccola", "media", "grande", null] };
const comuneRef = {
  oneOf: [{ type: "null" }, object({ istatCode: { type: "string", pattern: "^\\d{6}$" }, name: str })],
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
  startsOn: nullableStr,
  endsOn: nullableStr,
  partners: str,
  classification,
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const ok = (description: string, schema: string) => ({
  description,
  headers: {
    ETag: { schema: str, description: "Validator for If-None-Match (no Last-Modified is sent)" },
    Vary: { schema: str, description: "Accept-Language, Cookie: names are localized" },
  },
  content: { "application/json": { schema: ref(schema) } },
});
const errors = {
  "304": { description: "Not modified (If-None-Match)" },
  "400": problemResponse("Malformed or unknown parameters"),
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
    paths: {
      "/organizations": {
        get: {
          summary: "Search the register (the parameters of /registro)",
          parameters: [
            query("q", "Words"),
            {
              ...query("categoria", "Category (repeatable)", { type: "array", items: categorySlug }),
              style: "form",
              explode: true,
            },
            query("comune", "ISTAT code of the comune"),
            query("vicino", "ISTAT code of the comune to measure distance from"),
            query("lat", "Latitude of the origin", { type: "number" }),
            query("lon", "Longitude of the origin", { type: "number" }),
            query("luogo", "An address or place as the origin (geocoded; 400 when several places match)"),
            query("raggio", "Radius in km", { type: "number" }),
            query("aperte", "1: measures open to citizens only", { enum: ["1"] }),
            query("beneficiari", "Beneficiaries (repeatable)", { type: "array", items: beneficiary }),
            query("dimensione", "Size class (repeatable)", {
              type: "array",
              items: { enum: ["micro", "piccola", "media", "grande"] },
            }),
            query("ateco", "ATECO section letter"),
            query("stato", "Measure status (repeatable)", {
              type: "array",
              items: { enum: ["attiva", "in-progettazione"] },
            }),
            query("classificazione", `${TERRITORIAL_WELFARE}: classified measures only`, {
              enum: [TERRITORIAL_WELFARE],
            }),
            query("ordina", "Order", { enum: ["rilevanza", "distanza", "nome", "recenti"] }),
            page,
          ],
          responses: { "200": ok("One page of 20 organizations", "OrganizationSearch"), ...errors },
        },
      },
      "/organizations/{slug}": {
        get: {
          summary: "One registered organization with its published measures",
          parameters: [{ name: "slug", in: "path", required: true, schema: str }],
          responses: {
            "200": ok("The organization", "Organization"),
            "404": problemResponse("Not in the register"),
            ...errors,
          },
        },
      },
      "/measures": {
        get: {
          summary: "Published measures of registered organizations",
          parameters: [
            {
              ...query("categoria", "Category (repeatable)", { type: "array", items: categorySlug }),
              style: "form",
              explode: true,
            },
            query("aperte", "1: open to citizens only", { enum: ["1"] }),
            query("comune", "ISTAT code of the organization's comune"),
            query("classificazione", `${TERRITORIAL_WELFARE} only`, { enum: [TERRITORIAL_WELFARE] }),
            page,
          ],
          responses: { "200": ok("One page of 50 measures", "MeasureList"), ...errors },
        },
      },
      "/networks": {
        get: {
          summary: "Public networks of firms",
          responses: { "200": ok("Every public network", "NetworkList"), ...errors },
        },
      },
      "/events": {
        get: {
          summary: "Events, latest first",
          parameters: [page],
          responses: { "200": ok("One page of 50 events", "EventList"), ...errors },
        },
      },
      "/comuni": {
        get: {
          summary: "The 55 comuni with their registered organizations",
          responses: { "200": ok("Every comune", "ComuneList"), ...errors },
        },
      },
      "/categories": {
        get: {
          summary: "Measure categories with counts",
          responses: { "200": ok("Every category", "CategoryList"), ...errors },
        },
      },
    },
    components: {
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: str,
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
          url: str,
          name: str,
          legalForm: str,
          description: str,
          comune: comuneRef,
          sizeClass,
          registeredAt: nullableStr,
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
          url: str,
          registryNumber: nullableStr,
          name: str,
          legalForm: str,
          vatNumber: nullableStr,
          atecoSection: nullableStr,
          sizeClass,
          address: str,
          comune: { oneOf: [{ type: "null" }, object({ istatCode: str, name: str, cap: str })] },
          lat: nullableNum,
          lon: nullableNum,
          website: nullableStr,
          email: nullableStr,
          phone: nullableStr,
          description: str,
          welfareStage: { enum: ["attiva", "in-progettazione"] },
          registeredAt: nullableStr,
          lastVerifiedAt: nullableStr,
          needsVerification: bool,
          demo: bool,
          updatedAt: str,
          measures: { type: "array", items: ref("Measure") },
        }),
        MeasureWithOrganization: object({
          ...measure,
          organization: object({ slug: str, name: str, comune: nullableStr, url: str }),
        }),
        MeasureList: paged("MeasureWithOrganization"),
        Network: object({
          slug: str,
          name: str,
          description: str,
          url: str,
          lead: object({ slug: str, name: str }),
          members: int,
          measures: int,
        }),
        NetworkList: list("Network"),
        Event: object({
          slug: str,
          title: str,
          type: { enum: ["SEMINAR", "MEETING", "TRAINING"] },
          startsAt: str,
          endsAt: nullableStr,
          place: str,
          comune: comuneRef,
          organizer: str,
          description: str,
          participants: { type: ["integer", "null"] },
        }),
        EventList: paged("Event"),
        Comune: object({
          istatCode: str,
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
      },
    },
  };
}
