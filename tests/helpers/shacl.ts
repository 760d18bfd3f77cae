import { readFileSync } from "node:fs";
import jsonld from "jsonld";
import { Parser, Store } from "n3";
import SHACLValidator from "rdf-validate-shacl";

/** RDF from Turtle or N-Quads text. */
function parse(text: string, format: "text/turtle" | "application/n-quads"): Store {
  return new Store(new Parser({ format }).parse(text));
}

/**
 * JSON-LD to RDF the way a harvester reads it, offline: a remote @context is
 * refused rather than fetched, and safe mode fails on anything the context
 * does not map (which toRDF would otherwise drop without a word).
 */
export async function jsonLdToRdf(document: object): Promise<Store> {
  // `safe` is jsonld.js 8+'s option, newer than @types/jsonld.
  const options: jsonld.Options.ToRdf & { safe: boolean } = {
    format: "application/n-quads",
    safe: true,
    documentLoader: async (url: string) => {
      throw new Error(`remote JSON-LD document refused (the test is offline): ${url}`);
    },
  };
  return parse(String(await jsonld.toRDF(document, options)), "application/n-quads");
}

export interface ShaclResult {
  severity: string;
  focusNode: string;
  path: string;
  message: string;
}

/** Every result of validating `data` against the Turtle shapes in `shapesFile`, readable in a failed expectation. */
export async function shaclResults(shapesFile: string, data: Store): Promise<ShaclResult[]> {
  const validator = new SHACLValidator(parse(readFileSync(shapesFile, "utf8"), "text/turtle"));
  const report = await validator.validate(data);
  return report.results.map((r) => ({
    severity: r.severity?.value.replace("http://www.w3.org/ns/shacl#", "") ?? "",
    focusNode: r.focusNode?.value ?? "",
    path: r.path?.value ?? "",
    message: r.message.map((m) => m.value).join("; "),
  }));
}
