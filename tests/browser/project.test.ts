import { expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { PNG } from "../helpers/multipart.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// The project page and the news (demo data: the project sheet's partners and
// referents, four published items and a draft), as a visitor reads them and as
// staff write and publish an item with an image; axe audits every page.
const session = useBrowserSession();

it("shows the project, its referents and partners, and the news, in Italian and English", async () => {
  const page = await session.newPage();
  await page.goto(`${session.baseUrl}/patto`);
  await page.locator("#link-progetto").getByRole("link").click();
  await page.waitForURL(`${session.baseUrl}/progetto`);
  const main = await page.locator("main").innerText();
  expect(main).toContain("Patrizia Paganini");
  expect(await page.locator('section[aria-labelledby="partner-THIRD_SECTOR"]').innerText()).toContain(
    "Fondazione ASPHI",
  );
  await audit(page, "progetto");
  await page.goto(`${session.baseUrl}/progetto?lang=en`);
  expect(await page.locator("h1").innerText()).toBe("The project");
  await audit(page, "progetto-en");

  await page.goto(`${session.baseUrl}/?lang=it`);
  await page.locator("#footer").getByRole("link", { name: "Notizie e buone pratiche" }).click();
  await page.waitForURL(`${session.baseUrl}/notizie`);
  expect(await page.locator("main").innerText()).not.toContain("Seminario sulle reti"); // a draft
  await audit(page, "notizie");
  await page.getByRole("link", { name: "Buone pratiche", exact: true }).click();
  await page.waitForURL(`${session.baseUrl}/notizie?tipo=buona-pratica`);
  await page.getByRole("link", { name: "L'assistente familiare condivisa" }).click();
  await page.waitForURL(/\/notizie\/l-assistente-familiare-condivisa$/);
  await audit(page, "notizia");
  await page.goto(`${session.baseUrl}/notizie?lang=en`);
  await audit(page, "notizie-en");
});

// A required field's label ends with a visual "*" (aria-hidden): its accessible name is the bare
// label, which getByRole matches exactly, while getByLabel's exact match reads the "*" too.
it("lets staff write a news item with an image, fix the errors and publish it", async () => {
  const reviewer = await buildUser(session.ctx.db.prisma, "REVIEWER", "Rita Redattrice");
  const staff = await session.newPage();
  await new AccountPages(staff, session.baseUrl).logInAsStaff(reviewer.email, TEST_PASSWORD);
  await staff.locator(".admin-nav").getByRole("link", { name: "Notizie", exact: true }).click();
  await staff.waitForURL(`${session.baseUrl}/admin/notizie`);
  await audit(staff, "admin-notizie");
  await staff.getByRole("link", { name: "Scrivi una notizia" }).click();
  await staff.getByRole("textbox", { name: "Titolo", exact: true }).fill("Un nido aperto al quartiere");
  await staff.locator("#campo-image").setInputFiles({ name: "nido.png", mimeType: "image/png", buffer: PNG });
  await staff.getByRole("button", { name: "Salva la bozza" }).click();
  expect(await staff.locator("#riepilogo-errori").innerText()).toContain("Descrivi l'immagine");
  expect(await staff.getByRole("textbox", { name: "Titolo", exact: true }).inputValue()).toBe(
    "Un nido aperto al quartiere",
  );
  await audit(staff, "admin-notizia-errori");

  await staff
    .getByRole("textbox", { name: "Sommario", exact: true })
    .fill("Il nido aziendale accoglie i bambini del quartiere.");
  await staff
    .getByRole("textbox", { name: "Testo", exact: true })
    .fill("Da settembre il nido è aperto anche alle famiglie vicine.");
  await staff.getByLabel("Testo alternativo dell'immagine", { exact: true }).fill("Bambini che giocano in giardino");
  await staff.locator("#campo-image").setInputFiles({ name: "nido.png", mimeType: "image/png", buffer: PNG });
  await staff.getByRole("button", { name: "Salva la bozza" }).click();
  await staff.waitForURL(/\/admin\/notizie\/\d+\?esito=creata$/);
  await audit(staff, "admin-notizia-bozza");
  await staff.getByRole("button", { name: "Pubblica la notizia" }).click();
  await staff.waitForURL(/esito=pubblicata$/);

  const visitor = await session.newPage();
  await visitor.goto(`${session.baseUrl}/notizie`);
  await visitor.getByRole("link", { name: "Un nido aperto al quartiere" }).click();
  await visitor.waitForURL(/\/notizie\/un-nido-aperto-al-quartiere$/);
  expect(await visitor.getByRole("img", { name: "Bambini che giocano in giardino" }).count()).toBe(1);
  await audit(visitor, "notizia-con-immagine");
}, 120_000); // five pages with an axe audit each, on a machine that may be busy

it("lets an admin edit the project page and its partners", async () => {
  const admin = await buildUser(session.ctx.db.prisma, "ADMIN", "Aldo Amministratore");
  const page = await session.newPage();
  await new AccountPages(page, session.baseUrl).logInAsStaff(admin.email, TEST_PASSWORD);
  await page.locator(".admin-nav").getByRole("link", { name: "Impostazioni" }).click();
  await page.getByRole("link", { name: "Pagina del progetto" }).click();
  await page.waitForURL(`${session.baseUrl}/admin/impostazioni/progetto`);
  await audit(page, "admin-progetto");
  await page.getByRole("link", { name: "Aggiungi un partner" }).click();
  await page.getByRole("textbox", { name: "Nome", exact: true }).fill("Sindacato di Prova");
  await page.getByLabel("Sito web (facoltativo)").fill("non un indirizzo");
  await page.getByRole("button", { name: "Aggiungi un partner" }).click();
  expect(await page.locator("#riepilogo-errori").innerText()).toContain("https://");
  await audit(page, "admin-partner-errori");
});
