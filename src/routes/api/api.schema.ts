import { TERRITORIAL_WELFARE } from "../../domain/vocabulary.js";
import { z } from "zod";
import { categories } from "../../domain/vocabulary.js";
import { languages } from "../../locales/i18n.js";
import { buildSearchSchema } from "../public/registry.schema.js";

// Every query is strict: a misspelt or unknown parameter is reported (400), never ignored.

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
/** Read by the i18n middleware (names in that language); every endpoint takes it. */
const lang = z.enum(languages, "api.errors.lang").optional();

/**
 * GET /api/v1/organizations: the search parameters of /registro, whose values
 * parseSearch checks as the pages do, and lang; any other name is refused.
 */
export const organizationsQuery = z
  .object({
    ...Object.fromEntries(
      Object.keys(buildSearchSchema(new Set()).shape).map((name) => [name, z.unknown().optional()]),
    ),
    lang,
  })
  .strict();

/** GET /api/v1/measures. */
export const measuresQuery = z
  .object({
    // As in the search: a blank value is no value (a GET form sends its empty fields).
    categoria: z.preprocess(
      (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== "")),
      z.array(z.enum(categories.slugs, "api.errors.categoria")),
    ),
    aperte: single(z.literal("1", "api.errors.aperte")),
    comune: single(z.string().regex(/^\d{6}$/, "api.errors.comune")),
    classificazione: single(z.literal(TERRITORIAL_WELFARE, "api.errors.classificazione")),
    pagina: page,
    lang,
  })
  .strict();

export const eventsQuery = z.object({ pagina: page, lang }).strict();
/** The endpoints that take no parameter but the language. */
export const plainQuery = z.object({ lang }).strict();
