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
// the original's ids (Article 6 and 제6조 are both #article-6). The article being read is the
// last whose heading has scrolled past the upper third of the window; the address follows it
// (as documentation sites do), so it survives the scroll back up to the switch and a shared
// link opens there too.
(function () {
  var UNITS = "h2[id^='article-'], h3[id^='article-'], h2[id^='chapter-'], h2[id^='addenda'], h3[id^='addenda']";
  var switches = document.querySelectorAll(".language-switch a");
  var headings = document.querySelectorAll(UNITS);
  if (!switches.length || !headings.length) { return; }
  var pending = false;

  function follow() {
    pending = false;
    var line = window.innerHeight / 3, found = null;
    headings.forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= line) { found = heading; }
    });
    if (found && window.scrollY > 0 && window.location.hash !== "#" + found.id) {
      history.replaceState(history.state, "", "#" + found.id);
    }
  }

  window.addEventListener("scroll", function () {
    if (!pending) { pending = true; window.requestAnimationFrame(follow); }
  }, { passive: true });
  switches.forEach(function (link) {
    link.addEventListener("click", function () {
      if (window.location.hash) { link.href = link.href.split("#")[0] + window.location.hash; }
    });
  });
})();
