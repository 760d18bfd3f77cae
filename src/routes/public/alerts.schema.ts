import { z } from "zod";
import { ALERT_RADII_KM } from "../../domain/alerts.js";
import { MeasureCategory } from "../../generated/prisma/enums.js";
import type { AlertRequest } from "../../services/outreach/alertSubscriptionService.js";
import { formFields } from "../../validation/form.js";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** A coordinate as the browser's position or the search's link writes it ("44.4938"). */
const coordinate = (limit: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^-?\d{1,3}(\.\d{1,10})?$/, "alerts.errors.position")
      .transform(Number)
      .pipe(z.number().min(-limit, "alerts.errors.position").max(limit, "alerts.errors.position"))
      .optional(),
  );
const PLACE_FIELDS = new Set(["comuneCode", "lat", "lon"]);
const CATEGORY_CODES = new Set<string>(Object.values(MeasureCategory));

/**
 * The subscription form of /avvisi. The place is a comune, or else the position
 * the browser shared (hidden `lat`/`lon`); a comune chosen wins over a position.
 */
export function alertFormSchema(comuneCodes: ReadonlySet<string>) {
  return z
    .strictObject({
      email: formFields.email(),
      comuneCode: z.preprocess(
        blankToUndefined,
        z
          .string()
          .refine((c) => comuneCodes.has(c), "validation.comune")
          .optional(),
      ),
      lat: coordinate(90),
      lon: coordinate(180),
      radiusKm: z.enum(ALERT_RADII_KM.map(String) as [string, ...string[]]).transform(Number),
      // Checked as a whole, so that the error stands beside the group of boxes.
      categories: z.preprocess(
        asArray,
        z
          .array(z.string())
          .max(CATEGORY_CODES.size)
          .refine((codes) => codes.every((c) => CATEGORY_CODES.has(c)), "validation.choice")
          .transform((codes) => [...new Set(codes)] as MeasureCategory[]),
      ),
      privacy: formFields.checkbox().refine((v) => v, "validation.privacy"),
    })
    .refine((f) => f.comuneCode !== undefined || (f.lat !== undefined && f.lon !== undefined), {
      path: ["comuneCode"],
      message: "alerts.errors.place",
      // Said with the other fields' errors, unless the place's own fields are wrong already.
      when: (payload) => !payload.issues.some((issue) => PLACE_FIELDS.has(String(issue.path?.[0]))),
    })
    .transform((f): AlertRequest => ({
      email: f.email,
      place: f.comuneCode !== undefined ? { comuneCode: f.comuneCode } : { lat: f.lat!, lon: f.lon! },
      radiusKm: f.radiusKm,
      categories: f.categories,
    }));
}
