import { createHash } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsData } from "../../src/data/outreach/newsRepository.js";
import { romeDateAndTime } from "../../src/domain/romeTime.js";
import { FEED_ENTRIES } from "../../src/services/outreach/newsService.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { fieldError, inHtml, t } from "../helpers/catalogue.js";
import { csrfFrom } from "../helpers/csrf.js";
import { loggedInAgent, tokenFor } from "../helpers/login.js";
import { multipartAction, PNG, postMultipart } from "../helpers/multipart.js";
import { createTestContext, roomyRateLimits, type TestContext } from "../helpers/testApp.js";

let ctx: TestContext;
let reviewer: request.Agent;
let reviewerActor: { id: number; name: string };
let company: request.Agent;
const anonymous = () => request(ctx.app);
const today = romeDateAndTime(new Date()).date;

const valid = (overrides: Record<string, string> = {}) => ({
  kind: "GOOD_PRACTICE",
  publishedOn: today,
  titleIt: "Il nido aziendale aperto al quartiere",
  summaryIt: "Un nido aziendale accoglie anche i bambini delle famiglie vicine.",
  bodyIt: "Primo paragrafo.\n\n- un elenco\n- <script>alert(1)</script>",
  titleEn: "",
  summaryEn: "",
  bodyEn: "",
  imageAltIt: "",
  imageAltEn: "",
  ...overrides,
});
const png = { name: "image", data: PNG, filename: "foto.png", contentType: "image/png" };
const audits = (action: string) => ctx.db.prisma.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });
const itemIdOf = (location: string) => Number(/\/admin\/notizie\/(\d+)\?esito=creata$/.exec(location)?.[1]);

async function create(fields: Record<string, string>, file?: typeof png) {
  const res = await postMultipart(reviewer, "/admin/notizie/nuova", fields, file);
  expect(res.status, res.text.slice(0, 300)).toBe(303);
  return ctx.db.prisma.newsItem.findUniqueOrThrow({ where: { id: itemIdOf(res.headers.location as string) } });
}
const publish = async (id: number) =>
  reviewer
    .post(`/admin/notizie/${id}/pubblica`)
    .type("form")
    .send({ _csrf: await tokenFor(reviewer, `/admin/notizie/${id}`) });

beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: roomyRateLimits, publicBaseUrl: "https://welfare.example.org" });
  const p = ctx.db.prisma;
  const staff = await buildUser(p, "REVIEWER", "Rita Redattrice");
  reviewerActor = staff;
  reviewer = await loggedInAgent(ctx.app, staff.email, TEST_PASSWORD);
  const firm = await buildOrganization(p, { name: "Officine Notiziabili S.r.l." });
  company = await loggedInAgent(ctx.app, (await buildCompanyUser(p, firm.id)).email, TEST_PASSWORD);
});
afterAll(() => ctx?.db.close());

