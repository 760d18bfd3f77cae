import i18next from "i18next";
import { Router, type Request } from "express";
import { loadCatalogue } from "../locales/loadCatalogue.js";

export const languages = ["it", "en"] as const;
export type Language = (typeof languages)[number];

const ready = i18next.init({
  resources: { it: { translation: loadCatalogue("it") }, en: { translation: loadCatalogue("en") } },
  lng: "it",
  fallbackLng: "it",
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // EJS escapes on output
  returnNull: false,
});

const isLanguage = (v: unknown): v is Language => (languages as readonly unknown[]).includes(v);

/** `?lang=` first, then the remembered choice, then the browser's preference; Italian by default. */
function detect(req: Request): Language {
  if (isLanguage(req.query.lang)) return req.query.lang;
  const cookie = /(?:^|;\s*)lang=(it|en)(?:;|$)/.exec(req.headers.cookie ?? "")?.[1];
  if (isLanguage(cookie)) return cookie;
  const preferred = req.acceptsLanguages(...languages);
  return isLanguage(preferred) ? preferred : "it";
}

type Translate = (key: string, options?: Record<string, unknown>) => string;
const translators = new Map<Language, Translate>();

/**
 * i18next's t() costs tens of microseconds a call and a results page makes
 * hundreds; the catalogue never changes while the process runs, so each text
 * is looked up once per language and kept (interpolated ones, bounded).
 */
function translator(lang: Language): Translate {
  let translate = translators.get(lang);
  if (!translate) {
    const fixed = i18next.getFixedT(lang);
    const texts = new Map<string, string>();
    translate = (key, options) => {
      const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
      let text = texts.get(id);
      if (text === undefined) {
        text = options === undefined ? fixed(key) : fixed(key, options);
        if (texts.size >= 20_000) texts.clear();
        texts.set(id, text);
      }
      return text;
    };
    translators.set(lang, translate);
  }
  return translate;
}

/** Italian first; `?lang=en` switches and a cookie remembers the choice. */
export function internationalization() {
  const router = Router();
  router.use(async (req, res, next) => {
    await ready;
    const lang = detect(req);
    res.locals.lang = lang;
    res.locals.t = translator(lang);
    res.setHeader("Content-Language", lang);
    // Remember an explicit choice only: default visitors get no cookie at all.
    if (req.query.lang === lang) {
      res.cookie("lang", lang, { maxAge: 365 * 24 * 3600 * 1000, sameSite: "lax", httpOnly: true, secure: req.secure });
    }
    next();
  });
  return router;
}

export { i18next };
