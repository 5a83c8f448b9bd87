// Version selector: fills the <select> from the list of versions; the button (or Enter)
// navigates, never the arrow keys alone (WCAG 3.2.2: choosing must not change the page).
// Without JavaScript the form stays hidden and the list of links in <details> does the job;
// with it, the list is hidden, so the page offers one selector, not two with the same label.
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
    nav.querySelector(".version-list").hidden = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (select.value) { window.location.href = select.value; }
    });
  });
})();

// The language switch keeps the reader at the same article: a translation's articles have
// the original's ids (Article 6 and 제6조 are both #article-6).
(function () {
  document.querySelectorAll(".language-switch a").forEach(function (link) {
    link.addEventListener("click", function () {
      if (window.location.hash) { link.href = link.href.split("#")[0] + window.location.hash; }
    });
  });
})();
