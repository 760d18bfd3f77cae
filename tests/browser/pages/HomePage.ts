import type { Locator, Page } from "playwright-core";

/** `/`: what the register is, a few figures and the way into the search. */
export class HomePage {
  readonly heading: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole("heading", { level: 1 });
  }

  async goto(query = ""): Promise<this> {
    await this.page.goto(`${this.baseUrl}/${query}`);
    return this;
  }

  /** Follows the main navigation to /registro. */
  async openRegistry(): Promise<void> {
    await this.page
      .getByRole("navigation")
      .first()
      .getByRole("link", { name: /registro|register/i })
      .first()
      .click();
    await this.page.waitForURL(/\/registro(\?|$)/);
  }
}
