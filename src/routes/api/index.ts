import { Router, type RequestHandler } from "express";
import type { Logger } from "../../logger.js";
import type { Services } from "../../services/index.js";
import { collectionRoutes } from "./collections.js";
import { openApiDocument } from "./openApiDocument.js";
import { organizationRoutes } from "./organizations.js";
import { apiErrorHandler, apiNotFound, onlyGet, sendProblem } from "./problem.js";
import { rejectMalformedInput } from "../../middleware/malformedInput.js";
import { parseQuery } from "./query.js";
import { plainQuery } from "./api.schema.js";

/**
 * Anyone's web page may read the open API; a preflight (conditional headers) is answered here.
 * First in the router, so every answer under /api carries it, errors included (400 to 503):
 * a browser shows a script no answer at all, not even the status, without it.
 */
const cors: RequestHandler = (req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", "ETag, RateLimit, RateLimit-Policy, Retry-After");
  if (req.method !== "OPTIONS") return next();
  res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, If-None-Match, If-Modified-Since");
  res.setHeader("Access-Control-Max-Age", "86400");
  res.setHeader("Allow", "GET, HEAD, OPTIONS");
  res.status(204).end();
};

/**
 * /api/v1: read-only JSON. Mounted before sessions and CSRF: it never reads a
 * session and accepts no writes (other methods get 405), so it needs no token.
 * Every error under /api is application/problem+json.
 */
export function apiRoutes(services: Services, limit: RequestHandler, logger: Logger) {
  const v1 = Router();
  v1.use(limit);
  v1.get("/openapi.json", (req, res) => {
    if (!parseQuery(plainQuery, req, res)) return;
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.json(openApiDocument(services.openData.baseUrl));
  });
  v1.use(organizationRoutes(services));
  v1.use(collectionRoutes(services));

  const api = Router();
  api.use(cors);
  api.use(
    rejectMalformedInput((res, reason) =>
      sendProblem(res, 400, { detail: (res.locals.t as (key: string) => string)(`api.problems.${reason}`) }),
    ),
  );
  api.use(onlyGet);
  api.use("/v1", v1);
  api.use(apiNotFound);
  api.use(apiErrorHandler(logger));

  const router = Router();
  router.use("/api", api);
  return router;
}