describe("who may write news", () => {
  it("keeps anonymous visitors and companies out of the staff's pages", async () => {
    const res = await anonymous().get("/admin/notizie/nuova");
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/accedi?torna=${encodeURIComponent("/admin/notizie/nuova")}`);
    expect((await company.get("/admin/notizie")).status).toBe(403);
    const token = csrfFrom((await company.get("/account")).text);
    const post = await company.post(`/admin/notizie/nuova?_csrf=${encodeURIComponent(token)}`).field("titleIt", "x");
    expect(post.status).toBe(403);
    expect(await ctx.db.prisma.newsItem.count()).toBe(0);
  });

  it("checks the CSRF token of a multipart form in its query, and only there for multipart", async () => {
    const page = (await reviewer.get("/admin/notizie/nuova")).text;
    const action = multipartAction(page);
    expect(action).toMatch(/^\/admin\/notizie\/nuova\?_csrf=/);
    // No token: refused before the body is read.
    const bare = await reviewer
      .post("/admin/notizie/nuova")
      .field("titleIt", "Senza gettone")
      .attach("image", PNG, "a.png");
    expect(bare.status).toBe(403);
    // The query's token does not stand for an urlencoded form's hidden field.
    const urlencoded = await reviewer.post(action).type("form").send(valid());
    expect(urlencoded.status).toBe(403);
    expect(await ctx.db.prisma.newsItem.count()).toBe(0);
  });
});

describe("the staff's form", () => {
  it("answers 422 with each error beside its field and everything typed kept", async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const res = await postMultipart(
      reviewer,
      "/admin/notizie/nuova",
      valid({ titleIt: "", publishedOn: tomorrow, titleEn: "Only a title", summaryIt: "Sommario <b>tenuto</b>" }),
    );
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("titleIt", "validation.required"));
    expect(res.text).toMatch(fieldError("publishedOn", "news.errors.futureDate"));
    expect(res.text).toMatch(fieldError("summaryEn", "news.errors.englishIncomplete"));
    expect(res.text).toMatch(fieldError("bodyEn", "news.errors.englishIncomplete"));
    expect(res.text).toContain(inHtml("Sommario <b>tenuto</b>"));
    expect(res.text).toContain('value="Only a title"');
    expect(res.text).toContain('href="#campo-titleIt"');
    expect(await ctx.db.prisma.newsItem.count()).toBe(0);
  });

  it("wants the alternative text of an image, and says the file must be chosen again", async () => {
    const res = await postMultipart(reviewer, "/admin/notizie/nuova", valid(), png);
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("imageAltIt", "news.errors.altRequired"));
    expect(res.text).toContain(inHtml(t("news.admin.imageLost")));
    const english = await postMultipart(
      reviewer,
      "/admin/notizie/nuova",
      valid({ imageAltIt: "Bambini al nido", titleEn: "T", summaryEn: "S", bodyEn: "B" }),
      png,
    );
    expect(english.status).toBe(422);
    expect(english.text).toMatch(fieldError("imageAltEn", "news.errors.altRequiredEn"));
  });

  it("refuses a file that is not a PNG, JPEG or WebP by its content, whatever its name and declared type", async () => {
    const script = { ...png, data: Buffer.from("<svg onload=alert(1)></svg>"), filename: "foto.png" };
    const gif = {
      ...png,
      data: Buffer.from("GIF89a\x01\x00\x01\x00"),
      filename: "foto.jpg",
      contentType: "image/jpeg",
    };
    for (const file of [script, gif]) {
      const res = await postMultipart(reviewer, "/admin/notizie/nuova", valid({ imageAltIt: "Una foto" }), file);
      expect(res.status).toBe(422);
      expect(res.text).toMatch(fieldError("image", "news.errors.imageType"));
      expect(res.text).toContain('value="Il nido aziendale aperto al quartiere"');
    }
    expect(await ctx.db.prisma.newsImage.count()).toBe(0);
  });

  it("refuses an image over 2 MB, keeping the fields typed before it", async () => {
    const big = { ...png, data: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) };
    const res = await postMultipart(reviewer, "/admin/notizie/nuova", valid({ imageAltIt: "Una foto" }), big);
    expect(res.status).toBe(422);
    expect(res.text).toMatch(fieldError("image", "news.errors.imageTooBig", { max: 2 }));
    expect(res.text).toContain('value="Il nido aziendale aperto al quartiere"');
    expect(res.text).toContain('value="Una foto"');
    expect(await ctx.db.prisma.newsItem.count()).toBe(0);
  });
  it("answers 400 to a form that is not the staff's (a file under another name, a second file)", async () => {
    const other = await postMultipart(reviewer, "/admin/notizie/nuova", valid({ imageAltIt: "Foto" }), {
      ...png,
      name: "photo",
    });
    expect(other.status).toBe(400);
    const action = multipartAction((await reviewer.get("/admin/notizie/nuova")).text);
    const two = await reviewer
      .post(action)
      .field("titleIt", "Due")
      .attach("image", PNG, "a.png")
      .attach("image", PNG, "b.png");
    expect(two.status).toBe(400);
    expect(await ctx.db.prisma.newsItem.count()).toBe(0);
  });
});

describe("drafts and publication", () => {
  it("keeps a draft and its image away from the public, and shows them to staff", async () => {
    const item = await create(valid({ titleIt: "Bozza riservata", imageAltIt: "Una foto del nido" }), png);
    expect(item.status).toBe("DRAFT");
    expect((await audits("news.create")).map((a) => a.entityId)).toContain(String(item.id));
    const sha = createHash("sha256").update(PNG).digest("hex");
    expect((await anonymous().get(`/notizie/${item.slug}`)).status).toBe(404);
    expect((await anonymous().get("/notizie")).text).not.toContain("Bozza riservata");
    expect((await anonymous().get("/notizie/feed.xml")).text).not.toContain("Bozza riservata");
    expect((await anonymous().get(`/notizie/immagini/${sha}.png`)).status).toBe(404);
    const staffView = await reviewer.get(`/notizie/immagini/${sha}.png`);
    expect(staffView.status).toBe(200);
    expect(staffView.headers["cache-control"]).toBe("private, no-store");
  });

  it("publishes: listed with the total, its page with Open Graph tags, its image cached a year by its hash", async () => {
    const item = await create(valid({ titleIt: "Nido pubblicato", imageAltIt: "Bambini che giocano" }), png);
    expect((await publish(item.id)).status).toBe(303);
    const published = await audits("news.publish");
    expect(published.at(-1)).toMatchObject({ entityType: "NewsItem", entityId: String(item.id) });
    expect(published.at(-1)?.after).toEqual({ status: "PUBLISHED" });

    const list = await anonymous().get("/notizie");
    expect(list.text).toContain("Nido pubblicato");
    expect(list.text).toContain(t("news.count", "it", { count: 1 }));
    const page = await anonymous().get(`/notizie/${item.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("<script>alert(1)</script>"); // Markdown with raw HTML escaped
    const sha = createHash("sha256").update(PNG).digest("hex");
    const meta = (property: string) =>
      new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(page.text)?.[1];
    expect(meta("og:type")).toBe("article");
    expect(meta("og:title")).toBe("Nido pubblicato");
    expect(meta("og:url")).toBe(`https://welfare.example.org/notizie/${item.slug}`);
    expect(meta("og:image")).toBe(`https://welfare.example.org/notizie/immagini/${sha}.png`);
    expect(meta("og:image:alt")).toBe("Bambini che giocano");
    expect(meta("og:locale")).toBe("it_IT");
    expect(page.text).toContain('<meta name="twitter:card" content="summary">');

    const image = await anonymous().get(`/notizie/immagini/${sha}.png`);
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    const again = await anonymous().get(`/notizie/immagini/${sha}.png`).set("If-None-Match", image.headers.etag!);
    expect(again.status).toBe(304);
    expect((await anonymous().get(`/notizie/immagini/${sha}.jpg`)).status).toBe(404);
  });

  it("withdraws a published item: it leaves the public pages again", async () => {
    const item = await create(valid({ titleIt: "Da ritirare" }));
    await publish(item.id);
    expect((await anonymous().get(`/notizie/${item.slug}`)).status).toBe(200);
    const res = await reviewer
      .post(`/admin/notizie/${item.id}/ritira`)
      .type("form")
      .send({ _csrf: await tokenFor(reviewer, `/admin/notizie/${item.id}`) });
    expect(res.headers.location).toBe(`/admin/notizie/${item.id}?esito=ritirata`);
    expect((await anonymous().get(`/notizie/${item.slug}`)).status).toBe(404);
    expect((await audits("news.unpublish")).at(-1)?.entityId).toBe(String(item.id));
  });

  it("edits: the slug stays, a replaced image no item shows is deleted, the change is audited", async () => {
    const item = await create(valid({ titleIt: "Prima versione", imageAltIt: "Foto" }), png);
    const jpeg = { ...png, data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), filename: "nuova.jpg" };
    const res = await postMultipart(
      reviewer,
      `/admin/notizie/${item.id}`,
      valid({ titleIt: "Seconda versione", imageAltIt: "Foto" }),
      jpeg,
    );
    expect(res.headers.location).toBe(`/admin/notizie/${item.id}?esito=salvata`);
    const after = await ctx.db.prisma.newsItem.findUniqueOrThrow({ where: { id: item.id }, include: { image: true } });
    expect(after.slug).toBe(item.slug);
    expect(after.image?.contentType).toBe("image/jpeg");
    // The PNG is still shown by the items of the earlier tests: kept; the JPEG replaced nothing else.
    expect(await ctx.db.prisma.newsImage.count({ where: { id: item.imageId! } })).toBe(1);
    const update = (await audits("news.update")).at(-1)!;
    expect(update.before).toMatchObject({ titleIt: "Prima versione" });
    expect(update.after).toMatchObject({ titleIt: "Seconda versione", image: after.image?.sha256 });
    // Removing the JPEG: no item shows it any more, so its row goes.
    const removed = await postMultipart(reviewer, `/admin/notizie/${item.id}`, {
      ...valid({ titleIt: "Terza" }),
      removeImage: "1",
    });
    expect(removed.status).toBe(303);
    expect(await ctx.db.prisma.newsImage.count({ where: { id: after.imageId! } })).toBe(0);
  });
});

