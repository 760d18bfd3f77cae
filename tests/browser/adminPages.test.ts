import { expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// An admin walks through every back-office page on the demo register
// (which holds a pending revision), with an axe audit and a screenshot of each.
const session = useBrowserSession();

it("shows every back-office page accessibly, in Italian and English", async () => {
  const prisma = session.ctx.db.prisma;
  const admin = await buildUser(prisma, "ADMIN", "Anna Amministratrice");
  const organization = await prisma.organization.findFirstOrThrow({ where: { registryStatus: "REGISTERED" } });
  await prisma.problemReport.create({
    data: { organizationId: organization.id, message: "Il numero di telefono non risponde più." },
  });

  const page = await session.newPage();
  await new AccountPages(page, session.baseUrl).logInAsStaff(admin.email, TEST_PASSWORD);

  await page.getByRole("link", { name: "Modifiche di imprese iscritte" }).click();
  const revision = page.locator("table a").first();
  expect(await revision.count()).toBe(1);
  await revision.click();
  expect(await page.locator("main").innerText()).toContain("Modifiche rispetto alla versione approvata");
  await audit(page, "admin-domanda-modifica");

  await page.goto(`${session.baseUrl}/admin/imprese?da-verificare=1`);
  await audit(page, "admin-imprese-da-verificare");

  await page.goto(`${session.baseUrl}/admin/segnalazioni`);
  await page
    .getByRole("link")
    .filter({ hasText: /\d{2}\/\d{2}\/\d{2}/ })
    .first()
    .click();
  await page.getByLabel("Stato").selectOption("IN_PROGRESS");
  await page.getByLabel("Note interne").fill("Chiesto all'impresa di aggiornare il recapito.");
  await page.getByRole("button", { name: "Salva" }).click();
  expect(await page.locator("#esito").innerText()).toContain("aggiornata");
  await audit(page, "admin-segnalazione");

  await page.goto(`${session.baseUrl}/admin/utenti`);
  await page.getByRole("button", { name: "Invia l'invito" }).click();
  expect(await page.locator("#riepilogo-errori").innerText()).toContain("errori");
  await audit(page, "admin-utenti-errori");

  await page.goto(`${session.baseUrl}/admin/registro-attivita?tipo=ProblemReport`);
  expect(await page.locator("main").innerText()).toContain("report.update");
  await audit(page, "admin-registro-attivita-filtrato");

  await page.goto(`${session.baseUrl}/admin?lang=en`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Staff area");
  await audit(page, "admin-panoramica-en");
}, 180_000);
