import type { Request } from "express";
import type { z } from "zod";
import { toFieldError, type FieldErrors, type FormResult } from "./form.js";

// Areas whose catalogues hold their own error texts under "<area>.errors.*".
const AREA_MESSAGE = /^(events|funding|advice)\.errors\./;

/**
 * parseForm for forms whose schemas use their area's own error messages
 * (e.g. "funding.errors.amount"); every other issue reads as in parseForm.
 */
export function parseAreaForm<S extends z.ZodType>(schema: S, req: Request): FormResult<z.infer<S>> {
  const { _csrf: _token, ...values } = (req.body ?? {}) as Record<string, unknown>;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    errors[field] ??= AREA_MESSAGE.test(issue.message) ? { key: issue.message } : toFieldError(issue);
  }
  return { ok: false, errors, values };
}
