import { Router } from "express";
import { z } from "zod";
import type { Services } from "../../services/index.js";
import { imagePath } from "../../services/outreach/newsService.js";
import { imageExtension, type ImageType } from "../../domain/imageType.js";
import { renderMarkdown } from "../../domain/markdown.js";
import { newsInLanguage } from "../../domain/newsText.js";
import { parseQuery } from "../../validation/form.js";
import { filter, pageFilter } from "../admin/listFilters.js";

/** `?tipo=` of /notizie: Italian words in the URL, the kinds of the code behind them. */
const KINDS = { notizia: "NEWS", "buona-pratica": "GOOD_PRACTICE" } as const;
const listSchema = z.object({
  tipo: filter(z.enum(Object.keys(KINDS) as (keyof typeof KINDS)[], "validation.choice")),
  pagina: pageFilter,
});
const IMAGE_FILE = /^([0-9a-f]{64})\.(png|jpg|webp)$/;

/** /notizie: published news and good practices, their pages, images and Atom feed. */
export function newsRoutes(services: Services) {
  const router = Router();
  const news = services.news;

  router.get("/notizie", async (req, res, next) => {
    const query = parseQuery(listSchema, req);
    if (!query.ok)
      return res.status(400).render("public/news/index", { errors: query.errors, kind: undefined, list: null });
    const { tipo, pagina } = query.data;
    const list = await news.publicPage(tipo && KINDS[tipo], pagina);
    if (pagina > list.pages) return next();
    res.render("public/news/index", { errors: {}, kind: tipo, list, inLanguage: newsInLanguage });
  });

  router.get("/notizie/feed.xml", async (_req, res) => {
    res.type("application/atom+xml; charset=utf-8").send(await news.feed(res.locals.lang));
  });

  // The address names the content's hash: a new image is a new address, so each can be kept a year.
  router.get("/notizie/immagini/:file", async (req, res, next) => {
    const [, sha256, extension] = IMAGE_FILE.exec(String(req.params.file)) ?? [];
    const image = sha256 ? await news.image(sha256) : null;
    const staff = req.user?.role === "REVIEWER" || req.user?.role === "ADMIN";
    if (!image || (!image.published && !staff) || imageExtension[image.contentType as ImageType] !== extension)
      return next();
    // A draft's image, seen by staff only, is never kept by a shared cache.
    res.set("Cache-Control", image.published ? "public, max-age=31536000, immutable" : "private, no-store");
    res.set("ETag", `"${sha256}"`);
    res.type(image.contentType).send(Buffer.from(image.data));
  });

  router.get("/notizie/:slug", async (req, res, next) => {
    const item = await news.bySlug(String(req.params.slug));
    if (!item) return next();
    const text = newsInLanguage(item, res.locals.lang);
    const image = item.image && { url: imagePath(item.image), alt: text.imageAlt };
    res.render("public/news/show", { item, text, body: renderMarkdown(text.body), image });
  });

  return router;
}
