import request from "supertest";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestContext, type TestContext } from "../helpers/testApp.js";
import { postForm } from "../helpers/companyAgent.js";

// html-validate's "standard" rules (the HTML standard: nesting, attributes, ids, forms) and its
// "a11y" rules (names of landmarks and controls, ARIA use), on the pages as served with the demo
// register. Its stylistic "recommended" extras (quotes, whitespace, title length) are left out.
const validator = new HtmlValidate({ extends: ["html-validate:standard", "html-validate:a11y"] });

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createDemoTestContext();
}, 120_000);
afterAll(() => ctx?.db.close());

async function problemsOf(html: string) {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message} — ${m.selector}`),
  );
}

describe("the HTML of the public pages", () => {
  // About sixty pages, each parsed and checked: seconds on an idle machine, more under CI's load.
  it("passes html-validate's standard and accessibility rules, in Italian and English", async () => {
    const slug = (await ctx.db.prisma.organization.findFirstOrThrow({ where: { registryStatus: "REGISTERED" } })).slug;
    const event = (await ctx.db.prisma.event.findFirstOrThrow()).slug;
    const signUp = (await ctx.db.prisma.event.findFirstOrThrow({ where: { registrationOpen: true } })).slug;
    const network = (await ctx.db.prisma.network.findFirstOrThrow()).slug;
    const report = (await ctx.db.prisma.monitoringReport.findFirstOrThrow({ where: { status: "PUBLISHED" } })).year;
    const pages = [
      "/",
      "/registro",
      "/registro?q=nido&aperte=1",
      "/registro?q=zzzzqqq",
      `/registro/${slug}`,
      "/mappa",
      "/reti",
      `/reti/${network}`,
      "/patto",
      "/eventi",
      `/eventi/${event}`,
      `/eventi/${signUp}`,
      "/guida",
      "/consulenza",
      "/avvisi",
      "/statistiche",
      `/statistiche/rapporto/${report}`,
      "/open-data",
      "/sperimentazioni",
      "/progetto",
      "/notizie",
      "/accessibilita",
      "/privacy",
      "/accedi",
      "/registrati",
      "/password-dimenticata",
      "/pagina-che-non-esiste",
    ];
    const found: string[] = [];
    for (const path of pages)
      for (const lang of ["it", "en"]) {
        const res = await request(ctx.app).get(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
        expect(res.type, path).toBe("text/html");
        found.push(...(await problemsOf(res.text)).map((p) => `${path} [${lang}] ${p}`));
      }
    expect(found).toEqual([]);
  }, 120_000);

  it("keeps a form answered with 422 valid: error summary, messages and kept values", async () => {
    const res = await postForm(request.agent(ctx.app), "/consulenza", "/consulenza", { email: "non-una-email" });
    expect(res.status).toBe(422);
    expect(await problemsOf(res.text)).toEqual([]);
  });

  it("keeps an event's sign-up form answered with 422 valid", async () => {
    const slug = (await ctx.db.prisma.event.findFirstOrThrow({ where: { registrationOpen: true } })).slug;
    const page = `/eventi/${slug}`;
    const res = await postForm(request.agent(ctx.app), page, `${page}/iscrizione`, { email: "non-una-email" });
    expect(res.status).toBe(422);
    expect(await problemsOf(res.text)).toEqual([]);
  });
});
