import { describe, expect, it } from "vitest";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages, CompanyArea } from "./pages/CompanyPages.js";
import { nextVatNumber } from "../factories/organizationFactory.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { approveSubmitted } from "../helpers/approve.js";

const session = useBrowserSession();

describe("a company representative", () => {
  it("signs up and submits an application with a measure", async () => {
    const page = await session.newPage();
    const accounts = new AccountPages(page, session.baseUrl);
    const email = "laura@cooperativa-navile.example";
    const password = "Una-password-lunga-1";

    await accounts.signUp("Laura Fabbri", email, password);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toBe("Controlla la tua casella di posta");
    await audit(page, "impresa-01-registrazione-inviata");

    await page.goto(`${session.baseUrl}${linkIn((await lastMailTo(session.ctx.db.prisma, email)).text)}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Indirizzo email confermato");
    await audit(page, "impresa-02-email-confermata");

    await accounts.logIn(email, password);
    await audit(page, "impresa-03-area-imprese");

    const area = new CompanyArea(page, session.baseUrl);
    await area.fillOrganization({
      name: "Cooperativa Navile Servizi",
      vatNumber: nextVatNumber(),
      employees: "18",
      address: "Via Gobetti 52",
      comune: "Bologna",
      description: "Cooperativa sociale che gestisce servizi educativi nel quartiere Navile.",
    });
    // The map places the seat: a click writes the coordinates into the fields.
    await page.locator("#mappa-posizione").click({ position: { x: 200, y: 120 } });
    expect(await page.getByLabel("Latitudine").inputValue()).toMatch(/^44\.\d{6}$/);
    await audit(page, "impresa-04-organizzazione");
    await area.saveDraft();
    await audit(page, "impresa-05-bozza-salvata");

    await area.addMeasure("Nido aperto al quartiere");
    await audit(page, "impresa-06-misura");
    await area.saveDraft();
    expect(await page.locator("main").innerText()).toContain("Nido aperto al quartiere");

    await area.openApplication();
    await audit(page, "impresa-07-domanda");
    await area.submitApplication();
    expect(await page.locator("main").innerText()).toContain("Domanda inviata");
    await audit(page, "impresa-08-domanda-inviata");

    // After approval an edit becomes a revision, compared with what is online.
    const { organizationId } = await session.ctx.db.prisma.user.findUniqueOrThrow({ where: { email } });
    await approveSubmitted(session.ctx, organizationId!);
    await page.goto(`${session.baseUrl}/impresa`);
    await audit(page, "impresa-09-iscritta");
    await page.getByRole("link", { name: "Modifica i dati dell'organizzazione" }).click();
    await page.getByLabel("Ragione sociale").fill("Cooperativa Navile Servizi Impresa Sociale");
    await area.saveDraft();
    await page.getByRole("link", { name: "Confronta i dati pubblicati con le modifiche in attesa" }).click();
    expect(await page.locator("main").innerText()).toContain("Cooperativa Navile Servizi Impresa Sociale");
    await audit(page, "impresa-10-revisione");
  });

  it("sees errors beside the fields when the sign-up form is wrong", async () => {
    const page = await session.newPage();
    await page.goto(`${session.baseUrl}/registrati`);
    await page.getByLabel("Indirizzo email").fill("non-valida");
    await page.getByRole("button", { name: "Crea l'account" }).click();
    expect(await page.locator("#riepilogo-errori").innerText()).toContain("Questo campo è obbligatorio.");
    expect(await page.getByLabel("Indirizzo email").inputValue()).toBe("non-valida");
    await audit(page, "impresa-00-registrazione-errori");
  });
});
