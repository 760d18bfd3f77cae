import express, { Router, type Response } from "express";
import path from "node:path";
import { projectRoot } from "../paths.js";
import { createAssetUrls, vendorPackage, type AssetUrls } from "./assetUrls.js";

const IMMUTABLE = "public, max-age=31536000, immutable";
// An unversioned or outdated URL (a page cached before a deploy): served, but checked again next time.
const REVALIDATE = "no-cache";

/** Bootstrap Italia and Leaflet are served from the project: no CDN. */
export function createProjectAssetUrls(isProduction: boolean): AssetUrls {
  return createAssetUrls(
    path.join(projectRoot, "public"),
    [vendorPackage("bootstrap-italia"), vendorPackage("leaflet")],
    isProduction,
  );
}

/**
 * The static files under /assets (see assetUrls.ts for their versioned URLs):
 * a versioned URL is cached by browsers and proxies for a year, anything else
 * is revalidated (ETag) on every use.
 */
export function staticAssets(assets: AssetUrls) {
  const router = Router();
  const serve = (dir: string) => express.static(dir, { index: false, cacheControl: false, fallthrough: true });
  const cache = (res: Response, control: string) => res.setHeader("Cache-Control", control);

  for (const vendor of assets.vendors) {
    router.use(vendor.prefix, (_req, res, next) => (cache(res, IMMUTABLE), next()), serve(vendor.dist));
    router.use(`/assets/${vendor.name}`, (_req, res, next) => (cache(res, REVALIDATE), next()), serve(vendor.dist));
  }

  // Our stylesheets are sent rewritten (their url() references versioned), the rest as they are.
  router.use("/assets", (req, res, next) => {
    const entry = assets.file(decoded(req.path.slice(1)));
    cache(res, entry && req.query.v === entry.hash ? IMMUTABLE : REVALIDATE);
    if (!entry || !req.path.endsWith(".css") || (req.method !== "GET" && req.method !== "HEAD")) return next();
    res.setHeader("ETag", `"${entry.hash}"`);
    res.type("text/css; charset=utf-8");
    if (req.fresh) return res.status(304).end();
    res.send(entry.body);
  });
  router.use("/assets", serve(path.join(projectRoot, "public")));
  return router;
}

/** A malformed escape is no file (serve-static then answers 400 or passes on). */
function decoded(relative: string): string {
  try {
    return decodeURIComponent(relative);
  } catch {
    return "";
  }
}
