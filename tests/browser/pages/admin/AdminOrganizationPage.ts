import type { Page } from "playwright-core";

/** `/admin/imprese/:id`: verification, suspension and classification of measures. */
export class AdminOrganizationPage {
  constructor(private readonly page: Page) {}

  /** Classifies the measure titled `title` (each measure has its own form, in its own section). */
  async classify(title: string, outcome: string, criteria: string[], rationale: string) {
    const section = this.page.locator("section.card", { has: this.page.getByRole("heading", { name: title }) });
    // Bootstrap Italia draws radios and checkboxes on their labels: click those, as a user does.
    await section.locator("label", { hasText: outcome }).click();
    for (const criterion of criteria) await section.locator("label", { hasText: criterion }).click();
    await section.getByLabel("Motivazione").fill(rationale);
    await section.getByRole("button", { name: "Registra la classificazione" }).click();
    await this.page.waitForLoadState();
  }

  currentOutcome(title: string) {
    return this.page
      .locator("section.card", { has: this.page.getByRole("heading", { name: title }) })
      .locator("[data-outcome]")
      .innerText();
  }
}
