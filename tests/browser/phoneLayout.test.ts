import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";
import { SiteHeader } from "./pages/SiteHeader.js";

// Every page on a phone (320 and 390 px) and a tablet (768 px), in Italian and English:
// nothing scrolls sideways, the main menu opens from the header with one tap and shows
// every link, the sign-in and the language switch stay inside the screen, and the
// header's and the area tabs' targets are at least 24×24 px. Public pages also without JavaScript.
// axe audits every page at 390 px (the width the issue was seen at); at 320 and 768 px
// the layout checks alone run, which keeps the file within a few minutes.
const AUDITED_WIDTH = 390;
const WIDTHS = [320, 390, 768];
const LANGS = ["it", "en"] as const;

const session = useBrowserSession();
let organizationSlug = "";
let applicationId = 0;
const accounts = { company: "", staff: "" };

beforeAll(async () => {
  const prisma = session.ctx.db.prisma;
  const organization = await prisma.organization.findFirstOrThrow({
    where: { registryStatus: "REGISTERED" },
    orderBy: { id: "asc" },
  });
  organizationSlug = organization.slug;
  accounts.company = (await buildCompanyUser(prisma, organization.id)).email;
  accounts.staff = (await buildUser(prisma, "ADMIN", "Amministratrice Telefonica")).email;
  applicationId = (await prisma.application.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
});

// One page of each kind (layouts differ by kind, not by page): the full set took over 20 minutes.
const publicPages = () => [
  "/",
  "/registro?q=bambini",
  `/registro/${organizationSlug}`,
  "/mappa",
  "/eventi",
  "/statistiche",
  "/accedi",
];
const companyPages = ["/impresa", "/impresa/organizzazione", "/impresa/reti"];
const staffPages = () => [
  "/admin/domande",
  `/admin/domande/${applicationId}`,
  "/admin/registro-attivita",
  "/admin/utenti",
];

async function logIn(page: Page, email: string) {
  const pages = new AccountPages(page, session.baseUrl);
  await (email === accounts.staff ? pages.logInAsStaff(email, TEST_PASSWORD) : pages.logIn(email, TEST_PASSWORD));
}

/** Checks the layout of the page shown (softly: one run lists every problem), then audits it with axe at 390 px. */
async function checkLayout(page: Page, name: string) {
  const header = new SiteHeader(page);
  const overflow = await header.horizontalOverflow();
  expect
    .soft(overflow, `${name} scrolls sideways by ${overflow} px: ${(await header.overflowingElements()).join(", ")}`)
    .toBeLessThanOrEqual(0);

  expect.soft((await header.boxes(header.account)).length, `${name}: sign-in (or logout) shown`).toBe(1);
  expect
    .soft(await header.outsideWindow(header.account), `${name}: sign-in (or logout) outside the screen`)
    .toEqual([]);
  expect.soft((await header.boxes(header.otherLanguage)).length, `${name}: language switch shown`).toBe(1);
  expect
    .soft(await header.outsideWindow(header.otherLanguage), `${name}: language switch outside the screen`)
    .toEqual([]);

  const expected = await header.expectedMenuHrefs();
  const links = await header.openMenu();
  expect
    .soft(await header.visibleHrefs(links), `${name}: the main menu's links`)
    .toEqual(expect.arrayContaining(expected));
  expect.soft(await header.outsideWindow(links), `${name}: menu links outside the screen`).toEqual([]);
  expect
    .soft(await header.tooSmallToTap(header.navigationTargets()), `${name}: targets smaller than 24×24 px`)
    .toEqual([]);
  await header.closeMenu();
  if (page.viewportSize()?.width === AUDITED_WIDTH) await audit(page, name);
}

async function visitAll(options: BrowserContextOptions, paths: string[], label: string, account?: string) {
  const page = await session.newPage(options);
  if (account) await logIn(page, account);
  for (const lang of LANGS)
    for (const path of paths) {
      await page.goto(`${session.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      const slug = path.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "-") || "home";
      await checkLayout(page, `${label}-${slug}-${lang}`);
    }
}

for (const width of WIDTHS) {
  const viewport = { width, height: 800 };
  describe(`at ${width} px`, () => {
    it("public pages, with JavaScript", () => visitAll({ viewport }, publicPages(), `phone${width}`), 600_000);
    it(
      "public pages, without JavaScript",
      () => visitAll({ viewport, javaScriptEnabled: false }, publicPages(), `phone${width}-nojs`),
      600_000,
    );
    it("the company area", () => visitAll({ viewport }, companyPages, `phone${width}`, accounts.company), 600_000);
    it("the staff back office", () => visitAll({ viewport }, staffPages(), `phone${width}`, accounts.staff), 600_000);
  });
}
