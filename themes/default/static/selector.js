// Version selector: fills the <select> from the list of versions and navigates on change.
// Without JavaScript the form stays hidden and the list of links in <details> does the job,
// so each page carries the list of versions once.
(function () {
  document.querySelectorAll(".version-selector").forEach(function (nav) {
    var form = nav.querySelector("form.version-select");
    var select = form.querySelector("select[data-navigate]");
    nav.querySelectorAll(".version-list li").forEach(function (item) {
      var link = item.querySelector("a, [aria-current]");
      var status = item.querySelector(".status");
      var option = document.createElement("option");
      option.value = link.getAttribute("href") || "";
      option.textContent = link.textContent + (status ? " (" + status.textContent + ")" : "");
      option.selected = link.hasAttribute("aria-current");
      select.appendChild(option);
    });
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    select.addEventListener("change", function () {
      if (select.value) { window.location.href = select.value; }
    });
  });
})();
