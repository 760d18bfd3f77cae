import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";
import type { Response } from "supertest";
import { openApiDocument } from "../../src/routes/api/openApiDocument.js";

// Checks API answers against the OpenAPI 3.1 document the app serves, with
// Ajv's JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1).

const document = openApiDocument("http://localhost");
const ajv = new Ajv2020({ allErrors: true, strict: false });
// The whole document under one id: "#/components/schemas/..." references resolve inside it.
ajv.addSchema({ $id: "openapi", components: document.components });

type Operation = { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };
const templates = Object.entries(document.paths as Record<string, { get: Operation }>).map(([template, item]) => ({
  template,
  pattern: new RegExp(`^/api/v1${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  get: item.get,
}));

/** The operation a request path belongs to, or undefined for a path the API does not have. */
function operationOf(path: string) {
  return templates.find((t) => t.pattern.test(path.split("?")[0]!));
}

/** Fails unless the answer matches the document: status listed, media type and body schema. */
export function expectMatchesContract(path: string, res: Response) {
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
