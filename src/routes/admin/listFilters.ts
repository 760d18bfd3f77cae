import type { Response } from "express";
import { z } from "zod";
import { staffPage } from "../../domain/staffPaging.js";
import type { FieldErrors } from "../../validation/form.js";

// The filters of the staff lists: GET parameters, kept in the URL and in the
// pager links. Plain GET forms send every field, empty ones as "": no filter.
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/**
 * An optional filter. A malformed value, a repeated parameter included, fails:
 * the list answers 400 with the message beside the field, never a wider list
 * than asked for nor a 500.
 */
export const filter = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** The page of the list (staffPaging.ts), 1 when absent. */
export const pageFilter = filter(
  z
    .string()
    .regex(/^\d{1,6}$/, "validation.page")
    .transform(Number)
    .pipe(z.number().int().min(1, "validation.page").max(100_000, "validation.page")),
).transform((page) => page ?? 1);

/** A search box: up to 200 characters; only spaces is no search. */
export const textFilter = filter(z.string().trim().max(200)).transform((text) => text || undefined);

/** A comune's ISTAT code. */
export const comuneFilter = filter(z.string().regex(/^\d{6}$/, "validation.choice"));

/** A staff member's id (a choice of the form). */
export const staffIdFilter = z
  .string()
  .regex(/^\d{1,9}$/, "validation.choice")
  .transform(Number);

/**
 * A list whose filters do not validate: 400, nothing listed, the filters as
 * typed with the errors beside them and in the summary.
 */
export function renderInvalidFilters(
  res: Response,
  view: string,
  invalid: { errors: FieldErrors; values: Record<string, unknown> },
  locals: Record<string, unknown>,
) {
  res
    .status(400)
    .render(view, { ...locals, paging: staffPage([], 0, 1), filters: invalid.values, errors: invalid.errors });
}
