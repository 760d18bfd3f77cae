import { z } from "zod";
import type { FieldErrors } from "../../validation/form.js";
import {
  TERRITORIAL_WELFARE,
  beneficiaries,
  categories,
  searchableStatuses,
  sizeClasses,
  sortOrders,
} from "../../domain/vocabulary.js";

import { MAX_RESULTS, PAGE_SIZE } from "../../domain/registrySearch.js";

export { MAX_RESULTS, PAGE_SIZE };
export const MAX_PAGE = MAX_RESULTS / PAGE_SIZE;
export const DEFAULT_RADIUS_KM = 15;

// Plain GET forms send every field, empty ones as "": treat those as absent.
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const one = <T extends z.ZodType>(schema: T, message: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .union([
        schema,
        z.array(z.unknown()).transform((_v, ctx) => {
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }),
      ])
      .optional(),
  );
const many = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== "")),
    z.array(z.enum(values, { error: message })).max(values.length, { error: message }),
  );
const istat = z.string().regex(/^\d{6}$/);
const number = z
  .string()
  .trim()
  .regex(/^-?\d{1,3}(\.\d{1,10})?$/)
  .transform(Number);

/** GET parameters of /registro, /mappa and the GeoJSON feed (BRIEF.md, "Search parameters"). */
export function buildSearchSchema(knownComuni: ReadonlySet<string>) {
  const comune = istat.refine((code) => knownComuni.has(code));
  return z
    .object({
      q: one(z.string().trim().max(200), "search.errors.q"),
      categoria: many(categories.slugs, "search.errors.categoria"),
      comune: one(comune, "search.errors.comune"),
      vicino: one(comune, "search.errors.vicino"),
      // An address or place typed: answered by the geocoder (parseSearch); with lat/lon it only names them.
      luogo: one(z.string().trim().max(200), "search.errors.luogo"),
      lat: one(number.pipe(z.number().min(-90).max(90)), "search.errors.lat"),
      lon: one(number.pipe(z.number().min(-180).max(180)), "search.errors.lon"),
      raggio: one(number.pipe(z.number().min(1).max(200)), "search.errors.raggio"),
      aperte: one(z.literal("1"), "search.errors.aperte"),
      beneficiari: many(beneficiaries.slugs, "search.errors.beneficiari"),
      dimensione: many(sizeClasses.slugs, "search.errors.dimensione"),
      ateco: one(
        z
          .string()
          .regex(/^[A-Va-v]$/)
          .transform((s) => s.toUpperCase()),
        "search.errors.ateco",
      ),
      stato: many(searchableStatuses.slugs, "search.errors.stato"),
      classificazione: one(z.literal(TERRITORIAL_WELFARE), "search.errors.classificazione"),
      patto: one(z.literal("1"), "search.errors.patto"),
      ordina: one(z.enum(sortOrders), "search.errors.ordina"),
      pagina: one(
        z
          .string()
          .regex(/^\d{1,4}$/)
          .transform(Number)
          .pipe(z.number().int().min(1).max(MAX_PAGE)),
        "search.errors.pagina",
      ),
    })
    .superRefine((p, ctx) => {
      if ((p.lat === undefined) !== (p.lon === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: [p.lat === undefined ? "lat" : "lon"],
          message: "search.errors.latLonPair",
        });
      }
      if (p.luogo !== undefined && p.vicino !== undefined) {
        ctx.addIssue({ code: "custom", path: ["luogo"], message: "search.errors.twoOrigins" });
      }
      if (p.vicino !== undefined && p.lat !== undefined) {
        ctx.addIssue({ code: "custom", path: ["vicino"], message: "search.errors.twoOrigins" });
      }
      const hasOrigin = p.vicino !== undefined || p.lat !== undefined || p.luogo !== undefined;
      if (p.ordina === "distanza" && !hasOrigin) {
        ctx.addIssue({ code: "custom", path: ["ordina"], message: "search.errors.distanceWithoutOrigin" });
      }
    });
}

export type SearchParams = z.infer<ReturnType<typeof buildSearchSchema>>;

/** zod's own messages for wrong types become our single message per field. */
export function searchErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "q");
    errors[field] ??= { key: issue.message.startsWith("search.errors.") ? issue.message : `search.errors.${field}` };
  }
  return errors;
}
