import { expect, it } from "vitest";
import { adviceReferencePattern } from "../../src/domain/referenceCode.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { lastMailTo } from "../helpers/outbox.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// A citizen reads the guide and the events, asks the advisory service a question;
// a reviewer answers it in the back office. Axe audit and screenshot of every page.
const session = useBrowserSession();

it("a citizen reads the guide and the events and asks for advice", async () => {
  const page = await session.newPage();
  await page.goto(`${session.baseUrl}/`);
  await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Guida" }).click();
  await page.waitForURL(`${session.baseUrl}/guida`);
  expect(await page.getByRole("heading", { level: 2, name: "Welfare territoriale o benefit aziendale?" }).count()).toBe(
    1,
  );
  await audit(page, "guida");

  await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Eventi" }).click();
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Eventi e incontri");
  expect(await page.locator("#prossimi ~ ul li").count()).toBeGreaterThan(0);
  expect(await page.getByRole("table").innerText()).toContain("Partecipanti in media");
  await audit(page, "eventi");

  await page.locator("section[aria-labelledby=passati] h3 a").first().click();
  expect(page.url()).toMatch(/\/eventi\/\d{4}-\d{2}-\d{2}-/);
  expect(await page.getByRole("link", { name: "Aggiungi al calendario (.ics)" }).count()).toBe(1);
  await audit(page, "evento");

  await page.goto(`${session.baseUrl}/consulenza`);
  await page.getByRole("button", { name: "Invia la domanda" }).click();
  expect(await page.locator("#riepilogo-errori").innerText()).toContain("errori");
  await audit(page, "consulenza-errori");

  await page.getByLabel("Nome e cognome").fill("Giovanna Neri");
  await page.getByLabel("Indirizzo email").fill("giovanna.neri@example.org");
  await page.getByLabel("Comune in cui vivi").selectOption({ label: "Casalecchio di Reno" });
  await page.getByLabel("Argomento").selectOption({ label: "Cura dei minori e infanzia" });
  await page.getByLabel("La tua domanda").fill("Esistono centri estivi aziendali aperti ai bambini del mio comune?");
  await page
    .locator("label.form-check-label")
    .filter({ hasText: /Ho letto l'informativa privacy/ })
    .click();
  await audit(page, "consulenza");
  await page.getByRole("button", { name: "Invia la domanda" }).click();
  await page.waitForURL(`${session.baseUrl}/consulenza/inviata`);
  expect(await page.locator("#codice-richiesta").innerText()).toMatch(adviceReferencePattern);
  await audit(page, "consulenza-inviata");

  await page.goto(`${session.baseUrl}/consulenza?lang=en`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Ask for advice");
  await audit(page, "consulenza-en");
}, 120_000);

it("staff answer the question in the back office", async () => {
  const prisma = session.ctx.db.prisma;
  const reviewer = await buildUser(prisma, "REVIEWER", "Rita Istruttrice");
  const question = await prisma.adviceRequest.findFirstOrThrow({ where: { email: "giovanna.neri@example.org" } });

  const page = await session.newPage();
  await new AccountPages(page, session.baseUrl).logInAsStaff(reviewer.email, TEST_PASSWORD);

  await page.getByRole("navigation", { name: "Area riservata" }).getByRole("link", { name: "Consulenze" }).click();
  await page.getByLabel("Stato").selectOption("NEW");
  await page.getByRole("button", { name: "Filtra" }).click();
  await audit(page, "admin-consulenze");
  await page.getByRole("link", { name: question.referenceCode }).click();
  await page
    .getByLabel("Testo della risposta")
    .fill("A Casalecchio di Reno la rete «Tate in Rete» organizza centri estivi aperti ai residenti.");
  await page.getByRole("button", { name: "Invia la risposta" }).click();
  expect(await page.locator("#esito").innerText()).toContain("Risposta inviata al cittadino.");
  await audit(page, "admin-consulenza-risposta");
  const mail = await lastMailTo(prisma, "giovanna.neri@example.org");
  expect(mail.subject).toContain(question.referenceCode);
  expect((await prisma.adviceRequest.findUniqueOrThrow({ where: { id: question.id } })).status).toBe("ANSWERED");

  await page.goto(`${session.baseUrl}/admin/eventi`);
  await audit(page, "admin-eventi");
  await page.getByRole("link", { name: "Registra un evento" }).click();
  await page.getByRole("button", { name: "Salva l'evento" }).click();
  expect(await page.locator("#riepilogo-errori").innerText()).toContain("errori");
  await audit(page, "admin-evento-errori");
  await page.goto(`${session.baseUrl}/admin/contributi/nuovo`);
  await page.getByRole("combobox", { name: "Tipo di contributo" }).selectOption("MONEY");
  await page.getByLabel("Importo in euro").fill("12,345");
  await page.getByRole("button", { name: "Salva il contributo" }).click();
  expect(await page.locator("#campo-amount-errore").innerText()).toContain("Scrivi un importo in euro");
  await audit(page, "admin-contributo-errori");
  await page.goto(`${session.baseUrl}/admin/contributi/rendiconto`);
  expect(await page.getByRole("table").innerText()).toContain("Regione Emilia-Romagna");
  await audit(page, "admin-rendiconto");
}, 120_000);
