// One browser session per test file: the app in-process on a free 127.0.0.1 port
// (its own database with the reference and demo data) and one Chromium.
// Every browser context refuses to leave 127.0.0.1: requests to the configured
// map tile server get a transparent PNG (and are counted in `tileRequests`),
// anything else from outside is aborted and recorded in `blockedRequests`.
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { seedDemoData } from "../../../src/db/seed/demoData.js";
import { createTestContext, type TestContext } from "../../helpers/testApp.js";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../screenshots");
/** 1×1 transparent PNG, served in place of every map tile. */
const TRANSPARENT_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

export interface BrowserSession {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  ctx: TestContext;
  browser: Browser;
  /** Map tiles asked for, answered locally with a transparent PNG. */
  tileRequests: string[];
  /** Other requests that tried to leave 127.0.0.1: tests expect none. */
  blockedRequests: string[];
  /** A context that stays on 127.0.0.1, Italian browser by default. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context; closed with the session. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The session of a test file, registered at the top of the file: started
 * before its tests (before the file's own beforeAll hooks, which may use it),
 * closed after them, and after each test no request may have tried to leave
 * 127.0.0.1. The object returned reads the started session.
 */
export function useBrowserSession(): BrowserSession {
  let current: BrowserSession | undefined;
  const started = () => {
    if (!current) throw new Error("The browser session is started in beforeAll: use it inside hooks and tests");
    return current;
  };
  beforeAll(async () => {
    current = await startBrowserSession();
  });
  afterAll(() => current?.close());
  afterEach(() => expect(started().blockedRequests.splice(0), "requests that tried to leave 127.0.0.1").toEqual([]));
  return {
    get baseUrl() {
      return started().baseUrl;
    },
    get ctx() {
      return started().ctx;
    },
    get browser() {
      return started().browser;
    },
    get tileRequests() {
      return started().tileRequests;
    },
    get blockedRequests() {
      return started().blockedRequests;
    },
    newContext: (options) => started().newContext(options),
    newPage: (options) => started().newPage(options),
    close: () => started().close(),
  };
}

/** useBrowserSession's start: the app on a free port, its database seeded, one Chromium. */
async function startBrowserSession(): Promise<BrowserSession> {
  const ctx = await createTestContext();
  const closers: (() => Promise<unknown>)[] = [() => ctx.db.close()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    await seedDemoData(ctx.db.prisma);
    const server = await listen(ctx.app);
    closers.push(() => closeServer(server));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    closers.push(() => browser.close());
    const tileRequests: string[] = [];
    const blockedRequests: string[] = [];
    const isTile = tileMatcher(ctx.config.mapTileUrl);

    const newContext = async (options: BrowserContextOptions = {}) => {
      const context = await browser.newContext({ locale: "it-IT", viewport: { width: 1280, height: 900 }, ...options });
      // Fail within a test's time with Playwright's own message, not vitest's timeout.
      context.setDefaultTimeout(15_000);
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1" || url.protocol === "data:") return route.continue();
        if (isTile(url)) {
          tileRequests.push(url.href);
          return route.fulfill({ status: 200, contentType: "image/png", body: TRANSPARENT_PNG });
        }
        blockedRequests.push(url.href);
        return route.abort("blockedbyclient");
      });
      if (options.javaScriptEnabled === false) {
        noScriptTwins.set(context, async () => {
          const twin = await newContext({ ...options, javaScriptEnabled: true });
          // Registered last, so it is asked first.
          await twin.route("**/*", (route) =>
            route.request().resourceType() === "script" ? route.abort("blockedbyclient") : route.fallback(),
          );
          return twin;
        });
      }
      return context;
    };
    const newPage = async (options?: BrowserContextOptions) => (await newContext(options)).newPage();
    return { baseUrl, ctx, browser, tileRequests, blockedRequests, newContext, newPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Tile URL templates may spread requests over subdomains: `{s}.tile.example.org`. */
function tileMatcher(template: string): (url: URL) => boolean {
  const host = new URL(template.replace(/\{[a-z]\}/g, "a")).hostname;
  if (!template.includes("{s}")) return (url) => url.hostname === host;
  const parent = host.slice(host.indexOf("."));
  return (url) => url.hostname.endsWith(parent) && !url.hostname.slice(0, -parent.length).includes(".");
}

function listen(app: TestContext["app"]): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, "127.0.0.1", (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * axe needs JavaScript in the page. A page of a context without JavaScript is
 * audited through its twin: the same URL (pages are GET) in a context that
 * blocks every script, so the DOM is the one a browser without JavaScript gets.
 */
const noScriptTwins = new WeakMap<BrowserContext, () => Promise<BrowserContext>>();

async function axeViolations(page: Page) {
  const twin = noScriptTwins.get(page.context());
  if (!twin) return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const context = await twin();
  try {
    const twinPage = await context.newPage();
    await twinPage.goto(page.url());
    return await new AxeBuilder({ page: twinPage }).withTags(AXE_TAGS).analyze();
  } finally {
    await context.close();
  }
}

/**
 * Saves a full-page screenshot to tests/screenshots/<name>.png, then runs axe
 * (WCAG 2.1 A and AA) and expects no violations. Each violation is reported
 * with its rule, impact, element and axe's own advice, so a failure says what
 * to fix and where.
 */
export async function audit(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const { violations } = await axeViolations(page);
  const readable = violations.flatMap((v) =>
    v.nodes.map((node) =>
      [
        `${v.id} [${v.impact ?? "?"}] ${node.target.join(" ")}: ${v.help}`,
        `    element: ${node.html.slice(0, 200)}`,
        `    ${(node.failureSummary ?? "").replace(/\s*\n\s*/g, " ")}`,
        `    see ${v.helpUrl.replace(/\?.*$/, "")}`,
      ].join("\n"),
    ),
  );
  const report = `axe found ${readable.length} violation(s) on ${name} (${page.url()}):\n${readable.join("\n")}\n`;
  // Soft: the test goes on, so one run lists the violations of every page it visits.
  expect.soft(readable.length, report).toBe(0);
}
