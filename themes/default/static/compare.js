// Compare any two published versions in the browser, with exactly the marks of the build's
// 신구대비표 (site_builder/comparison.py and diff.py): articles matched by number, paragraphs
// aligned and paired, words marked with <del>/<ins>, every step bounded by the same work budget.
// Each version's text is a small script beside this page (YYYY-MM-DD.js), loaded with a <script>
// tag rather than fetch() so that the page also works opened from disk.
(function () {
  "use strict";

  // ---- The comparison: a step-for-step port of diff.py and comparison.py. ----
  var WORK_PER_ITEM = 64, WORK_BASE = 20000;
  var PAIRING_CELLS = 10000, PAIRING_THRESHOLD = 500;
  var SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var TOKEN = new RegExp("[" + SPACE + "]+|[\\p{L}\\p{N}_]+|[^" + SPACE + "\\p{L}\\p{N}_]", "gu");
  var ALL_SPACE = new RegExp("^[" + SPACE + "]+$", "u");

  function addRun(runs, same, i1, i2, j1, j2) {
    if (i1 === i2 && j1 === j2) { return; }
    var last = runs[runs.length - 1];
    if (last && last[0] === same) { last[2] = i2; last[4] = j2; }
    else { runs.push([same, i1, i2, j1, j2]); }
  }

  function backtrack(trace, n, m, distance) {
    var steps = [], x = n, y = m;
    for (var d = distance; d > 0; d--) {
      var frontier = trace[d], k = x - y;
      var down = k === -d || (k !== d && frontier[k - 1 + d + 1] < frontier[k + 1 + d + 1]);
      var previousK = down ? k + 1 : k - 1;
      var previousX = frontier[previousK + d + 1], previousY = previousX - previousK;
      var editedX = down ? previousX : previousX + 1;
      for (var s = 0; s < x - editedX; s++) { steps.push([1, 1]); }
      steps.push(down ? [0, 1] : [1, 0]);
      x = previousX; y = previousY;
    }
    for (var t = 0; t < x; t++) { steps.push([1, 1]); }
    var runs = [], ax = 0, by = 0;
    for (var i = steps.length - 1; i >= 0; i--) {
      var step = steps[i];
      addRun(runs, step[0] === step[1], ax, ax + step[0], by, by + step[1]);
      ax += step[0]; by += step[1];
    }
    return runs;
  }

  function myers(a, b, budget) {
    var n = a.length, m = b.length;
    if (n === 0 || m === 0) { return n || m ? [[false, 0, n, 0, m]] : []; }
    var offset = n + m + 1, furthest = new Int32Array(2 * offset + 1), trace = [], work = 0;
    for (var d = 0; d <= n + m; d++) {
      trace.push(furthest.slice(offset - d - 1, offset + d + 2));
      for (var k = -d; k <= d; k += 2) {
        var x = (k === -d || (k !== d && furthest[offset + k - 1] < furthest[offset + k + 1]))
          ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1;
        var y = x - k;
        while (x < n && y < m && a[x] === b[y]) { x++; y++; work++; }
        furthest[offset + k] = x;
        work++;
        if (x >= n && y >= m) { return backtrack(trace, n, m, d); }
      }
      if (work > budget) { return [[false, 0, n, 0, m]]; }
    }
    throw new Error("unreachable");
  }

  function align(a, b) {
    var start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) { start++; }
    var endA = a.length, endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
    var middle = myers(a.slice(start, endA), b.slice(start, endB),
                       WORK_BASE + WORK_PER_ITEM * (a.length + b.length));
    var runs = [];
    addRun(runs, true, 0, start, 0, start);
    middle.forEach(function (r) { addRun(runs, r[0], start + r[1], start + r[2], start + r[3], start + r[4]); });
    addRun(runs, true, endA, a.length, endB, b.length);
    return runs;
  }

  function tokens(text) { return text.match(TOKEN) || []; }
  function isSpace(token) { return ALL_SPACE.test(token); }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/\n/g, "<br>\n");
  }

  function mark(text, tag) { return text ? "<" + tag + ">" + escapeHtml(text) + "</" + tag + ">" : ""; }

  function wordRuns(a, b) {
    var runs = [], aligned = align(a, b);
    aligned.forEach(function (r, index) {
      var same = r[0];
      var between = index > 0 && index < aligned.length - 1;
      if (same && between && a.slice(r[1], r[2]).every(isSpace)) { same = false; }
      var last = runs[runs.length - 1];
      if (last && !last[0] && !same) { last[2] = r[2]; last[4] = r[4]; }
      else { runs.push([same, r[1], r[2], r[3], r[4]]); }
    });
    return runs;
  }

  function wordDiff(oldText, newText) {
    var a = tokens(oldText), b = tokens(newText), before = "", after = "";
    wordRuns(a, b).forEach(function (r) {
      var left = a.slice(r[1], r[2]).join(""), right = b.slice(r[3], r[4]).join("");
      before += r[0] ? escapeHtml(left) : mark(left, "del");
      after += r[0] ? escapeHtml(right) : mark(right, "ins");
    });
    return [before, after];
  }

  function wordSet(paragraph) {
    var set = new Set();
    tokens(paragraph).forEach(function (t) { if (!isSpace(t)) { set.add(t); } });
    return set;
  }

  function alike(a, b) {
    var total = a.size + b.size, common = 0;
    if (!total) { return 0; }
    a.forEach(function (t) { if (b.has(t)) { common++; } });
    return Math.floor(2000 * common / total);
  }

  function pairParagraphs(oldList, newList) {
    var n = oldList.length, m = newList.length, pairs = [], i, j;
    if (n * m > PAIRING_CELLS) {
      for (i = 0; i < Math.min(n, m); i++) { pairs.push([i, i]); }
      for (i = m; i < n; i++) { pairs.push([i, null]); }
      for (j = n; j < m; j++) { pairs.push([null, j]); }
      return pairs;
    }
    var oldWords = oldList.map(wordSet), newWords = newList.map(wordSet), width = m + 1;
    var best = new Array((n + 1) * width).fill(0);
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        var score = alike(oldWords[i], newWords[j]);
        var paired = score >= PAIRING_THRESHOLD ? best[(i + 1) * width + j + 1] + score : -1;
        best[i * width + j] = Math.max(paired, best[(i + 1) * width + j], best[i * width + j + 1]);
      }
    }
    i = 0; j = 0;
    while (i < n || j < m) {
      var here = i < n && j < m ? alike(oldWords[i], newWords[j]) : 0;
      if (here >= PAIRING_THRESHOLD && best[i * width + j] === best[(i + 1) * width + j + 1] + here) {
        pairs.push([i, j]); i++; j++;
      } else if (i < n && (j === m || best[i * width + j] === best[(i + 1) * width + j])) {
        pairs.push([i, null]); i++;
      } else { pairs.push([null, j]); j++; }
    }
    return pairs;
  }

  function paragraphDiff(oldLines, newLines) {
    var segments = [];
    align(oldLines, newLines).forEach(function (r) {
      if (r[0]) { segments.push({ same: true, before: "", after: "" }); return; }
      var oldPart = oldLines.slice(r[1], r[2]), newPart = newLines.slice(r[3], r[4]);
      pairParagraphs(oldPart, newPart).forEach(function (pair) {
        if (pair[1] === null) { segments.push({ same: false, before: mark(oldPart[pair[0]], "del"), after: "" }); }
        else if (pair[0] === null) { segments.push({ same: false, before: "", after: mark(newPart[pair[1]], "ins") }); }
        else {
          var marked = wordDiff(oldPart[pair[0]], newPart[pair[1]]);
          segments.push({ same: false, before: marked[0], after: marked[1] });
        }
      });
    });
    return segments;
  }

  function changedHeading(oldHeading, newHeading) {
    var a = tokens(oldHeading), b = tokens(newHeading), html = "";
    wordRuns(a, b).forEach(function (r) {
      html += r[0] ? escapeHtml(a.slice(r[1], r[2]).join(""))
        : mark(a.slice(r[1], r[2]).join(""), "del") + mark(b.slice(r[3], r[4]).join(""), "ins");
    });
    return html;
  }

  function mergedOrder(oldArticles, newArticles) {
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

  function sameLines(a, b) {
    return a.length === b.length && a.every(function (line, i) { return line === b[i]; });
  }

  function compareArticles(oldArticles, newArticles) {
    var byKey = function (list) {
      var map = {};
      list.forEach(function (a) { map[a.key] = a; });
      return map;
    };
    var oldMap = byKey(oldArticles), newMap = byKey(newArticles), changes = [], unchanged = 0;
    mergedOrder(oldArticles, newArticles).forEach(function (key) {
      var before = oldMap[key], after = newMap[key];
      if (!before) {
        changes.push({ key: key, kind: "added", heading: mark(after.heading, "ins"),
          segments: after.lines.map(function (l) { return { same: false, before: "", after: mark(l, "ins") }; }) });
      } else if (!after) {
        changes.push({ key: key, kind: "removed", heading: mark(before.heading, "del"),
          segments: before.lines.map(function (l) { return { same: false, before: mark(l, "del"), after: "" }; }) });
      } else if (before.heading === after.heading && sameLines(before.lines, after.lines)) {
        unchanged++;
      } else {
        changes.push({ key: key, kind: "changed", heading: changedHeading(before.heading, after.heading),
          segments: paragraphDiff(before.lines, after.lines) });
      }
    });
    return { changes: changes, unchanged: unchanged };
  }

  window.PolicyCompare = { compareArticles: compareArticles, wordDiff: wordDiff };

  // ---- The page: choose two versions, show their 신구대비표. ----
  var root = document.getElementById("comparison-result");
  if (!root) { return; }
  var strings = JSON.parse(root.getAttribute("data-strings"));
  var versions = JSON.parse(root.getAttribute("data-versions"));  // oldest first

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function html(tag, className, markup) {
    var node = el(tag, className);
    node.innerHTML = markup;  // escaped above: only <del>, <ins> and <br> are markup
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  function cell(tag, className, label) {
    var node = el(tag, className);
    if (label) { node.setAttribute("data-label", label); }
    return node;
  }

  function table(from, to, comparison) {
    var result = el("table", "comparison");
    var head = result.createTHead().insertRow();
    [[strings.article, "col-article"],
     [strings.before + " (" + from.effective_text + ")", "col-before"],
     [strings.after + " (" + to.effective_text + ")", "col-after"]].forEach(function (column) {
      var th = el("th", column[1], column[0]);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = result.createTBody();
    comparison.changes.forEach(function (row) {
      var tr = el("tr", "row-" + row.kind);
      var th = html("th", "article-cell", row.heading);
      th.scope = "row";
      var left = cell("td", "before", strings.before), right = cell("td", "after", strings.after);
      if (row.kind === "added") { left.appendChild(el("p", "kind", "<" + strings.added + ">")); }
      if (row.kind === "removed") { right.appendChild(el("p", "kind", "<" + strings.removed + ">")); }
      if (row.kind === "changed" && !row.segments.length) {
        left.appendChild(el("p", "same", strings.heading_only));
        right.appendChild(el("p", "same", strings.heading_only));
      }
      row.segments.forEach(function (segment) {
        if (segment.same) {
          left.appendChild(el("p", "same", strings.omitted_lines));
          right.appendChild(el("p", "same", strings.unchanged_lines));
          return;
        }
        if (segment.before) { left.appendChild(html("p", "", segment.before)); }
        if (segment.after) { right.appendChild(html("p", "", segment.after)); }
      });
      tr.appendChild(th); tr.appendChild(left); tr.appendChild(right);
      body.appendChild(tr);
    });
    return result;
  }

  function load(version, done) {
    var loaded = window.POLICY_VERSIONS && window.POLICY_VERSIONS[version];
    if (loaded || !/^\d{4}-\d{2}-\d{2}$/.test(version)) { done(); return; }
    var script = document.createElement("script");
    script.src = version + ".js";
    script.onload = script.onerror = done;
    document.head.appendChild(script);
  }

  function find(effective) {
    return versions.filter(function (v) { return v.effective === effective; })[0];
  }

  function inBetween(from, to) {
    var list = el("ul", "between");
    versions.forEach(function (v) {
      if (v.effective > from.effective && v.effective <= to.effective && v.summary) {
        list.appendChild(el("li", "", v.effective_text + ": " + v.summary));
      }
    });
    return list.childNodes.length ? list : null;
  }

  function render(fromKey, toKey, note) {
    var data = window.POLICY_VERSIONS || {}, from = find(fromKey), to = find(toKey);
    root.textContent = "";
    if (note) { root.appendChild(el("p", "note", note)); }
    if (!data[fromKey] || !data[toKey]) { return; }
    var heading = el("h2", "", format(strings.compare_heading,
      { before: from.effective_text, after: to.effective_text }));
    root.appendChild(heading);
    document.title = heading.textContent + " - " + document.title;
    var between = inBetween(from, to);
    if (between) {
      root.appendChild(el("h3", "", strings.compare_between));
      root.appendChild(between);
    }
    var comparison = compareArticles(data[fromKey].articles, data[toKey].articles);
    var wrap = el("div", "comparison-wrap");
    if (comparison.changes.length) { wrap.appendChild(table(from, to, comparison)); }
    else { wrap.appendChild(el("p", "", strings.no_changes)); }
    root.appendChild(wrap);
    if (comparison.unchanged) {
      root.appendChild(el("p", "unchanged", format(strings.unchanged_count, { count: comparison.unchanged })));
    }
  }

  var params = new URLSearchParams(window.location.search);
  var form = document.getElementById("compare-form");
  var fromKey = params.get("from") || form.elements.from.value;
  var toKey = params.get("to") || form.elements.to.value;
  var unknown = [fromKey, toKey].filter(function (key) { return !find(key); });
  if (unknown.length) {
    render("", "", format(strings.compare_unknown, { version: unknown.join(", ") }));
    return;
  }
  var note = "";
  if (fromKey > toKey) {
    var swap = fromKey; fromKey = toKey; toKey = swap;
    note = strings.compare_swapped;
  }
  if (fromKey === toKey) { render("", "", strings.compare_same); return; }
  form.elements.from.value = fromKey;
  form.elements.to.value = toKey;
  load(fromKey, function () { load(toKey, function () { render(fromKey, toKey, note); }); });
})();
