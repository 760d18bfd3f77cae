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
})();
