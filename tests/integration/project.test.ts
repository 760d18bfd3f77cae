import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { postForm } from "../helpers/companyAgent.js";
import { loggedInAgent } from "../helpers/login.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
let admin: request.Agent;
let reviewer: request.Agent;
const anonymous = () => request(ctx.app);
const base = "/admin/impostazioni/progetto";
const audits = (action: string) => ctx.db.prisma.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });
const partner = (overrides: Record<string, string> = {}) => ({
  name: "Comune di Prova",
  kind: "INSTITUTION",
  website: "https://www.comune.prova.it",
  roleIt: "Promuove il progetto.",
  roleEn: "",
  referent: "Maria Rossi",
  ...overrides,
});

const postTexts = (overrides: Record<string, string>) =>
  postForm(admin, base, base, {
    descriptionIt: "Descrizione",
    descriptionEn: "New description",
    aimsIt: "- primo obiettivo",
    aimsEn: "- first aim",
    ...overrides,
  });

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits, publicBaseUrl: "https://welfare.example.org" });
  const p = ctx.db.prisma;
  admin = await loggedInAgent(ctx.app, (await buildUser(p, "ADMIN", "Aldo Amministratore")).email, TEST_PASSWORD);
  reviewer = await loggedInAgent(ctx.app, (await buildUser(p, "REVIEWER", "Rita Revisora")).email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("/progetto", () => {
  it("shows the project sheet's texts until admins edit them, in Italian and English", async () => {
    const it = await anonymous().get("/progetto");
    expect(it.status).toBe(200);
    expect(it.text).toContain("Politiche di welfare aziendale in un sistema di welfare condiviso");
    expect(it.text).toContain('<a href="/patto">Patto</a>');
    expect(it.text).toContain(inHtml(t("project.noPartners")));
    const en = await anonymous().get("/progetto?lang=en");
    expect(en.text).toContain("Company welfare policies in a shared welfare system");
  });

  it("is linked from the footer of every page and from the Pact's page", async () => {
    for (const path of ["/", "/registro", "/patto"]) {
      const footer = (await anonymous().get(path)).text.split('id="footer"')[1] ?? "";
      expect(footer, path).toContain(`<a href="/progetto">${inHtml(t("project.nav"))}</a>`);
      expect(footer, path).toContain(`<a href="/notizie">${inHtml(t("news.nav"))}</a>`);
    }
    const pact = (await anonymous().get("/patto")).text;
    expect(pact).toMatch(/<p id="link-progetto">[^<]*<a href="\/progetto">/);
  });

  it("carries Open Graph tags with absolute addresses, in the page's language", async () => {
    const meta = (html: string, property: string) =>
      new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
    const it = (await anonymous().get("/progetto")).text;
    expect(meta(it, "og:url")).toBe("https://welfare.example.org/progetto");
    expect(meta(it, "og:title")).toBe(t("project.title"));
    expect(meta(it, "og:description")).toBe(inHtml(t("project.description")));
    expect(meta(it, "og:type")).toBe("website");
    expect(meta(it, "og:locale")).toBe("it_IT");
    expect(it).toContain('<meta name="twitter:card" content="summary">');
    const en = (await anonymous().get("/progetto?lang=en")).text;
    expect(meta(en, "og:url")).toBe("https://welfare.example.org/progetto?lang=en");
    expect(meta(en, "og:locale")).toBe("en_GB");
    // No sensible image on a page without one: no og:image at all.
    expect(meta(en, "og:image")).toBeUndefined();
  });
});

describe("the admins' settings", () => {
  it("are for admins only", async () => {
    expect((await reviewer.get(base)).status).toBe(403);
    expect((await reviewer.get(`${base}/partner/nuovo`)).status).toBe(403);
    const refused = await postForm(reviewer, "/account", `${base}/partner/nuovo`, partner());
    expect(refused.status).toBe(403);
    expect(await ctx.db.prisma.projectPartner.count()).toBe(0);
  });

  it("edits the texts (Markdown, raw HTML escaped), audited with before and after", async () => {
    const res = await postTexts({ descriptionIt: "Nuova **descrizione** <script>alert(1)</script>" });
    expect(res.headers.location).toBe(`${base}?esito=salvati`);
    const page = (await anonymous().get("/progetto")).text;
    expect(page).toContain("Nuova <strong>descrizione</strong> &lt;script&gt;");
    expect(page).toContain("<li>primo obiettivo</li>");
    const entries = await audits("settings.projectText");
    expect(entries.map((e) => e.entityId).sort()).toEqual(["project.aims", "project.description"]);
    expect(entries[0]?.before).toBeNull();
  });

  it("answers 422 beside the field for a missing text or a website that is not a web address, values kept", async () => {
    const texts = await postTexts({ descriptionIt: "" });
    expect(texts.status).toBe(422);
    expect(texts.text).toMatch(fieldError("descriptionIt", "validation.required"));
    for (const website of ["javascript:alert(1)", "www.senza-schema.it", "ftp://example.org"]) {
      const res = await postForm(admin, `${base}/partner/nuovo`, `${base}/partner/nuovo`, partner({ website }));
      expect(res.status, website).toBe(422);
      expect(res.text).toMatch(fieldError("website", "validation.url"));
      expect(res.text).toContain(`value="${inHtml(website)}"`);
      expect(res.text).toContain('value="Comune di Prova"');
    }
    const kind = await postForm(
      admin,
      `${base}/partner/nuovo`,
      `${base}/partner/nuovo`,
      partner({ kind: "GOVERNMENT" }),
    );
    expect(kind.text).toMatch(fieldError("kind", "validation.choice"));
    expect(await ctx.db.prisma.projectPartner.count()).toBe(0);
  });

  it("adds, edits and removes partners, shown by kind with their referents, each step audited", async () => {
    await postForm(admin, `${base}/partner/nuovo`, `${base}/partner/nuovo`, partner());
    const union = await postForm(
      admin,
      `${base}/partner/nuovo`,
      `${base}/partner/nuovo`,
      partner({ name: "Sindacato di Prova", kind: "UNION", website: "", referent: "", roleEn: "Takes part." }),
    );
    expect(union.headers.location).toBe(`${base}?esito=aggiunto`);
    const page = (await anonymous().get("/progetto")).text;
    const institutions = page.split('id="partner-INSTITUTION"')[1]!.split("</section>")[0]!;
    expect(institutions).toContain('<a href="https://www.comune.prova.it" rel="noopener">Comune di Prova</a>');
    expect(page.split('id="partner-UNION"')[1]).toContain("Sindacato di Prova");
    expect(page).not.toContain('id="partner-FIRM"'); // empty kinds are left out
    const referents = page.split('id="referenti"')[1]!.split("</section>")[0]!;
    expect(referents).toContain("<strong>Maria Rossi</strong>");
    expect(referents).not.toContain("Sindacato di Prova");
    // English page: the role typed in English, or the Italian one marked as Italian.
    const en = (await anonymous().get("/progetto?lang=en")).text;
    expect(en).toContain('<span lang="it">Promuove il progetto.</span>');
    expect(en).toContain("<span>Takes part.</span>");

    const created = await ctx.db.prisma.projectPartner.findFirstOrThrow({ where: { name: "Comune di Prova" } });
    const edit = await postForm(
      admin,
      `${base}/partner/${created.id}`,
      `${base}/partner/${created.id}`,
      partner({ referent: "" }),
    );
    expect(edit.headers.location).toBe(`${base}?esito=salvato`);
    const removal = await postForm(
      admin,
      `${base}/partner/${created.id}/elimina`,
      `${base}/partner/${created.id}/elimina`,
      {},
    );
    expect(removal.headers.location).toBe(`${base}?esito=eliminato`);
    expect((await anonymous().get("/progetto")).text).not.toContain("Comune di Prova");
    expect((await audits("project.partner.create")).length).toBe(2);
    expect((await audits("project.partner.update"))[0]).toMatchObject({
      entityType: "ProjectPartner",
      before: expect.objectContaining({ referent: "Maria Rossi" }),
      after: expect.objectContaining({ referent: "" }),
    });
    expect((await audits("project.partner.delete"))[0]?.before).toMatchObject({ name: "Comune di Prova" });
  });
});
