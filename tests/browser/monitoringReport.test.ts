import { expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// The yearly monitoring report: a visitor reads the demo data's published report from
// /statistiche (Italian, English, the PDF); an admin writes this year's report (errors
// first), one activity and publishes it. Axe audit of every page.
const session = useBrowserSession();

const thisYear = new Date().getFullYear();

it("reads last year's report from the statistics, in Italian and English, and its PDF", async () => {
  const year = thisYear - 1;
  const page = await session.newPage();
  await page.goto(`${session.baseUrl}/statistiche`);
  await page.getByRole("link", { name: `Rapporto di monitoraggio ${year}` }).click();
  await page.waitForURL(`${session.baseUrl}/statistiche/rapporto/${year}`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(`Rapporto di monitoraggio ${year}`);
  expect(await page.getByRole("heading", { name: "I numeri dell'anno" }).count()).toBe(1);
  await audit(page, "rapporto");

  const pdf = await page.request.get(`${session.baseUrl}/statistiche/rapporto/${year}.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.goto(`${session.baseUrl}/statistiche/rapporto/${year}?lang=en`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(`Monitoring report ${year}`);
  await audit(page, "rapporto-en");
}, 120_000);

it("lets an admin write this year's report, one activity, and publish it", async () => {
  const admin = await buildUser(session.ctx.db.prisma, "ADMIN", "Amministratrice Rapporti");
  const page = await session.newPage();
  await new AccountPages(page, session.baseUrl).logInAsStaff(admin.email, TEST_PASSWORD, audit);
  await page.goto(`${session.baseUrl}/admin/rapporti`);
  await audit(page, "admin-rapporti");
  await page.getByRole("link", { name: "Nuovo rapporto" }).click();
  await page.getByRole("textbox", { name: "Anno", exact: true }).fill(String(thisYear));
  await page.getByRole("button", { name: "Crea il rapporto" }).click();
  expect(await page.locator("#riepilogo-errori").count()).toBe(1);
  expect(await page.getByRole("textbox", { name: "Anno", exact: true }).inputValue()).toBe(String(thisYear));
  await audit(page, "admin-rapporti-nuovo-errori");

  await page.getByRole("textbox", { name: "Sintesi dell'anno (italiano)" }).fill("Un anno di lavoro con le imprese.");
  await page.getByRole("button", { name: "Crea il rapporto" }).click();
  await page.waitForURL(`${session.baseUrl}/admin/rapporti/${thisYear}?esito=creato`);
  await audit(page, "admin-rapporto");

  await page.getByRole("link", { name: "Scrivi: Patto per il welfare condiviso" }).click();
  await page.getByRole("textbox", { name: "Fattori di successo (italiano)" }).fill("Il dialogo con le parti sociali.");
  await audit(page, "admin-rapporto-attivita");
  await page.getByRole("button", { name: "Salva", exact: true }).click();
  await page.waitForURL(`${session.baseUrl}/admin/rapporti/${thisYear}?esito=sezione`);
  await page.getByRole("button", { name: "Pubblica", exact: true }).click();
  await page.waitForURL(`${session.baseUrl}/admin/rapporti/${thisYear}?esito=pubblicato`);

  await page.goto(`${session.baseUrl}/statistiche/rapporto/${thisYear}`);
  expect(await page.locator("main").innerText()).toContain("Il dialogo con le parti sociali.");
}, 180_000);
