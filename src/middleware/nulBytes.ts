import type { RequestHandler } from "express";
import { sendProblem } from "../routes/api/problem.js";

const hasNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : Array.isArray(value)
      ? value.some(hasNul)
      : typeof value === "object" && value !== null && Object.values(value).some(hasNul);

/**
 * PostgreSQL cannot store a NUL character in text (error 22021): a request that
 * carries one anywhere — the address, the query string, a form field — is
 * malformed, and is answered 400 here, before any handler can pass it on.
 */
export const rejectNulBytes: RequestHandler = (req, res, next) => {
  if (!/%00/i.test(req.originalUrl) && !hasNul(req.query) && !hasNul(req.body)) return next();
  if (req.path.startsWith("/api/")) {
    return sendProblem(res, 400, { detail: (res.locals.t as (key: string) => string)("api.problems.nulByte") });
  }
  res.status(400).render("errors/400", { status: 400 });
};
