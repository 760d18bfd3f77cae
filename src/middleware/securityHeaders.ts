import helmet from "helmet";
import type { Config } from "../config.js";

/**
 * Strict CSP: no inline script or style anywhere (pages load external files
 * only), so no nonce is needed. Map tiles are the one third-party origin.
 */
export function securityHeaders(config: Config) {
  const tileOrigin = new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, "a")).origin;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", tileOrigin],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    strictTransportSecurity: config.isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
}
