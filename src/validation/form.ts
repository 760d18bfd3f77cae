import type { Request, Response } from "express";
import { z } from "zod";

/** An error to show beside a field: an i18n key and its parameters. */
export interface FieldError {
  key: string;
  params?: Record<string, unknown>;
}
export type FieldErrors = Record<string, FieldError>;

// Schemas may name their own texts: "validation.*", or an area's "<area>.errors.*".
const MESSAGE_KEY =
  /^(validation\.|(events|funding|advice|verification|news|alerts|localAuthority|monitoring)\.errors\.)/;

/** zod issues in the words of the catalogues (src/locales/<lang>/validation.json or an area's errors). */
export function toFieldError(issue: z.core.$ZodIssue): FieldError {
  if (MESSAGE_KEY.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1
        ? { key: "validation.required" }
        : {
            key: `validation.tooSmall.${issue.origin === "string" ? "string" : "number"}`,
            params: { min: issue.minimum },
          };
    case "too_big":
      return {
        key: `validation.tooBig.${issue.origin === "string" ? "string" : "number"}`,
        params: { max: issue.maximum },
      };
    case "invalid_format":
      return {
        key:
          issue.format === "email"
            ? "validation.email"
            : issue.format === "url"
              ? "validation.url"
              : "validation.format",
      };
    case "invalid_value":
      return { key: "validation.choice" };
    case "invalid_type":
      return { key: issue.input === undefined ? "validation.required" : "validation.type" };
    default:
      return { key: "validation.invalid" };
  }
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    errors[field] ??= toFieldError(issue);
  }
  return errors;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

function validate<S extends z.ZodType>(schema: S, values: Record<string, unknown>): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error), values };
}

/** Validates a submitted form; the CSRF token never travels back into the values. */
export function parseForm<S extends z.ZodType>(schema: S, req: Request): FormResult<z.infer<S>> {
  const { _csrf: _token, ...values } = (req.body ?? {}) as Record<string, unknown>;
  return validate(schema, values);
}

/** Validates the parameters of a GET form (a list's filters): the caller answers 400 when they fail. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): FormResult<z.infer<S>> {
  return validate(schema, { ...(req.query as Record<string, unknown>) });
}

/**
 * The one answer to a form that does not validate: 422, the same view, the
 * errors beside the fields and in a summary, and everything typed kept.
 */
export function renderInvalid(
  res: Response,
  view: string,
  result: { errors: FieldErrors; values: Record<string, unknown> },
  locals: Record<string, unknown> = {},
) {
  res.status(422).render(view, { ...locals, errors: result.errors, values: result.values });
}

/** Helpers for schemas of HTML forms, where every value arrives as a string. */
export const formFields = {
  text: (max = 200) => z.string().trim().max(max),
  requiredText: (max = 200) => z.string().trim().min(1).max(max),
  optionalText: (max = 200) =>
    z
      .string()
      .trim()
      .max(max)
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
  checkbox: () => z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean()),
  email: () => z.string().trim().toLowerCase().pipe(z.email().max(254)),
  integer: (min: number, max: number) =>
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, "validation.integer")
      .transform(Number)
      .pipe(z.number().int().min(min).max(max)),
};
