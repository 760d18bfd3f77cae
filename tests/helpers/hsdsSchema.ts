import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";

// The HSDS 3.0 schemas of tests/schemas/hsds (export.json says how they were
// written), compiled once with Ajv's JSON Schema 2020-12 validator in strict
// mode: a keyword or a format it does not know is an error, not a silent pass.
// They live with the tests: the app writes the file from typed code and never
// validates it at run time (that would double the cost of producing it).

const dir = path.resolve("tests/schemas/hsds");
const schemas = readdirSync(dir)
  .filter((file) => file.endsWith(".json"))
  .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { $id: string });

const ajv = new Ajv2020({ allErrors: true, strict: true });
// The four formats the schemas use, checked here: ajv-formats would be a dependency for four lines.
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat("uri", (s) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
ajv.addFormat("email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
ajv.addFormat(
  "date-time",
  (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
);
ajv.addSchema(schemas);
const schemaOf = (file: string) => ajv.getSchema(schemas.find((s) => s.$id.endsWith(`/${file}`))!.$id)!;
const validate = schemaOf("export.json");
const validateTerm = schemaOf("taxonomy_term.json");

/** Every violation of HSDS 3.0 in the content of an hsds.json file, one line each; none when it conforms. */
export function hsdsViolations(file: unknown): string[] {
  if (validate(file)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The same for hsds-tassonomie.json: an array of HSDS 3.0 taxonomy terms. */
export function hsdsTermViolations(file: unknown): string[] {
  if (!Array.isArray(file)) return ["/ is not an array"];
  return file.flatMap((term, i) =>
    validateTerm(term)
      ? []
      : (validateTerm.errors ?? []).map((e) => `/${i}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
  );
}
