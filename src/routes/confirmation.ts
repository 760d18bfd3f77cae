import type { Response } from "express";

/** What the confirmation page asks; texts already translated. */
export interface Confirmation {
  title: string;
  question: string;
  /** Where the confirmed form posts (the same POST route a one-click button used). */
  action: string;
  submit: string;
  /** Where "Annulla" leads. */
  back: string;
  /** Hidden fields posted with the form, such as the optimistic-lock version. */
  fields?: [string, string][];
}

/**
 * Destructive buttons lead to this page (GET) instead of posting at once: the action
 * happens only after a second, deliberate click, and nothing depends on JavaScript.
 */
export function renderConfirmation(res: Response, confirmation: Confirmation): void {
  res.render("partials/confirmation", confirmation);
}
