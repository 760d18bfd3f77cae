import { Router } from "express";
import type { Config } from "../config.js";
import type { Language } from "../locales/i18n.js";
import { viewFormat } from "./viewFormat.js";
import { STAFF_OUTCOMES } from "../domain/vocabulary.js";
import { areaOf } from "../domain/roles.js";

/** The public sections, in the header's menu and the footer: [address, i18n key of the label]. */
const MAIN_NAV = [
  ["/registro", "nav.registry"],
  ["/mappa", "nav.map"],
  ["/reti", "networks.nav"],
  ["/patto", "pact.nav"],
  ["/eventi", "events.nav"],
  ["/guida", "advice.guideNav"],
  ["/consulenza", "advice.nav"],
  ["/statistiche", "statistics.nav"],
  ["/open-data", "openData.nav"],
] as const;

/**
 * `url` as a path of this site, for links built from the address asked: a
 * request for "/.//evil.example/" must not render a link to "//evil.example/"
 * (a protocol-relative address, another site), so the path keeps one leading slash.
 */
export function localPath(url: string): string {
  const parsed = new URL(url, "http://local.invalid");
  return `/${parsed.pathname.replace(/^[/\\]+/, "")}${parsed.search}`;
}

/** Values every template may use. */
export function viewLocals(config: Config) {
  const router = Router();
  router.use((req, res, next) => {
    res.locals.currentPath = req.path;
    res.locals.mainNav = MAIN_NAV;
    // Set again by authentication; defined here so error pages render even if sessions fail.
    res.locals.user = undefined;
    res.locals.currentUrl = localPath(req.originalUrl);
    res.locals.publicBaseUrl = config.publicBaseUrl;
    res.locals.mapTileUrl = config.mapTileUrl;
    res.locals.mapTileAttribution = config.mapTileAttribution;
    res.locals.format = viewFormat((res.locals.lang as Language | undefined) ?? "it");
    // The classification form's choices (domain/vocabulary.ts).
    res.locals.staffOutcomes = STAFF_OUTCOMES;
    // The header links a signed-in user's name to their area.
    res.locals.areaOf = areaOf;
    next();
  });
  return router;
}
