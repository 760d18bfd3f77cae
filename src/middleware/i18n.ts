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

/**
 * i18next's t() costs tens of microseconds a call and a results page makes
 * hundreds; the catalogue never changes while the process runs, so each text
 * is looked up once per language and kept (interpolated ones, bounded).
 */
function translatorOf(i18n: I18n, translators: Map<Language, Translate>, lang: Language): Translate {
  let translate = translators.get(lang);
  if (!translate) {
    const fixed = i18n.getFixedT(lang);
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
export function internationalization(i18n: I18n) {
  const translators = new Map<Language, Translate>();
  const router = Router();
  router.use((req, res, next) => {
    const lang = detect(req);
    res.locals.lang = lang;
    res.locals.t = translatorOf(i18n, translators, lang);
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
