// "Use my position" for the search forms, as a progressive enhancement: the
// button stays hidden unless the browser can share its position. Status texts
// come from data-text-locating / data-text-located / data-text-denied on the
// [data-geo-status] element, rendered by the server in the page's language.
(function () {
  "use strict";
  if (!("geolocation" in navigator)) return;

  // 4 decimals is about 10 m: enough for distances, no more precise than needed.
  const round = (value) => value.toFixed(4);

  for (const wrapper of document.querySelectorAll("[data-geo-position]")) {
    const form = wrapper.closest("form");
    const button = wrapper.querySelector("[data-geo-button]");
    const status = wrapper.querySelector("[data-geo-status]");
    if (!form || !button || !status) continue;
    // A page that already searched from a position renders plain hidden inputs.
    const lat = form.querySelector("[data-geo-lat]") || form.querySelector('input[name="lat"]');
    const lon = form.querySelector("[data-geo-lon]") || form.querySelector('input[name="lon"]');
    if (!lat || !lon) continue;
    // The comune a search measures from, or the comune of an alert subscription (/avvisi).
    const vicino = form.querySelector('select[name="vicino"], select[name="comuneCode"]');
    const say = (name) => {
      status.textContent = status.dataset[name] || "";
    };

    wrapper.hidden = false;

    button.addEventListener("click", () => {
      button.disabled = true;
      say("textLocating");
      navigator.geolocation.getCurrentPosition(
        (position) => {
          lat.value = round(position.coords.latitude);
          lon.value = round(position.coords.longitude);
          // One origin at a time: the position replaces the chosen comune.
          if (vicino) vicino.value = "";
          button.disabled = false;
          say("textLocated");
        },
        () => {
          button.disabled = false;
          say("textDenied");
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
      );
    });

    // Choosing a comune afterwards replaces the shared position.
    if (vicino) {
      vicino.addEventListener("change", () => {
        if (!vicino.value) return;
        lat.value = "";
        lon.value = "";
        status.textContent = "";
      });
    }
  }
})();
