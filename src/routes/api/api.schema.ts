import { TERRITORIAL_WELFARE } from "../../domain/vocabulary.js";
import { z } from "zod";
import { categories } from "../../domain/vocabulary.js";

export const API_PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const single = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const page = single(
  z
    .string()
    .regex(/^\d{1,6}$/, "api.errors.page")
    .transform(Number)
    .pipe(z.number().int().min(1, "api.errors.page")),
);

/** GET /api/v1/measures: strict, so a misspelt parameter is reported rather than ignored. */
export const measuresQuery = z
  .object({
    categoria: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(categories.slugs, "api.errors.categoria")),
    ),
    aperte: single(z.literal("1", "api.errors.aperte")),
    comune: single(z.string().regex(/^\d{6}$/, "api.errors.comune")),
    classificazione: single(z.literal(TERRITORIAL_WELFARE, "api.errors.classificazione")),
    pagina: page,
    lang: z.enum(["it", "en"]).optional(),
  })
  .strict();

export const eventsQuery = z.object({ pagina: page, lang: z.enum(["it", "en"]).optional() }).strict();
export const plainQuery = z.object({ lang: z.enum(["it", "en"]).optional() }).strict();
