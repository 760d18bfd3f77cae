import express, { Router } from "express";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "../paths.js";

const require = createRequire(import.meta.url);
const packageDist = (name: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), "dist");

/** Bootstrap Italia and Leaflet are served from the project: no CDN. */
export function staticAssets(isProduction: boolean) {
  const options = { maxAge: isProduction ? "7d" : 0, index: false as const };
  const router = Router();
  router.use("/assets/bootstrap-italia", express.static(packageDist("bootstrap-italia"), options));
  router.use("/assets/leaflet", express.static(packageDist("leaflet"), options));
  router.use("/assets", express.static(path.join(projectRoot, "public"), options));
  return router;
}
