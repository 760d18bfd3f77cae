import type { Locator, Page } from "playwright-core";

/** `/admin/domande/:id`: what the company sent, and the reviewer's decisions. */
export class AdminApplicationPage {
  readonly status: Locator;
  readonly outcome: Locator;

  constructor(private readonly page: Page) {
    this.status = page.locator("#stato-domanda");
    this.outcome = page.locator("#esito");
  }

  async takeOn() {
    await this.page.getByRole("button", { name: "Prendi in carico" }).click();
    await this.page.waitForLoadState();
  }

  async requestChanges(comment: string) {
    await this.page.getByLabel("Integrazioni da richiedere").fill(comment);
    await this.page.getByRole("button", { name: "Richiedi integrazioni" }).click();
    await this.page.waitForLoadState();
  }

  async approve() {
    await this.page.getByRole("button", { name: "Approva" }).click();
    await this.page.waitForLoadState();
  }
}
