import type { Locator, Page } from "playwright-core";

/** `/registro`: the search form and its results, all parameters in the URL. */
export class RegistrySearchPage {
  readonly form: Locator;
  readonly results: Locator;
  readonly resultCount: Locator;
  readonly errorSummary: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.form = page.getByRole("search");
    this.results = page.locator("ol.results > li");
    this.resultCount = page.locator("#risultati");
    this.errorSummary = page.locator("#riepilogo-errori");
  }

  /** Opens /registro, optionally with a query string ("?vicino=037006"). */
  async goto(query = ""): Promise<this> {
    await this.page.goto(`${this.baseUrl}/registro${query}`);
    return this;
  }

  async fillText(text: string): Promise<void> {
    await this.form.locator("#campo-q").fill(text);
  }

  /** "Vicino a": the comune the distances are measured from, by its name. */
  async chooseNear(comune: string): Promise<void> {
    await this.form.locator("#campo-vicino").selectOption({ label: comune });
  }

  async chooseRadius(km: number): Promise<void> {
    await this.form.locator("#campo-raggio").selectOption(String(km));
  }

  async submit(): Promise<void> {
    await Promise.all([this.page.waitForURL(/\/registro\?/), this.form.locator('button[type="submit"]').click()]);
  }

  selectedNear(): Promise<string> {
    return this.form.locator("#campo-vicino").inputValue();
  }

  selectedRadius(): Promise<string> {
    return this.form.locator("#campo-raggio").inputValue();
  }

  resultNames(): Promise<string[]> {
    return this.results.locator(".card-title a").allInnerTexts();
  }

  /** Distances of the results in km, in page order ("a 3,2 km" → 3.2). */
  async distances(): Promise<number[]> {
    const texts = await this.results.locator(".distance").allInnerTexts();
    return texts.map((text) => {
      const number = /(\d+(?:[.,]\d+)?)\s*km/.exec(text)?.[1];
      if (!number) throw new Error(`No distance in "${text}"`);
      return Number(number.replace(",", "."));
    });
  }

  async openResult(name: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/\/registro\/[^/?]+$/),
      this.results.locator(".card-title").getByRole("link", { name, exact: true }).click(),
    ]);
  }

  /** The link that shows the same search on /mappa. */
  async openMap(): Promise<void> {
    await Promise.all([this.page.waitForURL(/\/mappa\?/), this.page.locator('a[href^="/mappa?"]').first().click()]);
  }
}
