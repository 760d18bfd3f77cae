import type { Locator, Page } from "playwright-core";

/** `/mappa`: the same search on a Leaflet map, markers from /mappa/dati.geojson. */
export class MapPage {
  readonly map: Locator;
  readonly markers: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.map = page.locator(".leaflet-container");
    this.markers = page.locator(".leaflet-marker-icon");
  }

  async goto(query = ""): Promise<this> {
    await this.page.goto(`${this.baseUrl}/mappa${query}`);
    return this;
  }

  /** Waits until Leaflet has drawn at least one marker; returns how many. */
  async waitForMarkers(): Promise<number> {
    await this.markers.first().waitFor({ state: "visible" });
    return this.markers.count();
  }
}
