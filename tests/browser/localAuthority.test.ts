import { expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { lastMailTo, linkIn } from "../helpers/outbox.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// A local authority: an admin invites the officer of Casalecchio di Reno, who
// chooses a password and consults the territory at /ente (firms, measures open
// to citizens, gaps within a distance, advice requests by topic), then proposes
// an integration of a public service with a firm's measure; a reviewer accepts
// it and the firm's public page shows it. axe audits every page on the way.
const session = useBrowserSession();

const OFFICER = "ufficio.casalecchio@example.org";
const OFFICER_PASSWORD = "Password-di-Casalecchio-7";

it("an admin invites a local authority, who signs up and consults the territory", async () => {
  const admin = await buildUser(session.ctx.db.prisma, "ADMIN", "Alma Amministratrice");
  const staff = await session.newPage();
  await new AccountPages(staff, session.baseUrl).logInAsStaff(admin.email, TEST_PASSWORD);
  await staff.locator(".admin-nav").getByRole("link", { name: "Enti locali" }).click();
  await staff.waitForURL(`${session.baseUrl}/admin/enti`);
  await audit(staff, "admin-enti");
  await staff.getByLabel("Nome e cognome").fill("Carla Comunale");
  await staff.getByLabel("Indirizzo email").fill(OFFICER);
  await staff
    .locator("label.form-check-label")
    .filter({ hasText: /^Casalecchio di Reno$/ })
    .click();
  await staff.getByRole("button", { name: "Invia l'invito" }).click();
  await staff.waitForURL(/\/admin\/enti\?esito=invitato$/);
  expect(await staff.locator("#esito").innerText()).toBe("Invito inviato.");
  await audit(staff, "admin-enti-invitato");

  const officer = await session.newPage();
  await officer.goto(`${session.baseUrl}${linkIn((await lastMailTo(session.ctx.db.prisma, OFFICER)).text)}`);
  await audit(officer, "ente-invito");
  await officer.getByLabel(/^Password/).fill(OFFICER_PASSWORD);
  await officer
    .locator("label.form-check-label")
    .filter({ hasText: /Ho letto l'informativa privacy/ })
    .click();
  await officer.getByRole("button", { name: "Attiva l'account" }).click();
  expect(await officer.locator("main").innerText()).toContain("Area enti locali");

  await new AccountPages(officer, session.baseUrl).logInAsLocalAuthority(OFFICER, OFFICER_PASSWORD);
  expect(await officer.locator("#territorio").innerText()).toContain("Casalecchio di Reno");
  await audit(officer, "ente");
  for (const [tab, file] of [
    ["Imprese", "ente-imprese"],
    ["Aperte ai cittadini", "ente-misure-aperte"],
    ["Richieste di consulenza", "ente-consulenze"],
  ] as const) {
    await officer.locator(".nav-tabs").getByRole("link", { name: tab, exact: true }).click();
    await officer.waitForLoadState();
    await audit(officer, file);
  }
  await officer.locator(".nav-tabs").getByRole("link", { name: "Lacune per categoria" }).click();
  await officer.waitForURL(`${session.baseUrl}/ente/lacune`);
  await audit(officer, "ente-lacune");
  await officer.getByLabel("Distanza (km)").fill("3");
  await officer.getByRole("button", { name: "Mostra" }).click();
  await officer.waitForURL(/\/ente\/lacune\?raggio=3$/);
  expect(await officer.locator("#riepilogo-lacune").innerText()).toContain("entro 3 km");
  await officer.getByLabel("Distanza (km)").fill("500");
  await officer.getByRole("button", { name: "Mostra" }).click();
  await officer.waitForURL(/raggio=500$/);
  expect(await officer.locator("#riepilogo-errori").innerText()).toContain("50");
  await audit(officer, "ente-lacune-errore");
}, 180_000); // eight pages, each with an axe audit of a few seconds

it("a local authority proposes an integration, a reviewer accepts it, the firm's page shows it", async () => {
  const officer = await session.newPage();
  await new AccountPages(officer, session.baseUrl).logInAsLocalAuthority(OFFICER, OFFICER_PASSWORD);
  await officer.locator(".nav-tabs").getByRole("link", { name: "Aperte ai cittadini" }).click();
  await officer.waitForURL(/\/ente\/misure\?aperte=1$/);
  const row = officer.locator("tbody tr").first();
  const measure = await row.locator("th").innerText();
  const firmPage = await row.locator("td a").first().getAttribute("href");
  await row.getByRole("link", { name: /^Proponi un'integrazione/ }).click();
  await officer.waitForURL(/\/ente\/integrazioni\/nuova\?misura=\d+$/);
  await officer.getByRole("button", { name: "Invia la proposta" }).click();
  // The summary names the errors (the catalogue's messages) and links each to its field.
  const summary = officer.locator("#riepilogo-errori");
  expect(await summary.innerText()).toContain("3 errori");
  expect(await summary.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
    "#campo-serviceName",
    "#campo-description",
    "#campo-contact",
  ]);
  await audit(officer, "ente-integrazione-errori");
  await officer.getByLabel("Nome del servizio").fill("Sportello famiglie");
  await officer
    .getByLabel("Descrizione dell'integrazione")
    .fill(
      "Il servizio educativo del comune orienta le famiglie verso la misura e ne copre il costo per chi ne ha bisogno.",
    );
  await officer.getByLabel("Contatto o indirizzo web").fill("051 598111");
  await officer.getByRole("button", { name: "Invia la proposta" }).click();
  await officer.waitForURL(/\/ente\/integrazioni\?esito=inviata$/);
  expect(await officer.locator("#esito").innerText()).toContain("Proposta inviata");
  await audit(officer, "ente-integrazioni");

  const reviewer = await buildUser(session.ctx.db.prisma, "REVIEWER", "Rocco Revisore");
  const staff = await session.newPage();
  await new AccountPages(staff, session.baseUrl).logInAsStaff(reviewer.email, TEST_PASSWORD);
  await staff.locator(".admin-nav").getByRole("link", { name: "Integrazioni" }).click();
  await staff.waitForURL(`${session.baseUrl}/admin/integrazioni`);
  await audit(staff, "admin-integrazioni");
  const proposal = staff
    .getByRole("region", { name: "Sportello famiglie (Casalecchio di Reno)" })
    .filter({ hasText: measure });
  await proposal.getByLabel("Commento (facoltativo)").fill("Collaborazione utile alle famiglie.");
  await proposal.getByRole("button", { name: /^Accetta/ }).click();
  await staff.waitForURL(/\/admin\/integrazioni\?esito=ACCEPTED$/);
  await audit(staff, "admin-integrazioni-accettata");

  const visitor = await session.newPage();
  await visitor.goto(`${session.baseUrl}${firmPage}`);
  const article = visitor.locator("article.measure").filter({ hasText: measure });
  expect(await article.locator(".measure-integrations").innerText()).toContain(
    "Sportello famiglie del Comune di Casalecchio di Reno",
  );
  await audit(visitor, "impresa-con-integrazione");
}, 120_000);
