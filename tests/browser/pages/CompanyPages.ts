import type { Page } from "playwright-core";
import { currentCode, nextCode, rememberAuthenticator } from "../../helpers/authenticator.js";

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
    await this.typePassword(email, password);
    await this.page.waitForURL(/\/impresa$/);
  }

  /**
   * A staff member logs in: the password, then the set-up of the authenticator
   * app the first time (its key read from the page, as a person types it into
   * the app) or its code; ends on /admin. `audit` sees the set-up pages.
   */
  async logInAsStaff(email: string, password: string, audit?: (page: Page, name: string) => Promise<void>) {
    await this.typePassword(email, password);
    await this.page.waitForURL(/\/(account\/due-fattori|accedi\/codice)$/);
    if (this.page.url().endsWith("/account/due-fattori")) await this.enrol(email, audit);
    else await this.typeCode(email, audit);
    await this.page.waitForURL(`${this.baseUrl}/admin`);
  }

  /** A local authority's officer logs in (no second factor unless they turned it on); ends on /ente. */
  async logInAsLocalAuthority(email: string, password: string): Promise<void> {
    await this.typePassword(email, password);
    await this.page.waitForURL(`${this.baseUrl}/ente`);
  }

  private async typePassword(email: string, password: string) {
    await this.page.goto(`${this.baseUrl}/accedi`);
    await this.page.getByLabel("Indirizzo email").fill(email);
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.locator("main").getByRole("button", { name: "Accedi" }).click();
  }

  private async enrol(email: string, audit?: (page: Page, name: string) => Promise<void>) {
    await audit?.(this.page, "due-fattori-attivazione");
    const secret = (await this.page.locator("#chiave-segreta").innerText()).replace(/\s/g, "");
    const { code, step } = currentCode(secret);
    await this.page.getByLabel("Codice dell'app").fill(code);
    await this.page.getByRole("button", { name: "Attiva", exact: true }).click();
    const recoveryCodes = await this.page.locator("#codici-di-recupero code").allInnerTexts();
    rememberAuthenticator(email, secret, step, recoveryCodes);
    await audit?.(this.page, "due-fattori-codici-di-recupero");
    await this.page.getByRole("link", { name: "Ho salvato i codici, continua" }).click();
  }

  private async typeCode(email: string, audit?: (page: Page, name: string) => Promise<void>) {
    await audit?.(this.page, "accesso-codice");
    const typed = nextCode(email);
    if ("code" in typed) {
      await this.page.getByLabel("Codice dell'app").fill(typed.code);
      await this.page.getByRole("button", { name: "Verifica e accedi" }).click();
      return;
    }
    await this.page.getByText("Usa un codice di recupero").click();
    await this.page.getByLabel("Codice di recupero").fill(typed.recoveryCode);
    await this.page.getByRole("button", { name: "Accedi con il codice di recupero" }).click();
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
