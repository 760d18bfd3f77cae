// Progressive enhancement for every page; pages work without it.
(function () {
  "use strict";
  // GET search forms: leave empty fields out of the URL, so shared links stay short.
  document.querySelectorAll('form[method="get"]').forEach(function (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.disabled && field.value === "" && field.type !== "submit") field.disabled = true;
      });
      // Re-enable after the navigation starts, so the back/forward cache shows the fields intact.
      setTimeout(function () {
        Array.prototype.forEach.call(form.elements, function (field) {
          field.disabled = false;
        });
      }, 0);
    });
  });
  // The header's menu is a <details> that works alone; Escape or a click elsewhere closes it, as people expect of a menu.
  var menu = document.querySelector("details.site-menu");
  if (menu) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  }
})();
