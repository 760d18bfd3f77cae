import type { Locator, Page } from "playwright-core";

/** Below this width the main menu is the header's "Menu" disclosure; from it up, a row of links. */
export const DESKTOP_WIDTH = 992;
/** WCAG 2.2 target size (minimum): 24 by 24 CSS pixels. */
const MIN_TARGET = 24;

export interface Box {
  what: string;
  left: number;
  right: number;
  width: number;
  height: number;
}

/** The header of every page: main menu, language switch, sign-in (or the signed-in user and "Esci"). */
export class SiteHeader {
  readonly header: Locator;
  readonly menuToggle: Locator;
  readonly otherLanguage: Locator;
  /** "Accedi" for visitors, the logout button for signed-in users. */
  readonly account: Locator;

  constructor(private readonly page: Page) {
    this.header = page.locator("header.site-header");
    this.menuToggle = this.header.locator("summary.site-menu-toggle");
    this.otherLanguage = this.header.locator(".language-switch a[hreflang]");
    this.account = this.header.locator('a[href="/accedi"], form[action="/esci"] button');
  }

  /** How far the document is wider than the window (0 when nothing scrolls sideways). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /** The elements sticking out of the window on the right, to say what overflows. */
  async overflowingElements(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll("body *"))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        // Inside a scrolling box only what escapes its clipping counts (absolutely positioned elements can).
        .filter(
          (e) => !e.closest(".table-responsive, .leaflet-container") || getComputedStyle(e).position === "absolute",
        )
        .slice(0, 5)
        .map(
          (e) =>
            `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}"> right=${Math.round(e.getBoundingClientRect().right)}`,
        ),
    );
  }

  /** The main menu's links as the footer lists them: the menu must offer the same. */
  async expectedMenuHrefs(): Promise<string[]> {
    return this.page
      .locator("footer [data-main-nav] a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  }

  /** Opens the main menu the way a user does (one tap on "Menu" on narrow screens); returns its visible links. */
  async openMenu(): Promise<Locator> {
    const width = this.page.viewportSize()?.width ?? DESKTOP_WIDTH;
    if (width >= DESKTOP_WIDTH) return this.header.locator(".it-header-navbar-wrapper nav a");
    await this.menuToggle.click();
    return this.header.locator(".site-menu-panel a");
  }

  async closeMenu(): Promise<void> {
    if (await this.menuToggle.isVisible()) {
      if ((await this.header.locator("details.site-menu").getAttribute("open")) !== null) await this.menuToggle.click();
    }
  }

  /** Boxes of visible elements, for "inside the window" and "big enough to tap" checks. */
  async boxes(locator: Locator): Promise<Box[]> {
    return locator.evaluateAll((elements) =>
      elements
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
        .map((e) => {
          const r = e.getBoundingClientRect();
          const what = `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
          return { what, left: r.left, right: r.right, width: r.width, height: r.height };
        }),
    );
  }

  /** The hrefs of the visible links among `links`. */
  async visibleHrefs(links: Locator): Promise<string[]> {
    return links.evaluateAll((elements) =>
      elements
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
        .map((e) => e.getAttribute("href") ?? ""),
    );
  }

  /** Visible boxes that stick out of the window. */
  async outsideWindow(locator: Locator): Promise<Box[]> {
    const width = await this.page.evaluate(() => window.innerWidth);
    return (await this.boxes(locator)).filter((b) => b.left < -0.5 || b.right > width + 0.5);
  }

  /** Visible boxes smaller than a 24×24 target. */
  async tooSmallToTap(locator: Locator): Promise<Box[]> {
    return (await this.boxes(locator)).filter((b) => b.width < MIN_TARGET - 0.5 || b.height < MIN_TARGET - 0.5);
  }

  /** The targets of the header and of the area tabs (company area, back office) that a thumb must hit. */
  navigationTargets(): Locator {
    return this.page.locator(
      "header.site-header a, header.site-header button, header.site-header summary, main .nav-tabs a, main .admin-nav a, footer a",
    );
  }
}
