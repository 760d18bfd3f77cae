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

/** Socket errors of node and node-postgres: the database server cannot be reached. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  // PostgreSQL SQLSTATEs: admin/crash shutdown, cannot connect now, too many connections.
  "57P01",
  "57P02",
  "57P03",
  "53300",
  // Prisma: can't reach the server, timed out, server closed the connection, pool timeout.
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);

/** Kinds of @prisma/driver-adapter-utils' DriverAdapterError for a lost or absent server. */
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const UNREACHABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Server has closed the connection|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery)|Cannot use a pool after calling end|Connection is closed/i;

/**
 * Whether an error means "the database is not there right now" rather than a
 * bug: node-postgres errors, PostgreSQL shutdown codes, Prisma's P1001/P1017 and
 * driver-adapter errors, looked for along the error's causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e) || seen.size > 10) continue;
    seen.add(e);
    const candidate = e as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown; code?: unknown };
      errors?: unknown;
    };
    for (const code of [candidate.code, candidate.originalCode, candidate.meta?.code]) {
      if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || /^08/.test(code))) return true;
    }
    if (typeof candidate.kind === "string" && UNREACHABLE_KINDS.has(candidate.kind)) return true;
    if (candidate.name === "PrismaClientInitializationError") return true;
    if (typeof candidate.message === "string" && UNREACHABLE_MESSAGES.test(candidate.message)) return true;
    queue.push(candidate.cause, candidate.meta?.driverAdapterError);
    if (Array.isArray(candidate.errors)) queue.push(...(candidate.errors as unknown[]));
  }
  return false;
}

/** Logs once, answers with a friendly page; the stack only in development. */
export function errorHandler(logger: Logger, showStack: boolean): ErrorRequestHandler {
  return (err: HttpError, req, res, next) => {
    if (res.headersSent) return next(err);
    if (isDatabaseUnavailable(err)) {
      // Not a bug: the database is away (restart, failover). The pool reconnects by itself.
      logger.warn({ err: { message: err.message, code: err.code }, reqId: req.id }, "database unavailable");
      res.status(503).set("Retry-After", "30").set("Cache-Control", "no-store");
      if (!res.locals.t) return res.type("text/plain").send("Service unavailable");
      return res.render("errors/503", { status: 503 });
    }
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, reqId: req.id }, "request failed");
    const view = status === 403 ? "errors/403" : status < 500 ? "errors/400" : "errors/500";
    res.status(status < 400 || status > 599 ? 500 : status);
    if (!res.locals.t) return res.type("text/plain").send(`Error ${res.statusCode}`);
    res.render(view, { status: res.statusCode, stack: showStack ? err.stack : undefined });
  };
}
