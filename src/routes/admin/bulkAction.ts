import type { Request, RequestHandler, Response } from "express";
import { z } from "zod";
import type { BulkOutcome, Refusal } from "../../services/shared/allOrNothing.js";
import { parseForm, type FormResult } from "../../validation/form.js";

// Bulk actions of the staff lists: boxes ticked in a list, one POST, all or
// nothing (services/shared/allOrNothing.ts).

/** The entries ticked in a list for a bulk action: `ids`, one or many. */
const selectionSchema = z.strictObject({
  ids: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(
        z
          .string()
          .regex(/^\d{1,9}$/, "validation.choice")
          .transform(Number),
      )
      .min(1, "validation.selectSome")
      .max(200, "validation.choice"),
  ),
});

/**
 * The list a bulk form was posted from: its path with the filters and page
 * the form's action carried, so the answer shows the same list again.
 */
function listAddress(req: Request, path: string, done?: string): string {
  const url = new URL(req.originalUrl, "http://x");
  url.pathname = path;
  url.searchParams.delete("esito");
  if (done) url.searchParams.set("esito", done);
  return url.pathname + url.search;
}

/** What the list shows after a refused bulk action: the refused entries, or what was wrong with the form. */
export interface BulkFailure {
  refused: Refusal[];
  error?: string;
  selected: number[];
}

/** A bulk form's failure, from its validation or from the service (null: it succeeded). */
function bulkFailure(form: FormResult<{ ids: number[] }>, outcome: BulkOutcome | null): BulkFailure | null {
  if (!form.ok) return { refused: [], error: Object.values(form.errors)[0]?.key, selected: [] };
  if (!outcome || outcome.ok) return null;
  return { refused: outcome.refused, selected: form.data.ids };
}

/**
 * The POST of a list's bulk form: `act` on the selection, then back to the
 * list (303, with `done`) or the same list again with what was refused (422).
 * The form's action carries the list's filters and page.
 */
export function bulkAction(
  path: string,
  done: string,
  act: (ids: number[], actor: Express.User) => Promise<BulkOutcome>,
  renderList: (req: Request, res: Response, status: number, failure: BulkFailure) => Promise<void>,
): RequestHandler {
  return async (req, res) => {
    const form = parseForm(selectionSchema, req);
    const failure = bulkFailure(form, form.ok ? await act(form.data.ids, req.user!) : null);
    if (!failure) return res.redirect(303, listAddress(req, path, done));
    res.locals.currentUrl = listAddress(req, path);
    await renderList(req, res, 422, failure);
  };
}
