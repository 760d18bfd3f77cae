import { MAX_MEASURES } from "../../domain/applicationPayload.js";
import type { Response } from "express";
import type { CompanyDraftService, EditOutcome } from "../../services/company/companyDraftService.js";

type Workspace = Awaited<ReturnType<CompanyDraftService["workspace"]>>;

/** The version a form must send back: the open draft's, or none when saving starts a new application. */
export function formVersion(ws: Workspace): string {
  const app = ws.application;
  return app && (app.status === "DRAFT" || app.status === "CHANGES_REQUESTED") ? String(app.version) : "";
}

/** A refused edit: under review or saved meanwhile (409), or one measure too many (422); with an explanation. */
export function renderRefused(res: Response, outcome: Exclude<EditOutcome, { ok: true }>) {
  const body = `company.refused.${outcome.reason}`;
  res.status(outcome.reason === "tooManyMeasures" ? 422 : 409).render("accounts/notice", {
    title: "company.refused.title",
    body,
    params: { max: MAX_MEASURES },
    link: { href: "/impresa", label: "company.home.title" },
  });
}

/** Strings for a form, from a draft object (numbers and dates as typed). */
export function asFormValues(draft: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]));
}

/** The company's situation in one word, for the texts of what to do next (company.next.*). */
export function phaseOf({ organization, application }: Workspace): string {
  if (!organization) return "noOrganization";
  const registry = organization.registryStatus;
  if (registry === "WITHDRAWN") return "withdrawn";
  if (registry === "SUSPENDED") return "suspended";
  switch (application?.status) {
    case "DRAFT":
      return application.kind === "REVISION" ? "revisionDraft" : "draft";
    case "SUBMITTED":
      return "submitted";
    case "CHANGES_REQUESTED":
      return "changesRequested";
    case "REJECTED":
      return "rejected";
    default:
      return registry === "REGISTERED" ? "approved" : "draft";
  }
}

/**
 * What staff last wrote to the company when they asked for changes, rejected
 * the application or suspended the entry: shown on its summary and application
 * pages, not only in the history (a company used to read "the data are complete: submit" with no sign
 * of the comment). Undefined in every other phase.
 */
export function staffMessage(
  ws: Workspace,
): { kind: "changesRequested" | "rejected" | "suspended"; comment: string; at: Date } | undefined {
  const phase = phaseOf(ws);
  if (phase === "suspended")
    return ws.suspension ? { kind: phase, comment: ws.suspension.reason, at: ws.suspension.at } : undefined;
  if (phase !== "changesRequested" && phase !== "rejected") return undefined;
  const type = phase === "changesRequested" ? "CHANGES_REQUESTED" : "REJECTED";
  const event = ws.application?.events.findLast((e) => e.type === type && e.comment);
  return event?.comment ? { kind: phase, comment: event.comment, at: event.createdAt } : undefined;
}
