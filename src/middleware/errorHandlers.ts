import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logger.js";

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).render("errors/404");
};

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  code?: string;
  type?: string;
}

/** Logs once, answers with a friendly page; the stack only in development. */
export function errorHandler(logger: Logger, showStack: boolean): ErrorRequestHandler {
  return (err: HttpError, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, reqId: req.id }, "request failed");
    const view = status === 403 ? "errors/403" : status < 500 ? "errors/400" : "errors/500";
    res.status(status < 400 || status > 599 ? 500 : status);
    if (!res.locals.t) return res.type("text/plain").send(`Error ${res.statusCode}`);
    res.render(view, { status: res.statusCode, stack: showStack ? err.stack : undefined });
  };
}
