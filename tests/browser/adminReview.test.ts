import { expect, it } from "vitest";
import {
  buildSubmittedApplication,
  buildUser,
  completePayload,
  TEST_PASSWORD,
} from "../factories/applicationFactory.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";
import { OrganizationPage } from "./pages/OrganizationPage.js";
import { AdminApplicationPage } from "./pages/admin/AdminApplicationPage.js";
import { AdminOrganizationPage } from "./pages/admin/AdminOrganizationPage.js";

// Staff take an application, ask for changes, the company answers, staff approve
// and classify, and the public page shows the result. The application is
// created through Prisma; the company answers through its own area.
const session = useBrowserSession();

it("takes an application from submission to the public register", async () => {
  const prisma = session.ctx.db.prisma;
  const reviewer = await buildUser(prisma, "REVIEWER", "Rita Istruttrice");
  const payload = completePayload({
    organization: { name: "Officine Solidali Bolognesi" },
    measures: [{ title: "Doposcuola aperto al quartiere" }],
  });
  const { org, user } = await buildSubmittedApplication(prisma, payload);

  const page = await session.newPage();
  await new AccountPages(page, session.baseUrl).logInAsStaff(reviewer.email, TEST_PASSWORD, audit);
  await audit(page, "admin-panoramica");

  await page.getByRole("link", { name: "Domande", exact: true }).click();
  await audit(page, "admin-domande");
  await page.getByRole("link", { name: "Officine Solidali Bolognesi" }).first().click();
  const detail = new AdminApplicationPage(page);
  await detail.takeOn();
  expect(await page.locator("#assegnatario").innerText()).toBe("Rita Istruttrice");
  await audit(page, "admin-domanda");

  await detail.requestChanges("Indicate gli orari del doposcuola.");
  expect(await detail.status.innerText()).toBe("Integrazioni richieste");
  await audit(page, "admin-domanda-integrazioni");

  // The company reads the request on its summary, replies to staff, corrects the measure and resubmits.
  const company = await session.newPage();
  await new AccountPages(company, session.baseUrl).logIn(user.email, TEST_PASSWORD);
  expect(await company.locator("#messaggio-personale").innerText()).toContain("Indicate gli orari del doposcuola.");
  await audit(company, "impresa-integrazioni-richieste");
  await company.getByRole("link", { name: "Rispondi al personale" }).click();
  await company.getByLabel("La tua risposta").fill("Gli orari sono 14–18: li aggiungiamo alla misura.");
  await company.getByRole("button", { name: "Invia la risposta" }).click();
  await company.waitForURL(/\/impresa\/domanda\?risposta=1/);
  expect(await company.getByRole("status").innerText()).toContain("Risposta inviata");
  await audit(company, "impresa-risposta-inviata");
  await company.setViewportSize({ width: 390, height: 844 });
  await audit(company, "impresa-risposta-inviata-390");
  await company.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  expect(await page.locator("#titolo-storia + ol").innerText()).toContain(
    "Gli orari sono 14–18: li aggiungiamo alla misura.",
  );
  await company.goto(`${session.baseUrl}/impresa/misure/k1`);
  await company
    .getByLabel("Come accedere (condizioni e modalità)")
    .fill("Dal lunedì al venerdì, 14–18, iscrizione in portineria.");
  await company.getByRole("button", { name: "Salva la bozza" }).click();
  await company.waitForURL(/\/impresa\?salvato=/);
  await company.goto(`${session.baseUrl}/impresa/domanda`);
  expect(await company.locator("main").innerText()).toContain("Indicate gli orari del doposcuola.");
  await company.getByRole("button", { name: "Invia di nuovo la domanda" }).click();
  await company.waitForURL(/\/impresa\/domanda\?inviata=1/);
  await audit(company, "impresa-domanda-reinviata");

  await page.reload();
  await detail.approve();
  expect(await detail.status.innerText()).toBe("Approvata");
  const { registryNumber, slug } = await prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
  expect(registryNumber).toMatch(/^RWB-\d{4}-\d{4}$/);
  await audit(page, "admin-domanda-approvata");

  // The new measure waits in the classification queue; staff classify it from there.
  await page.getByRole("link", { name: "Da classificare" }).click();
  await audit(page, "admin-da-classificare");
  // Oldest first: the measure approved a moment ago is on the last page, after the demo data's.
  await page.getByRole("link", { name: "Successiva" }).click();
  await page.getByRole("link", { name: "Doposcuola aperto al quartiere" }).click();
  const admin = new AdminOrganizationPage(page);
  // Without a rationale the classification is refused, and the summary names the measure.
  await admin.classify("Doposcuola aperto al quartiere", "Welfare territoriale", [], "");
  expect(await page.locator("#riepilogo-errori").innerText()).toContain("«Doposcuola aperto al quartiere»");
  await audit(page, "admin-classificazione-errori");
  await admin.classify(
    "Doposcuola aperto al quartiere",
    "Welfare territoriale",
    ["Apertura ai cittadini del territorio", "Impatto sul benessere del territorio"],
    "Aperto ai ragazzi del quartiere, gratuito.",
  );
  expect(await admin.currentOutcome("Doposcuola aperto al quartiere")).toBe("Welfare territoriale");
  await audit(page, "admin-impresa-classificata");
  await page.goto(`${session.baseUrl}/admin/classificazioni?pagina=2`);
  expect(await page.locator("main").innerText()).not.toContain("Doposcuola aperto al quartiere");

  await page.getByRole("link", { name: "Registro attività" }).click();
  expect(await page.locator("main").innerText()).toContain("measure.classify");
  await audit(page, "admin-registro-attivita");

  const publicPage = await new OrganizationPage(page, session.baseUrl).goto(slug);
  expect((await publicPage.name.innerText()).trim()).toBe("Officine Solidali Bolognesi");
  expect(await publicPage.registryNumber()).toBe(registryNumber);
  const main = await publicPage.main.innerText();
  expect(main).toContain("Welfare territoriale");
  expect(main).toContain("Dal lunedì al venerdì");
  await audit(page, "impresa-approvata");

  await page.getByRole("link", { name: "Segnala un problema su questa scheda" }).click();
  await audit(page, "segnala-problema");
}, 180_000);
