import type { Services } from "../../services/index.js";
import { applicationName } from "../../domain/applicationPayload.js";
import { csvDateTime, type CsvColumn } from "./staffCsv.js";

// What the CSV download of each staff list holds: the list's own columns, in
// the page's language. No citizen's personal data (the name, e-mail and text
// of an advice request, a reporter's e-mail): those stay behind the detail pages.

type Row<K extends "review" | "registerUpkeep" | "advice" | "problemReport"> = Awaited<
  ReturnType<Services[K]["list"]>
>["items"][number];

export const applicationColumns: CsvColumn<Row<"review">>[] = [
  ["admin.csv.columns.id", (a) => a.id],
  ["admin.applications.columns.organization", (a) => applicationName(a.payload, a.organization.name)],
  ["admin.applications.columns.vatNumber", (a) => a.vatNumber],
  ["admin.csv.columns.vatConflict", (a, t) => t(a.vatClaims.length ? "admin.csv.yes" : "admin.csv.no")],
  ["admin.organizations.registryNumber", (a) => a.organization.registryNumber],
  ["admin.applications.columns.kind", (a, t) => t(`admin.kind.${a.kind}`)],
  ["admin.applications.columns.status", (a, t) => t(`admin.status.${a.status}`)],
  ["admin.applications.columns.submittedAt", (a) => csvDateTime(a.submittedAt)],
  ["admin.applications.columns.assignee", (a) => a.assignee?.name],
];

export const registerColumns: CsvColumn<Row<"registerUpkeep">>[] = [
  ["admin.csv.columns.id", (o) => o.id],
  ["admin.organizations.name", (o) => o.name],
  ["admin.organizations.registryNumber", (o) => o.registryNumber],
  ["admin.applications.columns.vatNumber", (o) => o.vatNumber],
  ["admin.organizations.comune", (o) => o.comune?.name],
  ["admin.organizations.status", (o, t) => t(`admin.registryStatus.${o.registryStatus}`)],
  ["admin.organizations.lastVerifiedAt", (o) => csvDateTime(o.lastVerifiedAt)],
];

export const adviceColumns: CsvColumn<Row<"advice">>[] = [
  ["advice.admin.reference", (r) => r.referenceCode],
  ["advice.admin.received", (r) => csvDateTime(r.createdAt)],
  ["advice.admin.topic", (r, t) => t(`categories.${r.topic}`)],
  ["advice.admin.comune", (r) => r.comune?.name],
  ["advice.admin.status", (r, t) => t(`advice.status.${r.status}`)],
  ["advice.admin.assignee", (r) => r.assignee?.name],
];

export const reportColumns: CsvColumn<Row<"problemReport">>[] = [
  ["admin.csv.columns.id", (r) => r.id],
  ["admin.reports.received", (r) => csvDateTime(r.createdAt)],
  ["admin.reports.organization", (r) => r.organization.name],
  ["admin.reports.status", (r, t) => t(`admin.reportStatus.${r.status}`)],
  ["admin.reports.message", (r) => r.message],
];

type Registration = Awaited<ReturnType<Services["eventRegistration"]["page"]>>["items"][number];

/**
 * The registrants of one event: the list staff print or mail merge for the day,
 * so unlike the other lists it holds the name, e-mail and organization each
 * person gave when signing up (empty once the retention job anonymised them).
 */
export const registrantColumns: CsvColumn<Registration>[] = [
  ["admin.csv.columns.id", (r) => r.id],
  ["events.registrations.fields.name", (r) => r.name],
  ["events.registrations.fields.email", (r) => r.email],
  ["events.registrations.fields.organization", (r) => r.organization],
  ["events.registrations.admin.status", (r, t) => t(`events.registrations.status.${r.status}`)],
  ["events.registrations.admin.signedUpAt", (r) => csvDateTime(r.createdAt)],
  ["events.registrations.admin.promotedAt", (r) => csvDateTime(r.promotedAt)],
  ["events.registrations.admin.cancelledAt", (r) => csvDateTime(r.cancelledAt)],
  ["events.registrations.admin.attended", (r, t) => (r.attended ? t("admin.csv.yes") : "")],
];
