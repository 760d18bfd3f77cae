import { rateLimit } from "express-rate-limit";
import { limitConcurrentDownloads } from "./concurrentDownloads.js";
import type { Request, RequestHandler } from "express";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Config } from "../config.js";
import { createPostgresRateLimitStore } from "../data/shared/rateLimitStore.js";
import { apiTooManyRequests } from "../routes/api/problem.js";

export interface RateLimitOptions {
  /** Distinguishes counters of different forms. */
  name: string;
  windowMs: number;
  limit: number;
  /** The answer past the limit; by default the 429 page (the API answers problem+json). */
  onLimit?: RequestHandler;
  /** What is counted: by default the client's address. */
  key?: (req: Request) => string;
}

/**
 * The e-mail address a form names (a reset request, an invitation), as counted
 * by the per-address limiter; a form without one is not counted.
 */
const targetAddress = (req: Request) => {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
};

/**
 * A limiter for a form or an endpoint; past the limit the visitor gets the
 * 429 page in their language. Counters live in PostgreSQL (any instance).
 */
export function limitRequests(prisma: PrismaClient, options: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    store: createPostgresRateLimitStore(prisma, `${options.name}:`),
    ...(options.key ? { keyGenerator: options.key, skip: (req: Request) => options.key!(req) === "" } : {}),
    handler:
      options.onLimit ??
      ((_req, res) => {
        res.status(429).render("errors/429");
      }),
  });
}

/**
 * The limiters of the application, built once by the app and handed to the
 * routes that use them (login and password forms, public forms, the API).
 */
export function rateLimits(prisma: PrismaClient, config: Config) {
  return {
    login: limitRequests(prisma, { name: "login", ...config.rateLimits.login }),
    publicForms: limitRequests(prisma, { name: "public-forms", ...config.rateLimits.publicForms }),
    // Per address named, from any client: nobody floods one mailbox with reset links or invitations.
    targetAddress: limitRequests(prisma, {
      name: "target-address",
      ...config.targetAddressRateLimit,
      key: targetAddress,
    }),
    api: limitRequests(prisma, { name: "api", ...config.apiRateLimit, onLimit: apiTooManyRequests }),
    openDataDownloads: limitConcurrentDownloads(config.openDataDownloadsPerClient),
  };
}

export type RateLimits = ReturnType<typeof rateLimits>;
