import type { Request, Response } from "express";

/**
 * Renders a public page once per version of its data and per language, for
 * visitors who are not signed in: they all get the same bytes (no session, no
 * CSRF token, no nonce in the page), so rendering a heavy page (the statistics'
 * charts and tables, ten times the layout page) per request would be waste.
 *
 * `data` is the object a versioned memo returned (services/versionedMemo.ts):
 * the same object while the register is unchanged, a new one after a change,
 * so the rendered pages are filed under it in a WeakMap and go with it. Only
 * the address without a query string is kept (at most one page per language
 * and version); `?lang=en` or any other parameter is rendered as usual.
 */
export function createRenderOnce() {
  const pages = new WeakMap<object, Map<string, Promise<string>>>();

  return async function renderOnce(
    req: Request,
    res: Response,
    data: object,
    view: string,
    locals: Record<string, unknown>,
  ) {
    if (req.user || req.originalUrl !== req.path) return res.render(view, locals);
    const lang = String(res.locals.lang);
    let byLanguage = pages.get(data);
    if (!byLanguage) pages.set(data, (byLanguage = new Map()));
    let html = byLanguage.get(lang);
    if (!html) {
      html = new Promise<string>((resolve, reject) =>
        res.render(view, locals, (error, page) => (error ? reject(error) : resolve(page))),
      );
      byLanguage.set(lang, html);
      const kept = byLanguage;
      html.catch(() => kept.delete(lang));
    }
    res.type("html").send(await html);
  };
}
