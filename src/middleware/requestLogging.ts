import { randomUUID } from "node:crypto";
import { pinoHttp } from "pino-http";
import type { Logger } from "../logger.js";

/**
 * The personal links sent by e-mail carry a secret token in their path
 * (sign-up, password reset, invitation, withdrawal of an advice request's
 * consent, cancellation of a registration for an event, confirmation and end
 * of an alert subscription): whoever reads it can act on it, so the log keeps
 * the route only.
 */
const TOKEN_PATH =
  /^(\/(?:verifica-email|reimposta-password|invito|consulenza\/revoca|eventi\/annulla|avvisi\/conferma|avvisi\/disiscrizione)\/)[^/?#]+/;

/** A multipart form's CSRF token travels in its action's query (middleware/csrf.ts). */
const CSRF_QUERY = /([?&]_csrf=)[^&#]*/g;

/** The URL as it is logged: a token in the path or a form's CSRF token becomes "[token]". */
export const redactTokens = (url: string) => url.replace(TOKEN_PATH, "$1[token]").replace(CSRF_QUERY, "$1[token]");

/** One log line per request, each with an id that is also sent back as X-Request-Id. */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // Method, URL and status are enough to follow a request; headers carry cookies.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactTokens(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    autoLogging: { ignore: (req) => req.url?.startsWith("/assets/") ?? false },
  });
}
