import ejs from "ejs";
import { readFileSync } from "node:fs";

/**
 * EJS runs a template inside `with (locals)`: V8 then looks every name up at
 * run time, its own variables included, and a results page spent more than half
 * of its rendering on those lookups. Each template is therefore compiled without
 * `with` (`_with: false` in app.ts) and read through `scopedTemplate`, which
 * declares the names its code uses as variables taken from `locals`. A name
 * the template does not get stays undefined, as `typeof name` already expected;
 * a template's own declarations live in a block of their own, so they shadow
 * these instead of clashing with them.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval"
  ).split(" "),
);
/** The compiled function's parameters. Its own variables begin with "__". */
const COMPILED_PARAMETERS = new Set(["locals", "escapeFn", "include", "rethrow"]);

/**
 * Every name a template's code may read from its locals: each identifier in its
 * tags (strings' words too: a name too many is only an undefined variable) that
 * follows no ".", is no keyword and no global (Math, JSON, Date...).
 */
export function templateNames(template: string): string[] {
  const names = new Set<string>();
  for (const [, code] of template.matchAll(/<%(?![%#])[_=-]?([\s\S]*?)[_-]?%>/g)) {
    for (const [, dot, name] of code!.matchAll(/(\.{1,3})?([A-Za-z_$][\w$]*)/g)) {
      const property = dot === "." || dot === "..";
      if (property || RESERVED.has(name!) || COMPILED_PARAMETERS.has(name!)) continue;
      if (name!.startsWith("__") || name! in globalThis) continue;
      names.add(name!);
    }
  }
  return [...names];
}

/**
 * The template with its names declared first and its own code in a block. Both
 * tags go inside the leading and trailing whitespace, which therefore stays
 * where rmWhitespace removes it, and add no line (error line numbers stay right).
 */
export function scopedTemplate(template: string): string {
  const names = templateNames(template);
  const declarations = names.length > 0 ? `var ${names.map((n) => `${n} = locals.${n}`).join(", ")}; ` : "";
  const [, leading, body, trailing] = /^(\s*)([\s\S]*?)(\s*)$/.exec(template)!;
  return `${leading}<% ${declarations}{ %>${body}<% } %>${trailing}`;
}

/** EJS reads every template and include through its one file loader. */
export function useScopedTemplates(): void {
  ejs.fileLoader = (path) => scopedTemplate(readFileSync(path, "utf8"));
}
