import i18next from "i18next";
import { LanguageDetector, handle } from "i18next-http-middleware";
import { Router } from "express";
import { loadCatalogue } from "../locales/loadCatalogue.js";

export const languages = ["it", "en"] as const;
export type Language = (typeof languages)[number];

const ready = i18next.use(LanguageDetector).init({
  resources: { it: { translation: loadCatalogue("it") }, en: { translation: loadCatalogue("en") } },
  fallbackLng: "it",
  supportedLngs: [...languages],
  nonExplicitSupportedLngs: false,
  load: "languageOnly",
  interpolation: { escapeValue: false }, // EJS escapes on output
  returnNull: false,
  detection: {
    order: ["querystring", "cookie", "header"],
    lookupQuerystring: "lang",
    lookupCookie: "lang",
    caches: [],
  },
});

/** Italian first; `?lang=en` switches and a cookie remembers the choice. */
export function internationalization() {
  const router = Router();
  router.use(async (_req, _res, next) => {
    await ready;
    next();
  });
  router.use(handle(i18next));
  router.use((req, res, next) => {
    const lang = (languages as readonly string[]).includes(req.language) ? (req.language as Language) : "it";
    res.locals.lang = lang;
    // Remember an explicit choice only: default visitors get no cookie at all.
    if (typeof req.query.lang === "string" && req.query.lang === lang) {
      res.cookie("lang", lang, { maxAge: 365 * 24 * 3600 * 1000, sameSite: "lax", httpOnly: true, secure: req.secure });
    }
    res.locals.t = req.i18n.getFixedT(lang);
    next();
  });
  return router;
}

export { i18next };
