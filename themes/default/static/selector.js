// Version selector: the <select> navigates on change. Without JavaScript the form stays
// hidden and the plain list of links in <details> does the same job.
(function () {
  document.querySelectorAll("form.version-select").forEach(function (form) {
    var select = form.querySelector("select[data-navigate]");
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    select.addEventListener("change", function () {
      window.location.href = select.value;
    });
  });
})();
