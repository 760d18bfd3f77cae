import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { expect } from "vitest";
import type { Response } from "supertest";
import { openApiDocument } from "../../src/routes/api/openApiDocument.js";

// Checks API answers against the OpenAPI 3.1 document the app serves, with
// Ajv's JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1): the formats
// too (date, date-time, uri, email), and strict, so a format or keyword Ajv
// does not know fails instead of being ignored.

const document = openApiDocument("http://localhost");
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
// The CommonJS module's default export, typed as its namespace under NodeNext.
ajvFormats.default(ajv);
// The whole document under one id: "#/components/schemas/..." references resolve inside it.
ajv.addKeyword("components");
ajv.addSchema({ $id: "openapi", components: document.components });

type Parameter = { name: string; in: string } | { $ref: string };
type Operation = {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
};
const componentParameters = document.components.parameters as Record<string, { name: string; in: string }>;

/** The names of an operation's query parameters, references resolved. */
function queryParameters(operation: Operation): string[] {
  return (operation.parameters ?? [])
    .map((p) => ("$ref" in p ? componentParameters[p.$ref.split("/").pop()!]! : p))
    .filter((p) => p.in === "query")
    .map((p) => p.name);
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
const templates = Object.entries(document.paths as Record<string, { get: Operation }>).map(([template, item]) => ({
  template,
  pattern: new RegExp(`^/api/v1${escape(template).replace(/\{[^}]+\}/g, "[^/]+")}$`),
  get: item.get,
}));

/** The operation a request path belongs to, or undefined for a path the API does not have. */
export function operationOf(path: string) {
  const found = templates.find((t) => t.pattern.test(path.split("?")[0]!));
  return found && { ...found, queryParameters: queryParameters(found.get) };
}

/**
 * Fails unless the answer matches the document: status listed, media type and
 * body schema, CORS (declared on every answer, errors too); and an answer that
 * accepted the request (2xx, 304) took only parameters the document declares.
 */
export function expectMatchesContract(path: string, res: Response) {
  expect(res.headers["access-control-allow-origin"], `GET ${path} (${res.status}) allows any origin`).toBe("*");
  const operation = operationOf(path);
  let schemaRef: string;
  const mediaType = String(res.headers["content-type"] ?? "").split(";")[0]!;
  if (!operation) {
    // Unknown paths answer a problem.
    expect(mediaType).toBe("application/problem+json");
    schemaRef = "#/components/schemas/Problem";
  } else {
    const response = operation.get.responses[String(res.status)];
    expect(response, `status ${res.status} of GET ${operation.template} is in the OpenAPI document`).toBeDefined();
    if (res.status < 400) {
      const names = [...new URLSearchParams(path.split("?")[1] ?? "").keys()];
      expect(operation.queryParameters, `GET ${path} took parameters the document declares`).toEqual(
        expect.arrayContaining(names),
      );
    }
    if (res.status === 304) return;
    const content = response!.content?.[mediaType];
    expect(
      content,
      `${mediaType} for ${res.status} of GET ${operation.template} is in the OpenAPI document`,
    ).toBeDefined();
    schemaRef = content!.schema.$ref;
  }
  const validate = ajv.getSchema(`openapi${schemaRef}`)!;
  const body = mediaType === "application/problem+json" ? JSON.parse(res.text) : res.body;
  const valid = validate(body);
  expect(validate.errors ?? [], `GET ${path} (${res.status}) matches ${schemaRef}`).toEqual([]);
  expect(valid).toBe(true);
}

export { document as openApi };
