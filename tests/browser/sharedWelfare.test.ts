import { expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { buildOrganization } from "../factories/organizationFactory.js";
import { buildCompanyUser, buildOpenEvent } from "../factories/territoryFactory.js";
import { pathsIn } from "../helpers/alerts.js";
import { lastMailTo } from "../helpers/outbox.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// Issue 16's public and staff pages of shared welfare: a visitor signs up for an
// event (errors first) and cancels by the e-mail's link; the pilots with their
// filter, with and without JavaScript; an improvement plan written by an admin,
// reported on and published by the firm, shown on its public page and closed.
// Axe audit of every page.
const session = useBrowserSession();

const EMAIL = "giulia.seminari@example.org";

it("signs a visitor up for an event (errors first) and cancels by the e-mail's link", async () => {
  const event = await buildOpenEvent(session.ctx.db.prisma, { title: "Seminario sul welfare condiviso", capacity: 20 });
  const page = await session.newPage();
  await page.goto(`${session.baseUrl}/eventi`);
  await page.getByRole("link", { name: "Seminario sul welfare condiviso" }).click();
  await page.waitForURL(`${session.baseUrl}/eventi/${event.slug}`);
  expect(await page.locator("#posti").innerText()).toBe("Posti ancora disponibili: 20 su 20.");
  await audit(page, "evento-iscrizioni");

  await page.getByRole("textbox", { name: "Ente o impresa (facoltativo)" }).fill("Cooperativa Il Ponte");
  await page.getByRole("button", { name: "Iscriviti", exact: true }).click();
  expect(await page.locator("#riepilogo-errori").count()).toBe(1);
  expect(await page.getByRole("textbox", { name: "Ente o impresa (facoltativo)" }).inputValue()).toBe(
    "Cooperativa Il Ponte",
  );
  await audit(page, "evento-iscrizione-errori");

  await page.getByRole("textbox", { name: "Nome e cognome", exact: true }).fill("Giulia Seminari");
  await page.getByRole("textbox", { name: "Indirizzo email", exact: true }).fill(EMAIL);
  await page
    .locator("label.form-check-label")
    .filter({ hasText: /^Ho letto l'informativa privacy/ })
    .click();
  await page.getByRole("button", { name: "Iscriviti", exact: true }).click();
  await page.waitForURL(`${session.baseUrl}/eventi/${event.slug}/iscrizione/esito`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Iscrizione confermata");
  await audit(page, "evento-iscrizione-confermata");

  const cancel = pathsIn((await lastMailTo(session.ctx.db.prisma, EMAIL)).text).find((p) =>
    p.startsWith("/eventi/annulla/"),
  );
  expect(cancel, "the confirmation e-mail's cancellation link").toBeDefined();
  await page.goto(`${session.baseUrl}${cancel}`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Annulla l'iscrizione");
  await audit(page, "evento-annulla");
  await page.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Iscrizione annullata");
  await audit(page, "evento-annullata");
  expect(
    await session.ctx.db.prisma.eventRegistration.findFirstOrThrow({
      where: { email: EMAIL },
      select: { status: true },
    }),
  ).toEqual({ status: "CANCELLED" });

  await page.goto(`${session.baseUrl}/eventi/${event.slug}?lang=en`);
  expect(await page.getByRole("heading", { name: "Sign up for the event" }).count()).toBe(1);
  await audit(page, "evento-iscrizioni-en");
}, 120_000);

const ONGOING = "Lavanderia e stireria aziendale"; // a demo pilot under way
const CONCLUDED = "Mensa aziendale aperta ai pensionati del quartiere"; // a demo pilot with its outcome

it("lists the pilots in Italian and English and filters them, with and without JavaScript", async () => {
  for (const javaScriptEnabled of [true, false]) {
    const page = await session.newPage({ javaScriptEnabled });
    const pilots = (name: string) => page.getByRole("heading", { level: 2, name }).count();
    await page.goto(`${session.baseUrl}/sperimentazioni`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(
      "Sperimentazioni di nuovi dispositivi di welfare",
    );
    expect(await pilots(ONGOING)).toBeGreaterThan(0);
    expect(await pilots(CONCLUDED)).toBeGreaterThan(0);
    if (javaScriptEnabled) await audit(page, "sperimentazioni");

    await page
      .getByRole("navigation", { name: "Quali sperimentazioni mostrare" })
      .getByRole("link", { name: "In corso" })
      .click();
    await page.waitForURL(`${session.baseUrl}/sperimentazioni?stato=in-corso`);
    expect(await pilots(ONGOING)).toBeGreaterThan(0);
    expect(await pilots(CONCLUDED)).toBe(0);
    await audit(page, javaScriptEnabled ? "sperimentazioni-in-corso" : "sperimentazioni-in-corso-senza-js");

    await page
      .getByRole("navigation", { name: "Quali sperimentazioni mostrare" })
      .getByRole("link", { name: "Concluse" })
      .click();
    await page.waitForURL(`${session.baseUrl}/sperimentazioni?stato=concluse`);
    expect(await pilots(ONGOING)).toBe(0);
    expect(await pilots(CONCLUDED)).toBeGreaterThan(0);
    expect(await page.locator("main").innerText()).toContain("Che cosa si è imparato");
  }

  const page = await session.newPage();
  await page.goto(`${session.baseUrl}/sperimentazioni?lang=en`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Pilots of new welfare schemes");
  await page.getByRole("navigation", { name: "Which pilots to show" }).getByRole("link", { name: "Concluded" }).click();
  await page.waitForURL(`${session.baseUrl}/sperimentazioni?stato=concluse`);
  expect(await page.locator("main").innerText()).toContain("What was learned");
  await audit(page, "sperimentazioni-concluse-en");
}, 120_000);

const GOAL = "Aprire il nido aziendale a 5 famiglie del quartiere.";
const PROGRESS = "Tre famiglie del quartiere hanno già un posto al nido.";

it("lets an admin set a firm's goal, the firm report on it and publish the plan, and the admin close it", async () => {
  const prisma = session.ctx.db.prisma;
  const firm = await buildOrganization(prisma, { name: "Officine del Reno S.r.l." });
  const representative = await buildCompanyUser(prisma, firm.id);
  const admin = await buildUser(prisma, "ADMIN", "Ada Amministratrice Piani");

  const staff = await session.newPage();
  await new AccountPages(staff, session.baseUrl).logInAsStaff(admin.email, TEST_PASSWORD);
  await staff.goto(`${session.baseUrl}/admin/imprese/${firm.id}`);
  await staff.getByRole("link", { name: "Apri il piano" }).click();
  await staff.waitForURL(`${session.baseUrl}/admin/imprese/${firm.id}/piano`);
  expect(await staff.getByRole("heading", { level: 1 }).innerText()).toBe(
    "Piano di miglioramento di Officine del Reno S.r.l.",
  );
  await audit(staff, "admin-piano");
  await staff.getByRole("button", { name: "Aggiungi l'obiettivo" }).click();
  expect(await staff.locator("#riepilogo-errori").innerText()).toContain("Scegli una delle opzioni proposte.");
  await audit(staff, "admin-piano-errori");

  await staff.getByRole("combobox", { name: "Tipo di obiettivo", exact: true }).selectOption("OPEN_TO_CITIZENS");
  await staff.getByRole("textbox", { name: "Obiettivo", exact: true }).fill(GOAL);
  await staff.locator("#campo-dueOn").fill(`${new Date().getFullYear() + 1}-06-30`);
  await staff.getByRole("button", { name: "Aggiungi l'obiettivo" }).click();
  await staff.waitForURL(`${session.baseUrl}/admin/imprese/${firm.id}/piano?fatto=aggiunto`);
  expect(await staff.locator("main").innerText()).toContain(GOAL);
  await audit(staff, "admin-piano-obiettivo");

  const company = await session.newPage();
  await new AccountPages(company, session.baseUrl).logIn(representative.email, TEST_PASSWORD);
  await company.getByRole("link", { name: "Piano di miglioramento" }).click();
  await company.waitForURL(`${session.baseUrl}/impresa/piano`);
  expect(await company.locator("main").innerText()).toContain(GOAL);
  await audit(company, "impresa-piano");
  await company.getByRole("link", { name: "Racconta come sta andando" }).click();
  await company.waitForURL(/\/impresa\/piano\/\d+$/);
  await audit(company, "impresa-piano-avanzamento");
  await company.getByRole("textbox", { name: "A che punto siete", exact: true }).fill(PROGRESS);
  await company.getByRole("button", { name: "Invia l'aggiornamento" }).click();
  await company.waitForURL(`${session.baseUrl}/impresa/piano?fatto=avanzamento`);
  await company.getByRole("button", { name: "Pubblica il piano sulla nostra pagina" }).click();
  await company.waitForURL(`${session.baseUrl}/impresa/piano?fatto=pubblicazione`);
  expect(await company.getByRole("button", { name: "Togli il piano dalla nostra pagina" }).count()).toBe(1);

  const visitor = await session.newPage();
  await visitor.goto(`${session.baseUrl}/registro/${firm.slug}`);
  const plan = visitor.getByRole("region", { name: "Piano di miglioramento" });
  expect(await plan.innerText()).toContain(GOAL);
  expect(await plan.innerText()).toContain(PROGRESS);
  await audit(visitor, "registro-impresa-piano");

  await staff.reload();
  await staff.getByRole("link", { name: "Chiudi l'obiettivo" }).click();
  await staff.waitForURL(/\/admin\/imprese\/\d+\/piano\/\d+\/chiudi$/);
  expect(await staff.locator("main").innerText()).toContain(PROGRESS);
  await audit(staff, "admin-piano-chiudi");
  await staff
    .locator("label.form-check-label")
    .filter({ hasText: /^Raggiunto$/ })
    .click();
  await staff.getByRole("textbox", { name: "Nota del personale" }).fill("Obiettivo raggiunto in anticipo.");
  await staff.getByRole("button", { name: "Chiudi l'obiettivo" }).click();
  await staff.waitForURL(`${session.baseUrl}/admin/imprese/${firm.id}/piano?fatto=chiuso`);
  expect(await prisma.improvementGoal.findFirstOrThrow({ where: { organizationId: firm.id } })).toMatchObject({
    status: "MET",
  });
}, 180_000);
