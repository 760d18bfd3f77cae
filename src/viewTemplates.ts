import ejs from "ejs";
import { readFileSync } from "node:fs";

/**
 * EJS runs a template inside `with (locals)`: V8 then looks every name up at
 * run time, its own variables included, and a results page spent more than half
 * of its rendering on those lookups. Each template is therefore compiled without
 * `with` (`_with: false` in app.ts) and read through `scopedTemplate`, which
 * declares the names its code uses as variables taken from `locals`. A name
 * the template does not get stays undefined, as `typeof name` already expected
 * (inside `with` it would throw); a global's name (Math, JSON, Date...) is the
 * local of that name if there is one, else the global, as inside `with`; a
 * template's own declarations live in a block of their own, so they shadow
 * these instead of clashing with them. Names are ASCII identifiers: the
 * templates use no others.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval"
  ).split(" "),
);
/** The compiled function's parameters (its own variables begin with "__"), and values no one redefines. */
const NOT_DECLARED = new Set([
  "locals",
  "escapeFn",
  "include",
  "rethrow",
  "undefined",
  "NaN",
  "Infinity",
  "globalThis",
]);

/**
 * Every name a template's code may read from its locals: each identifier in its
 * tags (strings' words too: a name too many is only an undefined variable) that
 * follows no "." and is no keyword.
 */
export function templateNames(template: string): string[] {
  const names = new Set<string>();
  for (const [, code] of template.matchAll(/<%(?![%#])[_=-]?([\s\S]*?)[_-]?%>/g)) {
    for (const [, dot, name] of code!.matchAll(/(\.{1,3})?([A-Za-z_$][\w$]*)/g)) {
      const property = dot === "." || dot === "..";
      if (property || RESERVED.has(name!) || NOT_DECLARED.has(name!) || name!.startsWith("__")) continue;
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
  const declaration = (n: string) =>
    n in globalThis ? `${n} = "${n}" in locals ? locals.${n} : globalThis.${n}` : `${n} = locals.${n}`;
  const declarations = names.length > 0 ? `var ${names.map(declaration).join(", ")}; ` : "";
  const [, leading, body, trailing] = /^(\s*)([\s\S]*?)(\s*)$/.exec(template)!;
  return `${leading}<% ${declarations}{ %>${body}<% } %>${trailing}`;
}

/** EJS reads every template and include through its one file loader. */
export function useScopedTemplates(): void {
  ejs.fileLoader = (path) => scopedTemplate(readFileSync(path, "utf8"));
}
