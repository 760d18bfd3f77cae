import type { RequestHandler, Response } from "express";

/** Why a request cannot be read as text: the i18n key of api.problems.* that says so. */
export type MalformedReason = "nulByte" | "badEncoding";

const hasNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : Array.isArray(value)
      ? value.some(hasNul)
      : typeof value === "object" && value !== null && Object.values(value).some(hasNul);

/** Percent-encoding that is not UTF-8 (%FF, %C3%28) or a lone "%": decodeURIComponent throws a URIError. */
function isWellEncoded(url: string) {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a request's text is unreadable. The address is checked as a whole,
 * so the rule is the same for a path segment (a slug) and a query value:
 * Express refuses bad UTF-8 in a route parameter but its query parser would
 * quietly turn it into U+FFFD. PostgreSQL cannot store a NUL character in text
 * (error 22021), so one anywhere (address, query, form field) is refused too.
 */
export function malformedInput(req: {
  originalUrl: string;
  query: unknown;
  body?: unknown;
}): MalformedReason | undefined {
  if (!isWellEncoded(req.originalUrl)) return "badEncoding";
  if (/%00/i.test(req.originalUrl) || hasNul(req.query) || hasNul(req.body)) return "nulByte";
  return undefined;
}

/** Answers 400 with `refuse` for an unreadable request, before any handler can pass it on. */
export function rejectMalformedInput(refuse: (res: Response, reason: MalformedReason) => void): RequestHandler {
  return (req, res, next) => {
    const reason = malformedInput(req);
    if (reason) return refuse(res, reason);
    next();
  };
}

/** The pages' answer: the 400 page (the API answers problem+json, routes/api/index.ts). */
export const rejectMalformedPageRequests = rejectMalformedInput((res) => {
  res.status(400).render("errors/400", { status: 400 });
});
