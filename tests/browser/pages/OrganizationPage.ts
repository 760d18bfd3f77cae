import type { Locator, Page } from "playwright-core";

/** `/registro/<slug>`: one organization of the register and its measures. */
export class OrganizationPage {
  readonly name: Locator;
  readonly main: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.name = page.getByRole("heading", { level: 1 });
    this.main = page.locator("main");
  }

  async goto(slug: string): Promise<this> {
    await this.page.goto(`${this.baseUrl}/registro/${slug}`);
    return this;
  }

  /** The registry number as printed on the page ("RWB-2025-0001"). */
  async registryNumber(): Promise<string | null> {
    const text = await this.main.innerText();
    return /RWB-[\w-]+/.exec(text)?.[0] ?? null;
  }

  /** Titles of the measures, in page order. */
  measureTitles(): Promise<string[]> {
    return this.main.locator("article.measure h3").allInnerTexts();
  }
}
