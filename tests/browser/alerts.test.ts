import { expect, it } from "vitest";
import { lastMailTo } from "../helpers/outbox.js";
import { pathsIn } from "../helpers/alerts.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";

// A citizen finds the alerts from a search, subscribes at /avvisi (errors first),
// confirms by the e-mail's link and unsubscribes from it. Axe audit and
// screenshot of every page.
const session = useBrowserSession();

const EMAIL = "lucia.avvisi@example.org";

it("subscribes from a search, with the search's place filled in, and confirms by e-mail", async () => {
  const page = await session.newPage();
  await page.goto(`${session.baseUrl}/registro?vicino=037006&raggio=10&categoria=minori`);
  await page.locator("#link-avvisi").click();
  await page.waitForURL(/\/avvisi\?vicino=037006/);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Avvisi vicino a te");
  expect(await page.getByLabel("Comune").inputValue()).toBe("037006");
  expect(await page.getByLabel("Distanza massima").inputValue()).toBe("10");
  await audit(page, "avvisi");

  await page.getByRole("button", { name: "Iscriviti agli avvisi" }).click();
  await page.waitForURL(`${session.baseUrl}/avvisi`);
  expect(await page.locator("#riepilogo-errori").innerText()).toContain("errori");
  await audit(page, "avvisi-errori");

  await page.getByLabel("Indirizzo email").fill(EMAIL);
  await page
    .locator("label.form-check-label")
    .filter({ hasText: /^Ho letto l'informativa privacy/ })
    .click();
  await page.getByRole("button", { name: "Iscriviti agli avvisi" }).click();
  await page.waitForURL(`${session.baseUrl}/avvisi/inviata`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Controlla la tua email");
  await audit(page, "avvisi-inviata");

  const [confirm] = pathsIn((await lastMailTo(session.ctx.db.prisma, EMAIL)).text);
  await page.goto(`${session.baseUrl}${confirm}`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Iscrizione confermata");
  await audit(page, "avvisi-confermata");

  await page.goto(`${session.baseUrl}/avvisi?lang=en`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Alerts near you");
  await audit(page, "avvisi-en");
}, 120_000);

it("unsubscribes from the e-mail's link with the page's button", async () => {
  const unsubscribe = pathsIn((await lastMailTo(session.ctx.db.prisma, EMAIL)).text).pop();
  const page = await session.newPage();
  await page.goto(`${session.baseUrl}${unsubscribe}`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Annulla l'iscrizione agli avvisi");
  await audit(page, "avvisi-disiscrizione");
  await page.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Iscrizione annullata");
  await audit(page, "avvisi-disiscritta");
  expect(await session.ctx.db.prisma.alertSubscription.count({ where: { email: EMAIL } })).toBe(0);
}, 120_000);
