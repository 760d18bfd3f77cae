import ejs from "ejs";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scopedTemplate, templateNames, useScopedTemplates } from "../../src/viewTemplates.js";

const views = path.resolve("views");
const templates = readdirSync(views, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ejs"));
const options = { rmWhitespace: true, root: views };

describe("templateNames", () => {
  it("names what a template's code reads, not properties, keywords or EJS's own names", () => {
    const names = templateNames(
      `<p><%= t("a.b", { count: org.measures.length }) %></p>
       <%_ for (const m of list) { _%><%- include("/x", { ...extra, m }) %><% } -%>
       <%# a comment: ignored %> <%% literal %%> <%= typeof maybe === "undefined" ? Math.max(1, 2) : JSON.stringify(locals) %>`,
    );
    // words in strings count too ("a", "x"; "of"): a name too many is an undefined variable, one too few an error
    expect(names.sort()).toEqual(["JSON", "Math", "a", "count", "extra", "list", "m", "maybe", "of", "org", "t", "x"]);
  });
});

describe("scopedTemplate", () => {
  afterEach(() => ejs.clearCache());

  const render = (source: string, data: Record<string, unknown>, scoped: boolean) =>
    scoped ? ejs.render(scopedTemplate(source), data, { ...options, _with: false }) : ejs.render(source, data, options);

  it("renders as the same template inside with(locals) does", () => {
    const source = `
      <% const org = organization; %>
      <h1><%= org.name %></h1>
      <% if (typeof subtitle !== "undefined") { %><p><%= subtitle %></p><% } %>
      <ul><% for (const m of org.measures) { %>
        <li><%= t(m) %></li><% } %></ul>
      <p><%= missing ?? "none" %></p>
    `;
    const data = {
      organization: { name: "A & B", measures: ["x", "y"] },
      t: (s: string) => s.toUpperCase(),
      missing: null,
    };
    const expected = render(source, data, false);
    expect(expected).toContain("<h1>A &amp; B</h1>");
    expect(render(source, data, true)).toBe(expected);
    expect(render(source, { ...data, subtitle: "s" }, true)).toBe(render(source, { ...data, subtitle: "s" }, false));
  });

  it("gives a global's name to the local of that name when there is one, as with(locals) does", () => {
    const source = "<%= typeof Date %> <%= Math.max(1, 2) %>";
    expect(render(source, {}, true)).toBe(render(source, {}, false));
    expect(render(source, { Date: "a local" }, true)).toBe(render(source, { Date: "a local" }, false));
    expect(render(source, { Date: "a local" }, true)).toBe("string 2");
  });

  it("declares the names on the first line, so line numbers in errors stay right", () => {
    const source = "<p>one</p>\n<p>two</p>\n<%= notGiven.property %>\n";
    expect(() => render(source, {}, true)).toThrow(/ejs:3\b[\s\S]*Cannot read properties of undefined/);
  });

  it("compiles every template in views/ without with()", () => {
    for (const file of templates) {
      const source = readFileSync(path.join(views, file), "utf8");
      const compiled = ejs.compile(scopedTemplate(source), { ...options, _with: false, filename: file, client: true });
      expect(compiled.toString(), file).not.toMatch(/\bwith \(locals/);
    }
    expect(templates.length).toBeGreaterThan(100);
  });

  it("is how EJS reads template files once the app uses it", () => {
    const file = path.join(views, "public/accessibility.ejs");
    useScopedTemplates();
    expect(String(ejs.fileLoader(file))).toBe(scopedTemplate(readFileSync(file, "utf8")));
    expect(String(ejs.fileLoader(file))).toMatch(/^\s*<% var [\s\S]* = locals\./);
  });
});
