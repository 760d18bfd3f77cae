import "dotenv/config";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Unset: every interface in production, this computer only otherwise (a development server is never public).
    HOST: z.string().optional(),
    // An empty value (DATABASE_URL= in .env) means "not set": the embedded database.
    DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
    // One Node thread keeps few queries in flight (each well under a millisecond): four connections
    // kept PostgreSQL as busy as ten, and with fewer backends each query cost it a quarter less CPU
    // (likely fewer processes switching on the cores, each backend's pages mapped sooner): organization
    // pages at 100,000 organizations 0.53-0.58 -> 0.38-0.45 ms of PostgreSQL a page, 2026-12-06.
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
    SEARCH_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
    SEARCH_MEMORY_INDEX: bool.default(true),
    EMBEDDED_DB_DIR: z.string().default("./data/pglite"),
    // Unset: demo data in development, never in production.
    SEED_DEMO_DATA: bool.optional(),
    SESSION_SECRET: z.string().min(32).optional(),
    // The longest a login lasts however active it is (the idle limit is 8 hours).
    SESSION_MAX_HOURS: z.coerce
      .number()
      .min(0.1)
      .max(24 * 30)
      .default(12),
    TRUST_PROXY: z.string().default("false"),
    // Unset: http://localhost:<PORT>, so links in e-mails and feeds work on any development port.
    PUBLIC_BASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    MAP_TILE_URL: z.string().url().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    MAP_TILE_ATTRIBUTION: z
      .string()
      .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'),
    // A Nominatim-compatible geocoder; without it positions come from the comuni's centres only.
    GEOCODER_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
    GEOCODER_USER_AGENT: z.string().min(1).optional(),
    GEOCODER_ATTRIBUTION: z.string().default("Indirizzi: © OpenStreetMap contributors, ODbL (Nominatim)"),
    GEOCODER_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
    GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
    RATE_LIMIT_LOGIN: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_PUBLIC_FORMS: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_API: z.coerce.number().int().min(1).default(300),
    OPEN_DATA_DOWNLOADS_PER_CLIENT: z.coerce.number().int().min(1).default(4),
    // The publisher of the DCAT-AP_IT catalogue: its code in the Indice delle Pubbliche Amministrazioni
    // (the prefix of every dataset identifier) and the address its contact point answers at.
    OPEN_DATA_IPA_CODE: z
      .string()
      .regex(/^[A-Za-z0-9_]{2,20}$/, "an IPA code: letters, digits and _ (e.g. cm_bo)")
      .optional(),
    OPEN_DATA_CONTACT_EMAIL: z.email().optional(),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: bool.default(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z.string().default("Registro del welfare aziendale <noreply@localhost>"),
    JOBS_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
    ADVICE_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    // Development conveniences that a public server must not have (OWASP ASVS 5.0 13.4).
    const refuse = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!env.SESSION_SECRET) refuse("SESSION_SECRET", "required in production (32+ characters)");
    if (!env.DATABASE_URL) refuse("DATABASE_URL", "required in production: the embedded database is for development");
    if (!env.PUBLIC_BASE_URL) refuse("PUBLIC_BASE_URL", "required in production: links in e-mails and feeds use it");
    if (env.SEED_DEMO_DATA) refuse("SEED_DEMO_DATA", "demo data are never loaded in production");
    // Harvesters (dati.gov.it) would list the catalogue under development's demo publisher.
    if (!env.OPEN_DATA_IPA_CODE)
      refuse("OPEN_DATA_IPA_CODE", "required in production: the open-data publisher's IPA code");
    if (!env.OPEN_DATA_CONTACT_EMAIL)
      refuse("OPEN_DATA_CONTACT_EMAIL", "required in production: the open-data catalogue's contact address");
  });

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof schema>) {
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === "production",
    port: env.PORT,
    host: env.HOST ?? (env.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1"),
    databaseUrl: env.DATABASE_URL,
    dbPoolSize: env.DB_POOL_SIZE,
    /** Memory for cached public search results (0 = no cache); see services/searchCache.ts. */
    searchCacheBytes: Math.round(env.SEARCH_CACHE_MB * 1024 * 1024),
    /** Public searches answered from an in-process index (services/registry/memorySearchIndex.ts). */
    searchMemoryIndex: env.SEARCH_MEMORY_INDEX,
    embeddedDbDir: env.EMBEDDED_DB_DIR,
    seedDemoData: env.SEED_DEMO_DATA ?? env.NODE_ENV !== "production",
    // Development only: production refuses to start without SESSION_SECRET.
    sessionSecret: env.SESSION_SECRET ?? "development-only-secret-change-me-please",
    sessionMaxMs: env.SESSION_MAX_HOURS * 60 * 60_000,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicBaseUrl,
    logLevel: env.LOG_LEVEL,
    mapTileUrl: env.MAP_TILE_URL,
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION,
    geocoder: env.GEOCODER_URL
      ? {
          url: env.GEOCODER_URL,
          // Nominatim's usage policy: an identifying User-Agent and at most one request a second.
          userAgent: env.GEOCODER_USER_AGENT ?? `registro-welfare-bologna (${publicBaseUrl})`,
          attribution: env.GEOCODER_ATTRIBUTION,
          minIntervalMs: env.GEOCODER_MIN_INTERVAL_MS,
          timeoutMs: env.GEOCODER_TIMEOUT_MS,
        }
      : null,
    // Per client address; counters are shared by every instance (PostgreSQL).
    rateLimits: {
      login: { windowMs: 15 * 60_000, limit: env.RATE_LIMIT_LOGIN },
      publicForms: { windowMs: 60 * 60_000, limit: env.RATE_LIMIT_PUBLIC_FORMS },
    },
    // Reset links and invitations sent to one address in an hour, whoever asks.
    targetAddressRateLimit: { windowMs: 60 * 60_000, limit: 5 },
    // Requests to /api/v1 per client address and minute (counters in PostgreSQL).
    apiRateLimit: { windowMs: 60_000, limit: env.RATE_LIMIT_API },
    // Open-data downloads one client address may run at once on one instance; beyond: 429.
    openDataDownloadsPerClient: env.OPEN_DATA_DOWNLOADS_PER_CLIENT,
    // The DCAT-AP_IT catalogue's publisher; development's values say they are demo ones.
    openDataPublisher: {
      ipaCode: env.OPEN_DATA_IPA_CODE ?? "demo_ipa",
      contactEmail: env.OPEN_DATA_CONTACT_EMAIL ?? "open-data@demo.invalid",
    },
    // Without SMTP_HOST e-mails stay in the OutboxMessage table (development, tests).
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_SECURE,
          auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
        }
      : null,
    mailFrom: env.MAIL_FROM,
    // Scheduled jobs (src/services/shared/jobs.ts): how often each instance looks for
    // verification reminders, staff alerts and alert digests to send, and expired
    // alert subscriptions to delete (the database makes each happen once).
    jobs: { verificationEveryMs: env.JOBS_INTERVAL_MINUTES * 60_000 },
    // The privacy notice's promise: advice requests are deleted this long after the answer.
    adviceRetentionMonths: env.ADVICE_RETENTION_MONTHS,
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Parses the environment once; stops with a readable message when it is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return toConfig(parsed.data);
}

/**
 * The server's configuration: NODE_ENV must be said, so that a public server
 * never runs with development's defaults (a known session secret, stack traces,
 * demo data, the embedded database) because somebody forgot it.
 * `npm start` and `npm run dev` say "development" unless told otherwise.
 */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (!env.NODE_ENV) {
    throw new Error(
      "Invalid configuration:\n  NODE_ENV: required (development or production); npm start sets development",
    );
  }
  return loadConfig(env);
}

/** Configuration for tests and tools that build the app without the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), ...overrides };
}
