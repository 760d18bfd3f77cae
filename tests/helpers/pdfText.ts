import type request from "supertest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Supertest's parser for a binary answer: the body as a Buffer, whatever its type. */
export function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void) {
  // At parse time the answer is still Node's incoming message, a stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("end", () => done(null, Buffer.concat(chunks)));
}

interface StructNode {
  role?: string;
  lang?: string;
  children?: StructNode[];
}

/**
 * What a reader gets from a PDF, read by a real parser (pdf.js, the one in
 * Firefox): the text of every page, the metadata, and the roles of the tagged
 * structure (H1, P, Table, TH...) with the languages it marks.
 */
export async function readPdf(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  const roles: string[] = [];
  const langs = new Set<string>();
  const walk = (node: StructNode | null) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    if (node.lang) langs.add(node.lang);
    node.children?.forEach(walk);
  };
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
    walk((await page.getStructTree()) as StructNode | null);
  }
  const info = (await pdf.getMetadata()).info as { Title?: string; Language?: string };
  await pdf.destroy();
  return { text: pages.join("\n"), pages: pdf.numPages, info, roles, langs };
}
