import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** A package served from node_modules: its dist folder, under a path that names its exact version. */
export interface VendorPackage {
  name: string;
  dist: string;
  /** URL prefix, e.g. /assets/vendor/leaflet@1.9.4 */
  prefix: string;
}

export function vendorPackage(name: string): VendorPackage {
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return { name, dist: path.join(path.dirname(manifest), "dist"), prefix: `/assets/vendor/${name}@${version}` };
}

const CSS_URL = /url\(\s*(["']?)(\/assets\/[^"')?#]+)([^"')]*)\1\s*\)/g;

/**
 * Versioned URLs of the static assets, so that they can be cached for a year
 * (immutable) and a deploy never leaves a browser on stale files:
 * - a package's files (Bootstrap Italia, Leaflet) under a path naming the
 *   package's exact version: the relative url() references inside their own
 *   stylesheets (Leaflet's images) stay under the same versioned folder;
 * - the project's files in public/ get `?v=` and the first 12 hex digits of the
 *   SHA-256 of their content. Our stylesheets are rewritten before hashing: their
 *   url("/assets/...") references (the fonts) become versioned URLs too.
 *
 * Views write `asset("/assets/css/app.css")` or `asset("/assets/leaflet/leaflet.js")`.
 * Outside production a file's hash follows its modification time (edit and reload);
 * in production it is computed once.
 */
export function createAssetUrls(publicDir: string, vendors: VendorPackage[], cacheForever: boolean) {
  const files = new Map<string, { mtimeMs: number; body: Buffer; hash: string }>();

  /** The project's file behind /assets/<relative>, rewritten if a stylesheet; undefined if none. */
  function file(relative: string) {
    const full = path.join(publicDir, relative);
    if (!full.startsWith(publicDir + path.sep)) return undefined;
    const known = files.get(relative);
    if (known && cacheForever) return known;
    let mtimeMs: number;
    try {
      const stat = statSync(full);
      if (!stat.isFile()) return undefined;
      mtimeMs = stat.mtimeMs;
    } catch {
      return undefined;
    }
    if (known && known.mtimeMs === mtimeMs) return known;
    const raw = readFileSync(full);
    const body = relative.endsWith(".css") ? Buffer.from(rewriteCss(raw.toString("utf8"))) : raw;
    const entry = { mtimeMs, body, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) };
    files.set(relative, entry);
    return entry;
  }

  function url(assetPath: string): string {
    for (const vendor of vendors) {
      const unversioned = `/assets/${vendor.name}/`;
      if (assetPath.startsWith(unversioned)) return `${vendor.prefix}/${assetPath.slice(unversioned.length)}`;
    }
    const entry = assetPath.startsWith("/assets/") ? file(assetPath.slice("/assets/".length)) : undefined;
    return entry ? `${assetPath}?v=${entry.hash}` : assetPath;
  }

  function rewriteCss(css: string): string {
    return css.replace(
      CSS_URL,
      (_match, quote: string, target: string, rest: string) => `url(${quote}${url(target)}${rest}${quote})`,
    );
  }

  return { url, file, vendors };
}

export type AssetUrls = ReturnType<typeof createAssetUrls>;
