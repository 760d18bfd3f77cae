import type { Request, RequestHandler, Response } from "express";
import type { Services } from "../../services/index.js";
import { parseSearch } from "./parseSearch.js";
import { searchFormOptions } from "./searchFormOptions.js";
import { searchSuggestions } from "./searchSuggestions.js";
import type { RegistrySearch } from "../../domain/registrySearch.js";
import { alertsLinkFor } from "../../domain/alerts.js";

/**
 * /registro and /mappa: the same GET form, search, suggestions and page cache;
 * only the view differs (and the address the suggestions link to). Every filter
 * lives in the URL, so links can be shared. `query`, the search's parameters,
 * is for the map's links (its list link and GeoJSON feed); the list ignores it.
 */
export function searchPage(services: Services, page: { view: string; path: "/registro" | "/mappa" }): RequestHandler {
  const { view, path } = page;
  return async (req, res) => {
    const parsed = await parseSearch(req, services.referenceData, services.geocoder);
    const options = await searchFormOptions(services);
    if (!parsed.ok) {
      const query = new URLSearchParams(req.query as Record<string, string>).toString();
      return res
        .status(400)
        .render(view, { ...options, form: parsed.form, errors: parsed.errors, outcome: undefined, query });
    }
    // Several places match what was typed: the visitor chooses one before any result.
    const search = parsed.places ? undefined : parsed.search;
    await sendSearchPage(services, req, res, { query: parsed.query, search }, (outcome) => ({
      view,
      locals: {
        ...options,
        form: parsed.form,
        errors: {},
        outcome,
        search: parsed.search,
        query: parsed.query,
        places: parsed.places,
        suggestions: outcome?.total === 0 ? searchSuggestions(path, req.originalUrl, parsed.search) : [],
        // The alerts near me, for the same place, distance and categories.
        alertsLink: alertsLinkFor(parsed.search),
      },
    }));
  };
}

/**
 * Sends a page of search results. A visitor who is not signed in gets exactly
 * the same page as any other for the same address and language (no session,
 * no CSRF token, no nonce in it), so that page is kept whole in the search
 * cache, under the register's version like every cached search: repeated
 * searches cost a version check and the bytes, not the rendering. The page
 * is filed, and its links written, under the canonical parameters of the
 * search (`query`, parseSearch.ts): a junk parameter, another order or a
 * repeated value finds the same page instead of making a new one.
 */
async function sendSearchPage(
  services: Services,
  req: Request,
  res: Response,
  { query, search }: { query: string; search: RegistrySearch | undefined },
  build: (outcome: SearchOutcome | undefined) => { view: string; locals: Record<string, unknown> },
) {
  const render = (outcome: SearchOutcome | undefined) => {
    const { view, locals } = build(outcome);
    return new Promise<string>((resolve, reject) =>
      res.render(view, locals, (error, html) => (error ? reject(error) : resolve(html))),
    );
  };
  if (req.user) return res.type("html").send(await render(search && (await services.registry.search(search))));
  const path = req.baseUrl + req.path;
  const url = query ? `${path}?${query}` : path;
  res.locals.currentUrl = url;
  const page = await services.registry.cachedPage(`${String(res.locals.lang)} ${url}`, search, render);
  res.setHeader("ETag", page.etag);
  res.type("html").send(page.body);
}

type SearchOutcome = Awaited<ReturnType<Services["registry"]["search"]>>;
