import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { Logger } from "../../logger.js";
import type { FieldErrors } from "../../validation/form.js";
import { isDatabaseUnavailable } from "../../middleware/errorHandlers.js";

/** RFC 9457 problem details; `about:blank` types take the (localized) HTTP status phrase as title. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  "invalid-params"?: { name: string; reason: string }[];
}

const TITLES: Record<number, string> = {
  400: "api.problems.badRequest",
  404: "api.problems.notFound",
  405: "api.problems.methodNotAllowed",
  429: "api.problems.tooManyRequests",
  500: "api.problems.serverError",
  503: "api.problems.unavailable",
};

export function sendProblem(res: Response, status: number, extra: Partial<Problem> = {}) {
  const t = res.locals.t as ((key: string) => string) | undefined;
  const titleKey = TITLES[status] ?? TITLES[500]!;
  const problem: Problem = { type: "about:blank", title: t ? t(titleKey) : `HTTP ${status}`, status, ...extra };
  res.status(status).type("application/problem+json").send(JSON.stringify(problem));
}

/** 400 for search parameters that do not parse: each one named, with the reason in the visitor's language. */
export function invalidParams(res: Response, errors: FieldErrors) {
  const t = res.locals.t as (key: string, params?: Record<string, unknown>) => string;
  sendProblem(res, 400, {
    detail: t("api.problems.invalidParamsDetail"),
    "invalid-params": Object.entries(errors).map(([name, e]) => ({ name, reason: t(e.key, e.params) })),
  });
}

export const apiNotFound: RequestHandler = (_req, res) => {
  sendProblem(res, 404, { detail: (res.locals.t as (k: string) => string)("api.problems.notFoundDetail") });
};

export const apiTooManyRequests: RequestHandler = (_req, res) => {
  sendProblem(res, 429, { detail: (res.locals.t as (k: string) => string)("api.problems.tooManyRequestsDetail") });
};

/** Read-only API: any method but GET, HEAD and OPTIONS gets 405 (so no CSRF token is ever needed). */
export const onlyGet: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  res.setHeader("Allow", "GET, HEAD, OPTIONS");
  sendProblem(res, 405, { detail: (res.locals.t as (k: string) => string)("api.problems.methodNotAllowedDetail") });
};

export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: { status?: number; statusCode?: number }, req, res, next) => {
    if (res.headersSent) return next(err);
    if (isDatabaseUnavailable(err)) {
      // The database is away: it comes back by itself, so say when to try again (like the pages do).
      logger.warn({ err, reqId: req.id }, "API: database unavailable");
      res.set("Retry-After", "30");
      return sendProblem(res, 503, {
        detail: (res.locals.t as (k: string) => string)("api.problems.unavailableDetail"),
      });
    }
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, reqId: req.id }, "API request failed");
    sendProblem(res, status === 400 || status === 404 ? status : 500);
  };
}
