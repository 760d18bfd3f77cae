import { z } from "zod";

/** An empty HTML field means "not given": drafts may leave anything out. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v), schema.optional());

/** Decimal numbers as Italians type them, with a comma or a point. */
export const decimal = (min: number, max: number, message: string) =>
  z.string().transform((v) => Number(v.replace(",", "."))).pipe(z.number(message).min(min, message).max(max, message));

/** The form's copy of Application.version, for the optimistic lock; empty before the first save. */
export const versionField = optional(z.string().regex(/^\d+$/).transform(Number));

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "validation.date");
