import { describe, expect, it } from "vitest";
import { audit, useBrowserSession } from "./helpers/browserSession.js";
import { HomePage } from "./pages/HomePage.js";
import { MapPage } from "./pages/MapPage.js";
import { OrganizationPage } from "./pages/OrganizationPage.js";
import { RegistrySearchPage } from "./pages/RegistrySearchPage.js";

// A citizen looks for companies near Bologna, on the demo register.
const NEAR_BOLOGNA = "?vicino=037006&raggio=15";
const session = useBrowserSession();

const isAscending = (values: number[]) => values.every((v, i) => i === 0 || (values[i - 1] ?? v) <= v);

describe("a citizen searching the register", () => {
  it("searches near a comune, opens a result, sees it on the map and comes back", async () => {
    const page = await session.newPage();
    const home = await new HomePage(page, session.baseUrl).goto();
    expect(await page.getAttribute("html", "lang")).toBe("it");
    expect(await home.heading.innerText()).not.toBe("");
    await audit(page, "home");

    await home.openRegistry();
    const registry = new RegistrySearchPage(page, session.baseUrl);
    await audit(page, "registro");
    await registry.chooseNear("Bologna");
    await registry.chooseRadius(15);
    await registry.submit();
    expect(page.url()).toContain("vicino=037006&raggio=15");
    const names = await registry.resultNames();
    const distances = await registry.distances();
    expect(names.length).toBeGreaterThan(0);
    expect(distances).toHaveLength(names.length);
    expect(isAscending(distances), `distances in page order: ${distances.join(", ")}`).toBe(true);
    expect(Math.max(...distances)).toBeLessThanOrEqual(15);
    await audit(page, "registro-risultati");
    const resultsUrl = page.url();

    const first = names[0] ?? "";
    await registry.openResult(first);
    const organization = new OrganizationPage(page, session.baseUrl);
    expect((await organization.name.innerText()).trim()).toBe(first);
    expect(await organization.registryNumber()).toMatch(/^RWB-/);
    expect((await organization.measureTitles()).length).toBeGreaterThan(0);
    await audit(page, "impresa");

    await page.goBack();
    expect(page.url()).toBe(resultsUrl);
    await registry.openMap();
    expect(page.url()).toContain("vicino=037006&raggio=15");
    const map = new MapPage(page, session.baseUrl);
    expect(await map.waitForMarkers()).toBeGreaterThan(0);
    expect(session.tileRequests.length, "map tiles, answered locally").toBeGreaterThan(0);
    await audit(page, "mappa");

    await page.goBack();
    expect(page.url()).toBe(resultsUrl);
    expect(await registry.selectedNear()).toBe("037006");
    expect(await registry.selectedRadius()).toBe("15");
    expect(await registry.resultNames()).toEqual(names);
  }, 120_000); // five pages, each with an axe audit of a few seconds

  it("searches the same way with JavaScript disabled", async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    const registry = await new RegistrySearchPage(page, session.baseUrl).goto();
    await registry.chooseNear("Bologna");
    await registry.chooseRadius(15);
    await registry.submit();
    expect(page.url()).toContain("vicino=037006&raggio=15");
    expect((await registry.resultNames()).length).toBeGreaterThan(0);
    expect(isAscending(await registry.distances())).toBe(true);
    await audit(page, "registro-risultati-senza-js");
  });

  it("offers the results page in English", async () => {
    const page = await session.newPage();
    const registry = await new RegistrySearchPage(page, session.baseUrl).goto(`${NEAR_BOLOGNA}&lang=en`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect((await registry.resultNames()).length).toBeGreaterThan(0);
    await audit(page, "registro-risultati-en");
  });

  it("explains a malformed search with an error summary", async () => {
    const page = await session.newPage();
    const response = await page.goto(`${session.baseUrl}/registro?categoria=pizza`);
    expect(response?.status()).toBe(400);
    const registry = new RegistrySearchPage(page, session.baseUrl);
    expect(await registry.errorSummary.isVisible()).toBe(true);
    expect(await registry.errorSummary.locator('a[href="#campo-categoria"]').count()).toBe(1);
    await audit(page, "registro-errore");
  });

  it.each([
    ["/accessibilita", "accessibilita"],
    ["/privacy", "privacy"],
  ])("shows %s accessibly", async (path, name) => {
    const page = await session.newPage();
    const response = await page.goto(`${session.baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).not.toBe("");
    await audit(page, name);
  });
});
