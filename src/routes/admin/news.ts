import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Services } from "../../services/index.js";
import { imagePath, type ImageChange } from "../../services/outreach/newsService.js";
import { romeDateAndTime } from "../../domain/romeTime.js";
import { parseForm, parseQuery, type FieldErrors } from "../../validation/form.js";
import { validId } from "./idParam.js";
import { pageFilter, renderInvalidFilters } from "./listFilters.js";
import { newsFormSchema } from "./news.schema.js";
import { newsFormParser, uploadedImage } from "./newsUpload.js";

const formView = "admin/news/form";
const done = ["creata", "salvata", "pubblicata", "ritirata"] as const;
const listSchema = z.object({ pagina: pageFilter });

type Item = Awaited<ReturnType<Services["news"]["find"]>>;

/** /admin/notizie: staff write news and good practices, publish and withdraw them (each step audited). */
export function adminNewsRoutes(services: Services) {
  const router = Router();
  router.param("id", validId);
  const news = services.news;
  const today = () => romeDateAndTime(new Date()).date;

  const render = (res: Response, status: number, item: Item, locals: Record<string, unknown>) =>
    res.status(status).render(formView, {
      item,
      imageUrl: item?.image ? imagePath(item.image) : null,
      errors: {},
      imageLost: false,
      done: undefined,
      ...locals,
    });

  /** The posted form and image, checked together so that every error shows at once. */
  function readForm(req: Request, res: Response, item: Item) {
    const upload = uploadedImage(req, res.locals.imageError);
    const schema = newsFormSchema({ today: today(), uploaded: Boolean(upload.image), hasImage: Boolean(item?.image) });
    const form = parseForm(schema, req);
    if (form.ok && !upload.error) {
      const { data, removeImage } = form.data;
      const change: ImageChange = upload.image ? { upload: upload.image } : removeImage ? { remove: true } : undefined;
      return { ok: true as const, data, change, upload: upload.image ?? null };
    }
    const { _csrf: _token, ...values } = (req.body ?? {}) as Record<string, unknown>;
    const errors: FieldErrors = { ...(form.ok ? {} : form.errors), ...(upload.error ? { image: upload.error } : {}) };
    // A browser never fills a file field again: say so when a valid image was sent with other errors.
    return { ok: false as const, errors, values, imageLost: Boolean(upload.image) };
  }

  router.get("/notizie", async (req, res) => {
    const query = parseQuery(listSchema, req);
    if (!query.ok) return renderInvalidFilters(res, "admin/news/index", query, {});
    res.render("admin/news/index", { paging: await news.staffPage(query.data.pagina), errors: {} });
  });

  router.get("/notizie/nuova", (_req, res) =>
    render(res, 200, null, { values: { kind: "NEWS", publishedOn: today() } }),
  );

  router.post("/notizie/nuova", newsFormParser, async (req, res) => {
    const form = readForm(req, res, null);
    if (!form.ok) return render(res, 422, null, form);
    const id = await news.create(req.user!, form.data, form.upload);
    res.redirect(303, `/admin/notizie/${id}?esito=creata`);
  });

  router.get("/notizie/:id", async (req, res) => {
    const item = await news.find(Number(req.params.id));
    if (!item) return res.status(404).render("errors/404");
    const values = { ...item, publishedOn: item.publishedOn.toISOString().slice(0, 10) };
    render(res, 200, item, { values, done: done.find((d) => d === req.query.esito) });
  });

  router.post("/notizie/:id", newsFormParser, async (req, res) => {
    const item = await news.find(Number(req.params.id));
    if (!item) return res.status(404).render("errors/404");
    const form = readForm(req, res, item);
    if (!form.ok) return render(res, 422, item, form);
    if (!(await news.update(item.id, req.user!, form.data, form.change))) return res.status(404).render("errors/404");
    res.redirect(303, `/admin/notizie/${item.id}?esito=salvata`);
  });

  for (const [path, step, outcome] of [
    ["pubblica", news.publish, "pubblicata"],
    ["ritira", news.unpublish, "ritirata"],
  ] as const) {
    router.post(`/notizie/:id/${path}`, async (req, res) => {
      const id = Number(req.params.id);
      if ((await step(id, req.user!)) === "notFound") return res.status(404).render("errors/404");
      res.redirect(303, `/admin/notizie/${id}?esito=${outcome}`);
    });
  }

  return router;
}
