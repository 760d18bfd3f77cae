// The seat's position on a map, as an enhancement of the latitude/longitude
// fields of the organization form (which work on their own without JavaScript).
// Clicking the map or dragging the marker writes the fields; choosing a comune
// with empty fields moves the marker to the comune's centre.
(function () {
  "use strict";
  const L = window.L;
  const el = document.getElementById("mappa-posizione");
  if (!L || !el) return;
  L.Icon.Default.imagePath = "/assets/leaflet/images/";
  const lat = document.getElementById("campo-lat");
  const lon = document.getElementById("campo-lon");
  const comune = document.getElementById("campo-comuneCode");
  const centres = JSON.parse(el.dataset.centres || "{}");
  const read = (input) => Number(String(input.value).replace(",", "."));
  const current = () => (lat.value && lon.value ? [read(lat), read(lon)] : centres[comune.value] || [44.45, 11.33]);

  el.hidden = false;
  const map = L.map(el).setView(current(), lat.value ? 16 : 12);
  if (el.dataset.tiles)
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  const marker = L.marker(current(), { draggable: true, keyboard: true, title: el.dataset.markerLabel || "" }).addTo(
    map,
  );
  const write = (latlng) => {
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
  };
  marker.on("dragend", () => write(marker.getLatLng()));
  map.on("click", (event) => {
    marker.setLatLng(event.latlng);
    write(event.latlng);
  });
  comune.addEventListener("change", () => {
    const centre = centres[comune.value];
    if (!centre) return;
    lat.value = "";
    lon.value = "";
    marker.setLatLng(centre);
    map.setView(centre, 12);
  });
})();
