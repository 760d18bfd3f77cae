import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// Templates include each other by their path from views/ ("/partials/top"), which EJS
// resolves against its `root` option (app.ts). A relative include would make EJS look the
// file up on disk at every include of every page rendered.
const views = path.resolve("views");
const templates = readdirSync(views, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ejs"));

it("include other templates by their path from views/, and those templates exist", () => {
  const includes = templates.flatMap((file) =>
    [...readFileSync(path.join(views, file), "utf8").matchAll(/include\((['"])(.*?)\1/g)].map((m) => ({
      file,
      target: m[2]!,
    })),
  );
  expect(includes.length).toBeGreaterThan(100);
  expect(includes.filter((i) => !i.target.startsWith("/"))).toEqual([]);
  expect(includes.filter((i) => !existsSync(path.join(views, `${i.target}.ejs`)))).toEqual([]);
});
