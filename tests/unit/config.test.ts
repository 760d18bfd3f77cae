import { describe, expect, it } from "vitest";
import { loadConfig, loadServerConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("has defaults for development", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      embeddedDbDir: "./data/pglite",
      isProduction: false,
    });
  });
  it("refuses to start in production with development's conveniences", () => {
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      DATABASE_URL: "postgres://registro@db.example.it/registro",
      PUBLIC_BASE_URL: "https://registro.example.it",
      OPEN_DATA_IPA_CODE: "cm_bo",
      OPEN_DATA_CONTACT_EMAIL: "opendata@example.it",
    };
    expect(loadConfig(production)).toMatchObject({
      isProduction: true,
      seedDemoData: false,
      host: "0.0.0.0",
      openDataPublisher: { ipaCode: "cm_bo", contactEmail: "opendata@example.it" },
    });
    const required = [
      "SESSION_SECRET",
      "DATABASE_URL",
      "PUBLIC_BASE_URL",
      "OPEN_DATA_IPA_CODE",
      "OPEN_DATA_CONTACT_EMAIL",
    ];
    for (const missing of required) {
      expect(() => loadConfig({ ...production, [missing]: undefined }), missing).toThrow(new RegExp(missing));
    }
    expect(() => loadConfig({ ...production, SEED_DEMO_DATA: "true" })).toThrow(/SEED_DEMO_DATA/);
  });
  it("makes the server say which environment it runs in; development listens on this computer only", () => {
    expect(() => loadServerConfig({})).toThrow(/NODE_ENV/);
    expect(loadServerConfig({ NODE_ENV: "development" })).toMatchObject({ host: "127.0.0.1", seedDemoData: true });
  });
  it("names the open-data publisher with demo values in development, and checks the configured ones", () => {
    expect(loadServerConfig({ NODE_ENV: "development" }).openDataPublisher).toEqual({
      ipaCode: "demo_ipa",
      contactEmail: "open-data@demo.invalid",
    });
    expect(() => loadConfig({ OPEN_DATA_IPA_CODE: "cm:bo" })).toThrow(/OPEN_DATA_IPA_CODE/);
    expect(() => loadConfig({ OPEN_DATA_CONTACT_EMAIL: "opendata" })).toThrow(/OPEN_DATA_CONTACT_EMAIL/);
  });
  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });
  it("reads an empty DATABASE_URL as unset (the embedded database)", () => {
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });
  it("sizes the search cache in megabytes, 0 turning it off", () => {
    expect(loadConfig({}).searchCacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ SEARCH_CACHE_MB: "0" }).searchCacheBytes).toBe(0);
    expect(() => loadConfig({ SEARCH_CACHE_MB: "-1" })).toThrow(/SEARCH_CACHE_MB/);
  });
  it("runs the jobs hourly and keeps advice requests 24 months unless told otherwise", () => {
    expect(loadConfig({}).jobs.verificationEveryMs).toBe(3_600_000);
    expect(loadConfig({ JOBS_INTERVAL_MINUTES: "5" }).jobs.verificationEveryMs).toBe(300_000);
    expect(loadConfig({}).adviceRetentionMonths).toBe(24);
    expect(loadConfig({ ADVICE_RETENTION_MONTHS: "36" }).adviceRetentionMonths).toBe(36);
    expect(() => loadConfig({ ADVICE_RETENTION_MONTHS: "0" })).toThrow(/ADVICE_RETENTION_MONTHS/);
  });
  it("links to the port it listens on while PUBLIC_BASE_URL is unset", () => {
    expect(loadConfig({ PORT: "4321" }).publicBaseUrl).toBe("http://localhost:4321");
    expect(loadConfig({ PORT: "4321", PUBLIC_BASE_URL: "" }).publicBaseUrl).toBe("http://localhost:4321");
    expect(loadConfig({ PORT: "4321", PUBLIC_BASE_URL: "https://registro.example.it/" }).publicBaseUrl).toBe(
      "https://registro.example.it",
    );
  });
  it("names the site's address in the geocoder's default User-Agent, also when PUBLIC_BASE_URL is unset", () => {
    const geocoder = loadConfig({ PORT: "4321", GEOCODER_URL: "http://127.0.0.1:9/" }).geocoder;
    expect(geocoder?.userAgent).toBe("registro-welfare-bologna (http://localhost:4321)");
  });
  it("reads TRUST_PROXY as Express expects it", () => {
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
  });
});
