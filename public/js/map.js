// Maps as a progressive enhancement (loaded after /assets/leaflet/leaflet.js).
// Without JavaScript the map blocks stay hidden and the page's list and
// address are the content. Texts come from data-text-* attributes rendered by
// the server in the page's language; popups are built from DOM nodes so that
// no name can inject markup.
(function () {
  "use strict";
  const L = window.L;
  if (!L) return;
  L.Icon.Default.imagePath = "/assets/leaflet/images/";

  const locale = document.documentElement.lang === "en" ? "en-GB" : "it-IT";
  const plural = new Intl.PluralRules(locale);
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // The Città metropolitana di Bologna, before the data has arrived.
  const AREA_CENTRE = [44.45, 11.33];
  const AREA_ZOOM = 9;

  function text(el, name, values) {
    let s = el.dataset[name] || "";
    for (const [key, value] of Object.entries(values || {})) s = s.split("{" + key + "}").join(String(value));
    return s;
  }

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /** A Leaflet map in `el`: visible, localized controls, no scroll-wheel capture of the page. */
  function createMap(el) {
    const block = el.closest("[data-map-block]");
    if (block) block.hidden = false;
    const map = L.map(el, { zoomControl: false, scrollWheelZoom: false, center: AREA_CENTRE, zoom: AREA_ZOOM });
    L.control
      .zoom({ zoomInTitle: el.dataset.textZoomIn || "+", zoomOutTitle: el.dataset.textZoomOut || "−" })
      .addTo(map);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
    }
    // The wheel zooms the map only once the user has chosen to interact with it.
    map.on("focus click", () => map.scrollWheelZoom.enable());
    map.on("blur mouseout", () => map.scrollWheelZoom.disable());
    // Leaflet labels the close button in English; focus moves into the popup
    // so that keyboard users reach its link at once.
    map.on("popupopen", (event) => {
      const popup = event.popup.getElement();
      const close = popup && popup.querySelector(".leaflet-popup-close-button");
      if (close && el.dataset.textClose) {
        close.setAttribute("aria-label", el.dataset.textClose);
        close.title = el.dataset.textClose;
      }
      const target = popup && (popup.querySelector(".leaflet-popup-content a") || close);
      if (target) target.focus({ preventScroll: true });
    });
    // Leaflet closes popups on Escape only while the map itself has focus.
    el.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && event.target instanceof Element && event.target.closest(".leaflet-popup"))
        map.closePopup();
    });
    return map;
  }

  function marker(lat, lon, name) {
    const m = L.marker([lat, lon], { title: name, alt: name, keyboard: true, riseOnHover: true });
    // Back to the marker when its popup closes, instead of losing focus to the page.
    // (The popup fades out before it is removed, so its button may still hold focus.)
    m.on("popupclose", (event) => {
      const popup = event.popup.getElement();
      setTimeout(() => {
        const icon = m.getElement();
        const active = document.activeElement;
        const lost = !active || active === document.body || (popup && popup.contains(active));
        if (icon && lost) icon.focus({ preventScroll: true });
      }, 0);
    });
    return m;
  }

  function organizationPopup(el, props) {
    const box = element("div", "map-popup");
    const title = element("p", "map-popup-title");
    const link = element("a", "", String(props.name || ""));
    link.href = "/registro/" + encodeURIComponent(String(props.slug || ""));
    title.appendChild(link);
    box.appendChild(title);
    const details = [props.comune ? String(props.comune) : ""];
    // A seat placed at its comune's centre is never shown "0 km" away (domain/distanceShown.ts).
    if (typeof props.distanceKm === "number" && props.approximate && props.distanceKm < 1)
      details.push(text(el, "textInComune", { comune: String(props.comune || "") }));
    else if (typeof props.distanceKm === "number" && props.approximate)
      details.push(text(el, "textDistanceAbout", { km: km.format(Math.round(props.distanceKm)) }));
    else if (typeof props.distanceKm === "number")
      details.push(text(el, "textDistance", { km: km.format(props.distanceKm) }));
    box.appendChild(element("p", "map-popup-meta", details.filter(Boolean).join(" · ")));
    return box;
  }

  async function searchMap(el) {
    const status = el.closest("[data-map-block]")?.querySelector("[data-map-status]");
    const say = (message) => {
      if (status) status.textContent = message;
    };
    const map = createMap(el);
    say(text(el, "textLoading"));
    try {
      const response = await fetch(el.dataset.geojson, {
        headers: { Accept: "application/geo+json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const data = await response.json();
      const points = [];
      for (const feature of data.features || []) {
        const [lon, lat] = (feature.geometry && feature.geometry.coordinates) || [];
        if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
        const props = feature.properties || {};
        marker(lat, lon, String(props.name || ""))
          .bindPopup(organizationPopup(el, props))
          .addTo(map);
        points.push([lat, lon]);
      }
      if (points.length === 0) return say(text(el, "textNone"));
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 14 });
      const form = plural.select(points.length) === "one" ? "textShownOne" : "textShownOther";
      say(text(el, form, { count: new Intl.NumberFormat(locale).format(points.length) }));
    } catch {
      say(text(el, "textFailed"));
    }
  }

  function organizationMap(el) {
    const lat = Number(el.dataset.lat);
    const lon = Number(el.dataset.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    const map = createMap(el);
    map.setView([lat, lon], 15);
    const name = el.dataset.name || "";
    marker(lat, lon, name)
      .bindPopup(element("p", "map-popup-title mb-0", name))
      .addTo(map);
  }

  const search = document.getElementById("mappa");
  if (search && search.dataset.geojson) void searchMap(search);
  const organization = document.getElementById("mappa-organizzazione");
  if (organization) organizationMap(organization);
})();