describe("the public list and the feed", () => {
  beforeAll(async () => {
    const actor = reviewerActor;
    const data = (day: Date, texts: Partial<NewsData>): NewsData => ({
      kind: "NEWS",
      publishedOn: day,
      summaryIt: "Sommario.",
      bodyIt: "Testo.",
      titleIt: "",
      titleEn: "",
      summaryEn: "",
      bodyEn: "",
      imageAltIt: "",
      imageAltEn: "",
      ...texts,
    });
    const items = [
      ...Array.from({ length: 11 }, (_, i) =>
        data(new Date(Date.UTC(2025, 0, i + 1)), { titleIt: `Notizia numero ${i + 1}` }),
      ),
      data(new Date(Date.UTC(2025, 1, 1)), {
        titleIt: "Versione italiana",
        titleEn: "English version",
        summaryEn: "English summary",
        bodyEn: "Body",
      }),
    ];
    for (const item of items) await ctx.services.news.publish(await ctx.services.news.create(actor, item, null), actor);
  });

  it("pages the list with its total, filters by kind and refuses malformed parameters", async () => {
    const first = await anonymous().get("/notizie");
    const total = await ctx.db.prisma.newsItem.count({ where: { status: "PUBLISHED" } });
    expect(first.text).toContain(`data-total="${total}"`);
    expect(first.text).toContain(t("search.pageOf", "it", { page: 1, pages: 2 }));
    expect((await anonymous().get("/notizie?pagina=2")).text).toContain("Notizia numero 1<");
    expect((await anonymous().get("/notizie?pagina=3")).status).toBe(404);
    const practices = await anonymous().get("/notizie?tipo=buona-pratica");
    expect(practices.text).not.toContain("Notizia numero");
    expect(practices.text).toContain("Nido pubblicato");
    for (const bad of ["/notizie?pagina=abc", "/notizie?tipo=gossip"]) {
      const res = await anonymous().get(bad);
      expect(res.status, bad).toBe(400);
      expect(res.text).toContain('id="riepilogo-errori"');
    }
  });

  it("shows the English version on English pages and marks Italian-only items", async () => {
    const list = await anonymous().get("/notizie?lang=en");
    expect(list.text).toContain("English version");
    expect(list.text).toMatch(
      /<article aria-labelledby="notizia-\d+" lang="it">\s*<h2[^>]*><a[^>]*>Notizia numero 11</,
    );
  });

  it("publishes a valid Atom 1.0 feed in the page's language, linked from every page's head", async () => {
    const head = (await anonymous().get("/progetto?lang=en")).text;
    expect(head).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(head).toContain('href="/notizie/feed.xml?lang=en"');
    for (const lang of ["it", "en"] as const) {
      const res = await anonymous().get(`/notizie/feed.xml${lang === "en" ? "?lang=en" : ""}`);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
      expect(XMLValidator.validate(res.text)).toBe(true);
      const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(res.text);
      expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect(feed["@xml:lang"]).toBe(lang);
      expect(feed.id).toMatch(/^https:\/\/welfare\.example\.org\/notizie\/feed\.xml/);
      expect(feed.title["#text"]).toContain(t("news.title", lang));
      expect(new Date(feed.updated).toISOString()).toBe(feed.updated);
      const links = [feed.link].flat();
      expect(links.find((l: Record<string, string>) => l["@rel"] === "self")?.["@href"]).toBe(
        `https://welfare.example.org/notizie/feed.xml${lang === "en" ? "?lang=en" : ""}`,
      );
      const entries = [feed.entry].flat();
      const published = await ctx.db.prisma.newsItem.count({ where: { status: "PUBLISHED" } });
      expect(entries.length).toBe(Math.min(published, FEED_ENTRIES));
      for (const e of entries) {
        expect(e.id).toMatch(/^https:\/\/welfare\.example\.org\/notizie\//);
        expect(e.title["#text"]).toBeTruthy();
        expect(e.summary["#text"]).toBeTruthy();
        expect(new Date(e.updated).toISOString()).toBe(e.updated);
        expect(e.link["@href"]).toMatch(/^https:\/\/welfare\.example\.org\/notizie\//);
      }
      if (lang === "en") {
        expect(entries.some((e) => e.title["#text"] === "English version" && !e["@xml:lang"])).toBe(true);
        expect(entries.find((e) => e.title["#text"] === "Notizia numero 11")?.["@xml:lang"]).toBe("it");
      }
    }
  });
});
