import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DOWNLOADS } from "../../src/services/monitoring/openDataService.js";
import { buildUser, TEST_PASSWORD } from "../factories/applicationFactory.js";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { AccountPages } from "./pages/CompanyPages.js";

// A citizen reads the statistics and the open data page of the demo register;
// staff read their own figures. Axe audit and a screenshot of each page.
const session = useBrowserSession();
/** Close-ups of single sections, beside audit()'s full-page screenshots. */
const closeUp = (name: string) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../screenshots", `${name}.png`);

describe("monitoring and open data", () => {
  it("shows /statistiche with charts and tables, from the main menu, also without JavaScript", async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    await page.goto(`${session.baseUrl}/`);
    await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Statistiche" }).click();
    await page.waitForURL(`${session.baseUrl}/statistiche`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Statistiche e monitoraggio");
    const registered = await session.ctx.db.prisma.organization.count({ where: { registryStatus: "REGISTERED" } });
    expect(await page.locator("#totale-organizations").innerText()).toBe(String(registered));
    // Every chart is an image with a name, followed by its table.
    const charts = page.getByRole("img", { name: "Misure per categoria" });
    expect(await charts.count()).toBe(1);
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator("#tabella-comuni tbody tr").count()).toBe(55);
    // Every value label ends inside its chart, in the font the page really uses.
    const overflowing = await page.locator("svg[role=img][aria-labelledby^=grafico-]").evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const width = (svg as SVGSVGElement).viewBox.baseVal.width;
        return Array.from(svg.querySelectorAll("text")).flatMap((text) => {
          const box = text.getBBox();
          return box.x < 0 || box.x + box.width > width
            ? [`${text.textContent}: ${box.x} to ${box.x + box.width} of 0 to ${width}`]
            : [];
        });
      }),
    );
    expect(overflowing).toEqual([]);
    await audit(page, "statistiche");
    await page
      .locator("section", { has: page.locator("#stat-categorie") })
      .screenshot({ path: closeUp("statistiche-categorie") });
    await page
      .locator("section", { has: page.locator("#stat-iscrizioni") })
      .screenshot({ path: closeUp("statistiche-iscrizioni") });

    const download = await page.request.get(`${session.baseUrl}/statistiche/categorie.csv`);
    expect(download.status()).toBe(200);
    expect((await download.text()).split("\r\n")[0]).toBe("categoria,misure,misure_aperte_ai_cittadini,organizzazioni");
  });

  it("shows /statistiche in English", async () => {
    const page = await session.newPage();
    await page.goto(`${session.baseUrl}/statistiche?lang=en`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Statistics and monitoring");
    await audit(page, "statistiche-en");
  });

  it("shows /open-data with its downloads", async () => {
    const page = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Open data" }).click();
    await page.waitForURL(`${session.baseUrl}/open-data`);
    const files = await page.locator("#tabella-download tbody th a").allInnerTexts();
    expect(files).toEqual(Object.keys(DOWNLOADS));
    await audit(page, "open-data");
    const geojson = await page.request.get(`${session.baseUrl}/open-data/registro.geojson`);
    const registered = await session.ctx.db.prisma.organization.count({ where: { registryStatus: "REGISTERED" } });
    expect((await geojson.json()).features).toHaveLength(registered);
  });

  it("shows /admin/statistiche to staff", async () => {
    const reviewer = await buildUser(session.ctx.db.prisma, "REVIEWER", "Irene Istruttrice");
    const page = await session.newPage();
    await new AccountPages(page, session.baseUrl).logInAsStaff(reviewer.email, TEST_PASSWORD);
    await page
      .getByRole("navigation", { name: "Menu dell'area riservata" })
      .getByRole("link", { name: "Statistiche" })
      .click();
    await page.waitForURL(`${session.baseUrl}/admin/statistiche`);
    expect(await page.locator("#tabella-carico").innerText()).toContain("Irene Istruttrice");
    await audit(page, "admin-statistiche");
    await page.screenshot({ path: closeUp("admin-statistiche-personale") });
  });
});
