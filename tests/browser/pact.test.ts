import { expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser } from "../factories/territoryFactory.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// A firm of the register asks to sign the Pact, staff confirm, /patto lists it
// and the firm's page carries the badge; then the networks of the demo data.
const session = useBrowserSession();

it("signs the Pact: request, confirmation, public list and badge", async () => {
  const prisma = session.ctx.db.prisma;
  const firm = await buildOrganization(prisma, { name: "Officina Firmataria Bolognese S.r.l." });
  const representative = await buildCompanyUser(prisma, firm.id);
  const reviewer = await buildUser(prisma, "REVIEWER", "Rita Istruttrice");

  const company = await session.newPage();
  await new AccountPages(company, session.baseUrl).logIn(representative.email, TEST_PASSWORD);
  await company.locator(".nav-tabs").getByRole("link", { name: "Patto", exact: true }).click();
  await company.waitForURL(`${session.baseUrl}/impresa/patto`);
  await company.getByRole("button", { name: "Invia la richiesta" }).click();
  await company.waitForURL(`${session.baseUrl}/impresa/patto`);
  expect(await company.locator("#riepilogo-errori").innerText()).toContain(
    "Per continuare seleziona la casella di conferma.",
  );
  await audit(company, "patto-impresa-errori");
  await company
    .getByLabel("Impegni dell'impresa (facoltativo)")
    .fill("Aprire il doposcuola aziendale ai ragazzi del quartiere.");
  // Bootstrap Italia draws checkboxes on their labels: click the label, as a user does.
  await company
    .locator("label.form-check-label")
    .filter({ hasText: /^Dichiaro di aver letto il Patto/ })
    .click();
  await company.getByRole("button", { name: "Invia la richiesta" }).click();
  await company.waitForURL(/\/impresa\/patto\?inviata=1$/);
  expect(await company.locator("#stato-patto").innerText()).toContain("in attesa di conferma");
  await audit(company, "patto-impresa-inviata");

  const staff = await session.newPage();
  await new AccountPages(staff, session.baseUrl).logInAsStaff(reviewer.email, TEST_PASSWORD);
  await staff.locator(".admin-nav").getByRole("link", { name: "Patto metropolitano" }).click();
  await staff.waitForURL(`${session.baseUrl}/admin/patto`);
  await audit(staff, "admin-patto");
  await staff
    .getByRole("region", { name: firm.name })
    .getByRole("button", { name: /^Conferma la sottoscrizione/ })
    .click();
  await staff.waitForURL(/\/admin\/patto\?esito=confermata$/);
  expect(await staff.locator("#esito").innerText()).toBe("Sottoscrizione confermata.");
  await audit(staff, "admin-patto-confermata");

  const visitor = await session.newPage();
  await visitor.goto(`${session.baseUrl}/`);
  await visitor.getByRole("link", { name: "Patto", exact: true }).first().click();
  await visitor.waitForURL(`${session.baseUrl}/patto`);
  const firms = visitor.locator('section[aria-labelledby="tipo-FIRM"]');
  expect(await firms.innerText()).toContain(firm.name);
  await audit(visitor, "patto");
  await firms.getByRole("link", { name: firm.name }).click();
  await visitor.waitForURL(`${session.baseUrl}/registro/${firm.slug}`);
  expect(await visitor.locator("#badge-patto").innerText()).toContain("Ha sottoscritto il Patto metropolitano");
  await audit(visitor, "patto-impresa-badge");
});

