import type { Request, Response } from "express";
import type { z } from "zod";
import type { FieldErrors } from "../../validation/form.js";
import { invalidParams } from "./problem.js";

export type CheckedQuery<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * A query against one of the strict schemas of api.schema.ts: the parsed values,
 * or every refused parameter with why. The query parser is "simple", so the
 * bracket forms of other frameworks (categoria[]=x, q[a]=1) arrive as names of
 * their own and are refused as unknown, with a hint to repeat the name instead.
 */
export function checkQuery<S extends z.ZodType>(schema: S, query: unknown): CheckedQuery<z.infer<S>> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return { ok: true, data: parsed.data };
  // Without a prototype: "__proto__" or "constructor" may be a parameter's name too.
  const errors = Object.create(null) as FieldErrors;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const name of issue.keys) {
        errors[name] ??= { key: name.includes("[") ? "api.errors.brackets" : "api.errors.unknown" };
      }
    } else {
      errors[String(issue.path[0] ?? "query")] ??= {
        key: issue.message.startsWith("api.") ? issue.message : "api.errors.invalid",
      };
    }
  }
  return { ok: false, errors };
}

/** Parses the query or answers 400 with every bad parameter named; undefined when answered. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request, res: Response): z.infer<S> | undefined {
  const checked = checkQuery(schema, req.query);
  if (checked.ok) return checked.data;
  invalidParams(res, checked.errors);
  return undefined;
}
