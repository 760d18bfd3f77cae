import type { RequestHandler, Response } from "express";
import type { Services } from "../../services/index.js";
import type { TerritoryComune } from "../../services/localAuthority/localRegisterService.js";

/** Reads the signed-in local authority's comuni once per request, for the pages and the scope checks. */
export function loadTerritory(services: Services): RequestHandler {
  return async (req, res, next) => {
    res.locals.territory = await services.localAuthority.territory(req.user!.id);
    next();
  };
}

export const territoryOf = (res: Response) => res.locals.territory as TerritoryComune[];

/**
 * The comuni a request covers: the whole territory, or the one comune asked
 * for (`?comune=`); undefined when that comune is not the authority's own,
 * which the routes answer with 404, as for any record one cannot see.
 */
export function scopeOf(res: Response, comune: string | undefined): TerritoryComune[] | undefined {
  const territory = territoryOf(res);
  if (comune === undefined) return territory;
  const one = territory.filter((c) => c.istatCode === comune);
  return one.length ? one : undefined;
}

export const codesOf = (comuni: TerritoryComune[]) => comuni.map((c) => c.istatCode);
