// On paper: each sheet says when it was printed, in the site's own date style (style.css and
// base.html place the rest: document, effective day, permanent address, page number), and the
// record's hash is printed open, not folded away.
(function () {
  "use strict";

  // A CSS string that nothing in it can end early (base.html's css_string filter, in the browser).
  function cssString(text) {
    return '"' + Array.from(text).map(function (c) {
      return /[\p{L}\p{N} ]/u.test(c) ? c : "\\" + c.codePointAt(0).toString(16) + " ";
    }).join("") + '"';
  }

  function setMargin(id, box, text) {
    var style = document.getElementById(id);
    if (style) { style.textContent = "@page { @" + box + " { content: " + cssString(text) + "; } }"; }
  }

  function stampDate() {
    var style = document.getElementById("print-date");
    if (!style) { return; }
    var day = new Date().toLocaleDateString(document.documentElement.lang || undefined,
      { year: "numeric", month: "long", day: "numeric" });
    setMargin("print-date", "bottom-center", style.getAttribute("data-label") + " " + day);
  }

  var folded = [];
  window.addEventListener("beforeprint", function () {
    stampDate();
    folded = Array.from(document.querySelectorAll("details.record:not([open])"));
    folded.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (details) { details.open = false; });
  });
  stampDate();
  window.PolicyPrint = { permalink: function (address) { setMargin("print-permalink", "bottom-left", address); } };
})();
