// Compare any two published versions in the browser: articles matched by number, paragraphs
// aligned, words marked with <del>/<ins>, like the build's 신구대비표. Each version's text is a
// small script beside this page (YYYY-MM-DD.js), loaded with a <script> tag rather than fetch()
// so that the page also works opened from disk.
(function () {
  "use strict";
  var root = document.getElementById("comparison-result");
  if (!root) { return; }
  var strings = JSON.parse(root.getAttribute("data-strings"));
  var TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

  function opcodes(a, b) {
    // Longest common subsequence by dynamic programming; inputs are paragraphs or words of one
    // article, small enough for the quadratic table.
    var n = a.length, m = b.length, width = m + 1;
    var table = new Uint32Array((n + 1) * width);
    for (var i = n - 1; i >= 0; i--) {
      for (var j = m - 1; j >= 0; j--) {
        table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    var ops = [], x = 0, y = 0;
    function push(same, i1, i2, j1, j2) {
      var last = ops[ops.length - 1];
      if (last && last.same === same) { last.i2 = i2; last.j2 = j2; }
      else { ops.push({ same: same, i1: i1, i2: i2, j1: j1, j2: j2 }); }
    }
    while (x < n || y < m) {
      if (x < n && y < m && a[x] === b[y]) { push(true, x, x + 1, y, y + 1); x++; y++; }
      else if (y < m && (x === n || table[x * width + y + 1] >= table[(x + 1) * width + y])) {
        push(false, x, x, y, y + 1); y++;
      } else { push(false, x, x + 1, y, y); x++; }
    }
    return ops;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function appendText(parent, text) {
    text.split("\n").forEach(function (line, index) {
      if (index) { parent.appendChild(document.createElement("br")); }
      if (line) { parent.appendChild(document.createTextNode(line)); }
    });
  }

  function appendMarked(parent, text, tag) {
    if (!text) { return; }
    var mark = document.createElement(tag);
    appendText(mark, text);
    parent.appendChild(mark);
  }

  function wordDiff(before, after) {
    var a = before.match(TOKEN) || [], b = after.match(TOKEN) || [];
    var left = el("p"), right = el("p");
    var ops = opcodes(a, b);
    ops.forEach(function (op, index) {
      var oldText = a.slice(op.i1, op.i2).join(""), newText = b.slice(op.j1, op.j2).join("");
      var between = index > 0 && index < ops.length - 1 && !oldText.trim();
      if (op.same && !between) { appendText(left, oldText); appendText(right, newText); }
      else { appendMarked(left, oldText, "del"); appendMarked(right, newText, "ins"); }
    });
    return [left, right];
  }

  function cell(label) {
    var td = el("td");
    td.setAttribute("data-label", label);
    return td;
  }

  function articleRow(key, before, after) {
    var row = el("tr", "row-" + (!before ? "added" : !after ? "removed" : "changed"));
    var left = cell(strings.before), right = cell(strings.after);
    if (!before) { left.appendChild(el("p", "kind", strings.added)); }
    if (!after) { right.appendChild(el("p", "kind", strings.removed)); }
    if (before && after) {
      var headings = wordDiff(before.heading, after.heading);
      headings[0].className = headings[1].className = "article-heading";
      left.appendChild(headings[0]); right.appendChild(headings[1]);
      opcodes(before.lines, after.lines).forEach(function (op) {
        if (op.same) {
          left.appendChild(el("p", "same", strings.unchanged_lines));
          right.appendChild(el("p", "same", strings.unchanged_lines));
          return;
        }
        var pair = wordDiff(before.lines.slice(op.i1, op.i2).join("\n"),
                            after.lines.slice(op.j1, op.j2).join("\n"));
        if (op.i2 > op.i1) { left.appendChild(pair[0]); }
        if (op.j2 > op.j1) { right.appendChild(pair[1]); }
      });
    } else {
      var only = before || after, target = before ? left : right, tag = before ? "del" : "ins";
      var heading = el("p", "article-heading");
      appendMarked(heading, only.heading, tag);
      var body = el("p");
      appendMarked(body, only.lines.join("\n"), tag);
      target.appendChild(heading); target.appendChild(body);
    }
    row.appendChild(left); row.appendChild(right);
    return row;
  }

  function same(a, b) {
    return a.heading === b.heading && a.lines.join("\n") === b.lines.join("\n");
  }

  function mergedKeys(oldArticles, newArticles) {
    var order = newArticles.map(function (a) { return a.key; });
    oldArticles.forEach(function (article, position) {
      if (order.indexOf(article.key) >= 0) { return; }
      var anchor = null;
      for (var i = position - 1; i >= 0; i--) {
        if (order.indexOf(oldArticles[i].key) >= 0) { anchor = oldArticles[i].key; break; }
      }
      order.splice(anchor === null ? 0 : order.indexOf(anchor) + 1, 0, article.key);
    });
    return order;
  }

  function load(version, done) {
    var loaded = window.POLICY_VERSIONS && window.POLICY_VERSIONS[version];
    if (loaded || !/^\d{4}-\d{2}-\d{2}$/.test(version)) { done(); return; }
    var script = document.createElement("script");
    script.src = version + ".js";
    script.onload = script.onerror = done;
    document.head.appendChild(script);
  }

  function render(fromKey, toKey) {
    var versions = window.POLICY_VERSIONS || {};
    var from = versions[fromKey], to = versions[toKey];
    root.textContent = "";
    if (!from || !to) { return; }
    var byKey = function (list) {
      var map = {};
      list.forEach(function (a) { map[a.key] = a; });
      return map;
    };
    var oldMap = byKey(from.articles), newMap = byKey(to.articles), unchanged = 0;
    var table = el("table", "comparison");
    var head = table.createTHead().insertRow();
    [strings.before + " (" + fromKey + ")", strings.after + " (" + toKey + ")"].forEach(function (text) {
      var th = el("th", "", text);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = table.createTBody();
    mergedKeys(from.articles, to.articles).forEach(function (key) {
      var before = oldMap[key], after = newMap[key];
      if (before && after && same(before, after)) { unchanged++; return; }
      body.appendChild(articleRow(key, before, after));
    });
    var wrap = el("div", "comparison-wrap");
    if (body.rows.length) { wrap.appendChild(table); }
    else { wrap.appendChild(el("p", "", strings.no_changes)); }
    root.appendChild(wrap);
    root.appendChild(el("p", "unchanged", strings.unchanged_count.replace("{count}", unchanged)));
  }

  var params = new URLSearchParams(window.location.search);
  var form = document.getElementById("compare-form");
  ["from", "to"].forEach(function (name) {
    var value = params.get(name);
    var offered = Array.prototype.some.call(form.elements[name].options, function (option) {
      return option.value === value;
    });
    if (offered) { form.elements[name].value = value; }
  });
  var fromKey = form.elements.from.value, toKey = form.elements.to.value;
  load(fromKey, function () { load(toKey, function () { render(fromKey, toKey); }); });
})();