it("shows the networks of firms and their approved measures only", async () => {
  const page = await session.newPage();
  await page.goto(`${session.baseUrl}/`);
  await page.getByRole("link", { name: "Reti", exact: true }).first().click();
  await page.waitForURL(`${session.baseUrl}/reti`);
  await audit(page, "reti");
  await page.getByRole("link", { name: "Rete Conciliazione Bologna Centro" }).click();
  await page.waitForURL(`${session.baseUrl}/reti/rete-conciliazione-bologna-centro`);
  const main = await page.locator("main").innerText();
  expect(main).toContain("Assistente familiare condivisa");
  expect(main).toContain("Welfare territoriale");
  // proposed, not yet approved: never public
  expect(main).not.toContain("Sportello unico per i permessi di cura");
  // asked to join, not accepted: not listed
  expect(main).not.toContain("Associazione Culturale Torre dei Venti APS");
  await audit(page, "rete");
  await page.getByRole("link", { name: "Tipografia Ardente & Figli S.n.c." }).click();
  await page.waitForURL(/\/registro\//);
  expect(await page.locator("#reti").count()).toBe(1);
  await audit(page, "rete-impresa-aderente");
});

it("lets staff review a network's measures", async () => {
  const prisma = session.ctx.db.prisma;
  const admin = await buildUser(prisma, "ADMIN", "Aldo Amministratore");
  const network = await prisma.network.findUniqueOrThrow({ where: { slug: "rete-conciliazione-bologna-centro" } });
  const page = await session.newPage();
  await new AccountPages(page, session.baseUrl).logInAsStaff(admin.email, TEST_PASSWORD);
  await page.locator(".admin-nav").getByRole("link", { name: "Reti di imprese" }).click();
  await page.waitForURL(`${session.baseUrl}/admin/reti`);
  await audit(page, "admin-reti");
  await page.getByRole("link", { name: network.name }).click();
  await page.waitForURL(`${session.baseUrl}/admin/reti/${network.id}`);
  await page
    .getByRole("region", { name: "Sportello unico per i permessi di cura" })
    .getByRole("button", { name: /^Approva e pubblica/ })
    .click();
  await page.waitForURL(/esito=approvata$/);
  await audit(page, "admin-rete");
  await page.locator(".admin-nav").getByRole("link", { name: "Impostazioni" }).click();
  await page.waitForURL(`${session.baseUrl}/admin/impostazioni`);
  await audit(page, "admin-impostazioni");
  const publicPage = await session.newPage();
  await publicPage.goto(`${session.baseUrl}/reti/${network.slug}`);
  expect(await publicPage.locator("main").innerText()).toContain("Sportello unico per i permessi di cura");
});

it("lets the lead firm propose a shared measure and another firm ask to join", async () => {
  const prisma = session.ctx.db.prisma;
  const network = await prisma.network.findUniqueOrThrow({ where: { slug: "rete-tate-in-rete" } });
  const leadUser = await buildCompanyUser(prisma, network.leadOrganizationId);
  const firm = await buildOrganization(prisma, { name: "Forno Aderente di Prova S.n.c." });
  const firmUser = await buildCompanyUser(prisma, firm.id);

  const applicant = await session.newPage();
  await new AccountPages(applicant, session.baseUrl).logIn(firmUser.email, TEST_PASSWORD);
  await applicant.locator(".nav-tabs").getByRole("link", { name: "Reti", exact: true }).click();
  await applicant.waitForURL(`${session.baseUrl}/impresa/reti`);
  await audit(applicant, "impresa-reti");
  await applicant.getByRole("button", { name: /^Chiedi di aderire\s*: Rete Tate in Rete/ }).click();
  await applicant.waitForURL(/\/impresa\/reti\?esito=richiesta$/);
  expect(await applicant.locator('[data-stato-rete="rete-tate-in-rete"]').innerText()).toContain(
    "Richiesta di adesione in attesa",
  );

  const lead = await session.newPage();
  await new AccountPages(lead, session.baseUrl).logIn(leadUser.email, TEST_PASSWORD);
  await lead.goto(`${session.baseUrl}/impresa/reti/${network.slug}`);
  await lead.getByRole("button", { name: /^Accetta\s*: Forno Aderente di Prova/ }).click();
  await lead.waitForURL(/esito=accettata$/);
  await audit(lead, "impresa-rete-capofila");
  await lead.getByRole("link", { name: "Proponi una misura condivisa" }).click();
  await lead.getByLabel(/^Titolo/).fill("Centro estivo condiviso");
  await lead.getByRole("button", { name: "Proponi la misura" }).click();
  expect(await lead.locator("#riepilogo-errori").innerText()).toContain("Scegli almeno un gruppo di destinatari.");
  expect(await lead.getByLabel(/^Titolo/).inputValue()).toBe("Centro estivo condiviso");
  await audit(lead, "impresa-rete-misura-errori");

  const visitor = await session.newPage();
  await visitor.goto(`${session.baseUrl}/reti/${network.slug}`);
  expect(await visitor.locator("main").innerText()).toContain(firm.name);
});
