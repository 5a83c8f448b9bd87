// The policy change banner a product embeds with one tag: <script src=".../assets/notice.js">.
// It reads the site's notice.json (the only request it makes), shows each change in its
// notice window in the page's language, in a labelled region inside a shadow root (the host
// page's CSS does not reach it), dismissable by button or Escape, remembered per notice.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var base = new URL("../", script.src), lang = (document.documentElement.lang || "").slice(0, 2);
  var KEY = "policy-site-dismissed:";

  function load(name) {
    return fetch(new URL(name, base), { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; });
  }

  var data = load("notice.json").then(function (d) {
    var other = d && d.languages && d.languages[lang];
    return other && lang !== d.language ? load(other).then(function (t) { return t || d; }) : d;
  }).catch(function () { return null; });

  function today(zone) {  // YYYY-MM-DD in the site's timezone
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
  }

  function seen(id) { try { return localStorage.getItem(KEY + id); } catch (e) { return null; } }
  function remember(id) { try { localStorage.setItem(KEY + id, "1"); } catch (e) { /* private mode */ } }

  function banner(d, notice) {
    var host = document.createElement("div"), root = host.attachShadow({ mode: "open" });
    root.innerHTML = "<style>:host{all:initial;display:block}section{display:flex;gap:.75em;" +
      "align-items:center;padding:.75em 1em;background:#fff8e6;color:#1a1a1a;border-bottom:1px solid #c9a227;" +
      "font:15px/1.5 system-ui,'Apple SD Gothic Neo','Malgun Gothic',sans-serif}p{margin:0;flex:1}" +
      "a{color:#0b57d0}button{font:inherit;border:1px solid #555;background:#fff;border-radius:4px;" +
      "padding:.2em .6em;cursor:pointer}:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}" +
      "</style><section role=region><p></p><button type=button></button></section>";
    var section = root.querySelector("section"), text = root.querySelector("p");
    var link = document.createElement("a"), button = root.querySelector("button");
    section.setAttribute("aria-label", d.label);
    text.textContent = notice.message + " ";
    link.href = notice.link; link.textContent = notice.link_text;
    text.appendChild(link);
    button.textContent = d.dismiss;
    function close() { remember(notice.id); host.remove(); }
    button.addEventListener("click", close);
    section.addEventListener("keydown", function (e) { if (e.key === "Escape") { close(); } });
    return host;
  }

  data.then(function (d) {
    if (!d) { return; }
    var day = today(d.timezone);
    d.notices.filter(function (n) { return n.effective > day && !seen(n.id); })
      .reverse().forEach(function (n) { document.body.prepend(banner(d, n)); });
  });

  window.PolicySiteNotice = {
    // Resolves true when a user who accepted version acceptedId ("privacy/2015-02-15") must
    // accept the version in force again: a material change came after the one accepted.
    needsAcceptance: function (acceptedId) {
      return data.then(function (d) {
        var now = d && d.in_force[String(acceptedId).split("/")[0]];
        return !!(now && now.last_material && now.last_material > acceptedId);
      });
    }
  };
})();
