import type { Page } from "playwright-core";

/** Bootstrap Italia draws checkboxes over their inputs: a user clicks the label. */
async function tick(page: Page, label: string | RegExp) {
  await page.locator("label.form-check-label").filter({ hasText: label }).click();
}

/** `/registrati`, `/accedi`: a representative's account. */
export class AccountPages {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async signUp(name: string, email: string, password: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.getByRole("link", { name: "Registrati", exact: true }).first().click();
    await this.page.getByLabel("Nome e cognome").fill(name);
    await this.page.getByLabel("Indirizzo email").fill(email);
    await this.page.getByLabel(/^Password/).fill(password);
    await tick(this.page, /Ho letto l'informativa privacy/);
    await this.page.getByRole("button", { name: "Crea l'account" }).click();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/accedi`);
    await this.page.getByLabel("Indirizzo email").fill(email);
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.locator("main").getByRole("button", { name: "Accedi" }).click();
    await this.page.waitForURL(/\/impresa$/);
  }
}

/** `/impresa/...`: the organization form, a measure form and the application page. */
export class CompanyArea {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async fillOrganization(fields: {
    name: string;
    vatNumber: string;
    employees: string;
    address: string;
    comune: string;
    description: string;
  }): Promise<void> {
    await this.page.getByRole("link", { name: "Descrivi la tua organizzazione" }).click();
    await this.page.getByLabel("Ragione sociale").fill(fields.name);
    await this.page.getByLabel("Forma giuridica").fill("S.r.l.");
    await this.page.getByLabel("Partita IVA", { exact: true }).fill(fields.vatNumber);
    await this.page.getByLabel("Settore di attività (sezione ATECO)").selectOption("C");
    await this.page.getByLabel("Numero di addetti").fill(fields.employees);
    await this.page.getByLabel("Indirizzo della sede").fill(fields.address);
    await this.page.getByLabel("Comune", { exact: true }).selectOption({ label: fields.comune });
    await this.page.getByLabel("Email di contatto").fill("info@esempio.it");
    await this.page.getByLabel("Descrizione dell'organizzazione").fill(fields.description);
    await this.page.getByLabel("Misure di welfare").selectOption("ACTIVE");
  }

  async saveDraft(): Promise<void> {
    await this.page.getByRole("button", { name: "Salva la bozza" }).click();
    await this.page.waitForURL(/\/impresa\?salvato=/);
  }

  async addMeasure(title: string): Promise<void> {
    await this.page.getByRole("link", { name: "Aggiungi una misura" }).click();
    await this.page.getByLabel("Titolo della misura").fill(title);
    await this.page
      .getByLabel("Descrizione", { exact: true })
      .fill("Posti al nido per i figli dei dipendenti e delle famiglie del quartiere.");
    await this.page.getByLabel("Categoria").selectOption("MINORI");
    await this.page.getByLabel("Stato", { exact: true }).selectOption("ACTIVE");
    await tick(this.page, /^Dipendenti$/);
    await tick(this.page, /^Cittadini del territorio$/);
    await tick(this.page, "La misura è aperta anche ai cittadini del territorio");
    await this.page.getByLabel("Come accedere (condizioni e modalità)").fill("Domanda alla segreteria del nido.");
  }

  async openApplication(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/impresa/domanda`);
  }

  async submitApplication(): Promise<void> {
    await this.page.getByRole("button", { name: "Invia la domanda" }).click();
    await this.page.waitForURL(/\/impresa\/domanda\?inviata=1/);
  }
}
