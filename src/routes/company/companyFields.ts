import { z } from "zod";
import { dateColumn } from "../../domain/romeTime.js";

/** An empty HTML field means "not given": drafts may leave anything out. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v), schema.optional());

/** Decimal numbers as Italians type them, with a comma or a point. */
export const decimal = (min: number, max: number, message: string) =>
  z
    .string()
    .transform((v) => Number(v.replace(",", ".")))
    .pipe(z.number(message).min(min, message).max(max, message));

/** The form's copy of Application.version, for the optimistic lock; empty before the first save. */
export const versionField = optional(z.string().regex(/^\d+$/).transform(Number));

/** The earliest date accepted anywhere: older ones are typing mistakes (and year 0000 does not exist in PostgreSQL). */
export const MIN_DATE = "1900-01-01";

/** "yyyy-mm-dd" naming a day that exists: 2026-02-31 does not come back as itself. */
export function isRealIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = dateColumn(v);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

export const isoDate = z.string().superRefine((v, ctx) => {
  if (!isRealIsoDate(v)) ctx.addIssue({ code: "custom", message: "validation.date" });
  else if (v < MIN_DATE) ctx.addIssue({ code: "custom", message: "validation.dateMin" });
});
