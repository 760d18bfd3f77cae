import { Router, type Request } from "express";
import { languages, type I18n, type Language, type Translate } from "../locales/i18n.js";

const isLanguage = (v: unknown): v is Language => (languages as readonly unknown[]).includes(v);

/** `?lang=` first, then the remembered choice, then the browser's preference; Italian by default. */
function detect(req: Request): Language {
  if (isLanguage(req.query.lang)) return req.query.lang;
  const cookie = /(?:^|;\s*)lang=(it|en)(?:;|$)/.exec(req.headers.cookie ?? "")?.[1];
  if (isLanguage(cookie)) return cookie;
  const preferred = req.acceptsLanguages(...languages);
  return isLanguage(preferred) ? preferred : "it";
}

/** Options i18next reads itself (plurals, context, defaults...): texts given these go through i18next. */
const I18NEXT_OPTIONS = new Set([
  "count",
  "context",
  "defaultValue",
  "lng",
  "lngs",
  "ns",
  "replace",
  "returnObjects",
  "returnDetails",
  "joinArrays",
  "postProcess",
  "interpolation",
  "skipInterpolation",
  "ordinal",
  "keyPrefix",
]);

/** A text with its values' places: the text's pieces, with the value names between them. */
interface Template {
  names: string[];
  /** [text, index of a name, text, index of a name, ..., text] */
  parts: (string | number)[];
}

/**
 * i18next's t() costs tens of microseconds a call and a page makes hundreds;
 * the catalogue never changes while the process runs, so each text is looked up
 * once per language and kept. A text with values that change from page to page
 * (dates, names) would miss that store every time: it is kept as a template
 * instead, learnt from i18next once by giving it markers for values, and filled
 * in here as i18next would (values as they are: escapeValue is off, and nested
 * placeholders in values are not read). Plurals and i18next's own options go
 * through i18next, stored by their options (counts repeat; bounded).
 */
export function createTranslator(i18n: I18n, lang: Language): Translate {
  const fixed = i18n.getFixedT(lang);
  const texts = new Map<string, string>();
  const templates = new Map<string, Template | null>();

  const templateOf = (key: string, names: string[]): Template | null => {
    if (names.some((name) => I18NEXT_OPTIONS.has(name))) return null;
    // Markers from Unicode's private use area: no catalogue text has them.
    const markers = Object.fromEntries(names.map((name, j) => [name, `\ue000${j}\ue000`]));
    const pieces = fixed(key, markers).split(/\ue000(\d+)\ue000/);
    // A marker i18next changed (a format): the text is not plain, i18next fills it in.
    if (pieces.some((piece) => piece.includes("\ue000"))) return null;
    return { names, parts: pieces.map((piece, j) => (j % 2 === 1 ? Number(piece) : piece)) };
  };

  const fill = (template: Template, options: Record<string, unknown>): string | undefined => {
    let text = "";
    for (let j = 0; j < template.parts.length; j++) {
      const part = template.parts[j]!;
      if (typeof part === "string") {
        text += part;
        continue;
      }
      const value = options[template.names[part]!];
      if (typeof value === "string") text += value;
      else if (typeof value === "number" && Number.isFinite(value)) text += String(value);
      else return undefined; // missing, an object...: as i18next has it
    }
    return text;
  };

  return (key, options) => {
    if (options !== undefined) {
      const names = Object.keys(options);
      const id = `${key}\u0000${names.join("\u0000")}`;
      let template = templates.get(id);
      if (template === undefined) templates.set(id, (template = templateOf(key, names)));
      const text = template ? fill(template, options) : undefined;
      if (text !== undefined) return text;
    }
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = texts.get(id);
    if (text === undefined) {
      text = options === undefined ? fixed(key) : fixed(key, options);
      if (texts.size >= 20_000) texts.clear();
      texts.set(id, text);
    }
    return text;
  };
}

/** Italian first; `?lang=en` switches and a cookie remembers the choice. */
export function internationalization(i18n: I18n) {
  const translators = new Map<Language, Translate>();
  const router = Router();
  router.use((req, res, next) => {
    const lang = detect(req);
    res.locals.lang = lang;
    let translate = translators.get(lang);
    if (!translate) translators.set(lang, (translate = createTranslator(i18n, lang)));
    res.locals.t = translate;
    res.setHeader("Content-Language", lang);
    // Remember an explicit choice only: default visitors get no cookie at all. Nor does the
    // API, whose answers shared caches keep (Cache-Control: public) and would hand on the cookie.
    if (req.query.lang === lang && !req.path.startsWith("/api/")) {
      res.cookie("lang", lang, { maxAge: 365 * 24 * 3600 * 1000, sameSite: "lax", httpOnly: true, secure: req.secure });
    }
    next();
  });
  return router;
}
