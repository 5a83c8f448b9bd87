// Compare any two published versions in the browser, with exactly the marks of the build's
// 신구대비표 (site_builder/comparison.py and diff.py): articles matched by number, paragraphs
// aligned and paired, words marked with <del>/<ins>, every step bounded by the same work budget.
// The versions' texts are scripts beside this page (YYYY-MM-DD.js, each holding some versions),
// loaded with a <script> tag rather than fetch() so that the page also works opened from disk.
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

  function isHangul(character) { return character >= "\uac00" && character <= "\ud7a3"; }

  // How much of a changed run's start and end both sides share and may stay unmarked: a cut
  // only next to a Hangul syllable (comparison.py's _shared_hangul).
  function sharedHangul(left, right) {
    var start = 0, end = 0, shortest = Math.min(left.length, right.length);
    while (start < shortest && left[start] === right[start]) { start++; }
    while (start && !isHangul(left[start - 1])) { start--; }
    while (end < shortest - start && left[left.length - 1 - end] === right[right.length - 1 - end]) { end++; }
    while (end && !isHangul(left[left.length - end])) { end--; }
    return [start, end];
  }

  function markedRun(text, start, end, tag) {
    return escapeHtml(text.slice(0, start)) + mark(text.slice(start, text.length - end), tag)
      + escapeHtml(text.slice(text.length - end));
  }

  function wordDiff(oldText, newText) {
    var a = tokens(oldText), b = tokens(newText), before = "", after = "";
    wordRuns(a, b).forEach(function (r) {
      var left = a.slice(r[1], r[2]).join(""), right = b.slice(r[3], r[4]).join("");
      if (r[0]) { before += escapeHtml(left); after += escapeHtml(right); return; }
      var shared = sharedHangul(left, right);
      before += markedRun(left, shared[0], shared[1], "del");
      after += markedRun(right, shared[0], shared[1], "ins");
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

  // ---- Articles matched by number, or by content when renumbered (moves.py). ----
  var MOVE_THRESHOLD = 600, MOVE_MIN_WORDS = 3, MATCHING_CELLS = 40000;
  var WORD = /[\p{L}\p{N}_]+/gu;
  var NUMBER_LABEL = /^\s*((?:부\s*칙\s+|Addenda\s+)?(?:제\s*\d+\s*조(?:\s*의\s*\d+)?|제\s*\d+\s*[편장절관]|\d+\s*\.|(?:Article|Part|Chapter|Section)\s+\d+(?:-\d+)?))/i;

  function numberLabel(heading) {
    var match = NUMBER_LABEL.exec(heading);
    return match ? match[1] : heading;
  }

  function articleWords(article) {
    var heading = article.heading.slice(numberLabel(article.heading).length);
    return new Set((heading + "\n" + article.lines.join("\n")).match(WORD) || []);
  }

  function family(article) { return article.key.replace(/\d+(?:-\d+)?$/, ""); }

  function matched(oldArticles, newArticles) {
    var oldIndex = {}, byNumber = {}, pairs = new Map(), taken = new Set();
    oldArticles.forEach(function (a, i) { oldIndex[a.key] = i; });
    newArticles.forEach(function (a, j) { if (a.key in oldIndex) { byNumber[j] = oldIndex[a.key]; } });
    var numbered = Object.keys(byNumber).map(Number).sort(function (x, y) { return x - y; });
    if (oldArticles.length * newArticles.length > MATCHING_CELLS) {
      numbered.forEach(function (j) { pairs.set(j, byNumber[j]); });
      return pairs;
    }
    var oldWords = oldArticles.map(articleWords), newWords = newArticles.map(articleWords);
    numbered.forEach(function (j) {
      if (alike(oldWords[byNumber[j]], newWords[j]) >= MOVE_THRESHOLD) { pairs.set(j, byNumber[j]); taken.add(byNumber[j]); }
    });
    var candidates = [];
    newArticles.forEach(function (b, j) {
      if (pairs.has(j)) { return; }
      oldArticles.forEach(function (a, i) {
        if (taken.has(i) || family(a) !== family(b)) { return; }
        var score = alike(oldWords[i], newWords[j]);
        if (score >= MOVE_THRESHOLD && Math.min(oldWords[i].size, newWords[j].size) >= MOVE_MIN_WORDS) {
          candidates.push([-score, j, i]);
        }
      });
    });
    candidates.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    candidates.forEach(function (c) {
      if (!pairs.has(c[1]) && !taken.has(c[2])) { pairs.set(c[1], c[2]); taken.add(c[2]); }
    });
    numbered.forEach(function (j) {
      if (!pairs.has(j) && !taken.has(byNumber[j])) { pairs.set(j, byNumber[j]); taken.add(byNumber[j]); }
    });
    return pairs;
  }

  function sameLines(a, b) {
    return a.length === b.length && a.every(function (line, i) { return line === b[i]; });
  }

  function added(article) {
    var heading = mark(article.heading, "ins");
    return { key: article.key, kind: "added", heading: heading, heading_before: "", heading_after: heading,
      segments: article.lines.map(function (l) { return { same: false, before: "", after: mark(l, "ins") }; }),
      moved_from: "" };
  }

  function removed(article) {
    var heading = mark(article.heading, "del");
    return { key: article.key, kind: "removed", heading: heading, heading_before: heading, heading_after: "",
      segments: article.lines.map(function (l) { return { same: false, before: mark(l, "del"), after: "" }; }),
      moved_from: "" };
  }

  function changed(before, after) {
    var headings = wordDiff(before.heading, after.heading);
    var moved = before.key !== after.key ? numberLabel(before.heading) : "";
    return { key: after.key, kind: moved ? "moved" : "changed",
      heading: changedHeading(before.heading, after.heading),
      heading_before: headings[0], heading_after: headings[1],
      segments: paragraphDiff(before.lines, after.lines), moved_from: moved };
  }

  function compareArticles(oldArticles, newArticles) {
    var pairs = matched(oldArticles, newArticles), continued = new Set(pairs.values());
    var changes = [], unchanged = 0, anchored = false;
    oldArticles.forEach(function (a, i) {
      if (continued.has(i)) { anchored = true; } else if (!anchored) { changes.push(removed(a)); }
    });
    newArticles.forEach(function (article, j) {
      var i = pairs.has(j) ? pairs.get(j) : null;
      if (i === null) { changes.push(added(article)); return; }
      var before = oldArticles[i];
      if (before.key === article.key && before.heading === article.heading && sameLines(before.lines, article.lines)) {
        unchanged++;
      } else { changes.push(changed(before, article)); }
      for (var k = i + 1; k < oldArticles.length && !continued.has(k); k++) { changes.push(removed(oldArticles[k])); }
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

  function headingCell(markup, moved) {
    var p = html("p", "article-heading", markup);
    if (moved) { p.appendChild(document.createTextNode(" ")); p.appendChild(el("span", "moved", format(strings.moved_from, { label: moved }))); }
    return p;
  }

  // Two columns named by status (comparison_columns in document_pages.py), each cell opening
  // with the article's heading: the build's _comparison_table.html, element for element.
  function table(from, to, comparison) {
    var result = el("table", "comparison");
    var left = from.status === "current" ? strings.column_current : strings.column_former;
    var right = to.status === "upcoming" ? strings.column_proposed : strings.column_amended;
    var head = result.createTHead().insertRow();
    [[left, from, "col-before"], [right, to, "col-after"]].forEach(function (column) {
      var th = el("th", column[2], column[0] + " ");
      th.appendChild(el("span", "col-date", "(" + column[1].effective_text + ")"));
      th.scope = "col";
      head.appendChild(th);
    });
    var body = result.createTBody();
    comparison.changes.forEach(function (row) {
      var tr = el("tr", "row-" + row.kind);
      var before = cell("td", "before", left), after = cell("td", "after", right);
      if (row.kind === "added") { before.appendChild(el("p", "kind", "\u2039" + strings.added + "\u203a")); }
      else { before.appendChild(headingCell(row.heading_before, "")); }
      if (row.kind === "removed") { after.appendChild(el("p", "kind", "\u2039" + strings.removed + "\u203a")); }
      else { after.appendChild(headingCell(row.heading_after, row.moved_from)); }
      if (!row.segments.length) {
        if (row.kind !== "added") { before.appendChild(el("p", "same", strings.heading_only)); }
        if (row.kind !== "removed") { after.appendChild(el("p", "same", strings.heading_only)); }
      }
      row.segments.forEach(function (segment) {
        if (segment.same) {
          before.appendChild(el("p", "same", strings.omitted_lines));
          after.appendChild(el("p", "same", strings.unchanged_lines));
          return;
        }
        if (segment.before && row.kind !== "added") { before.appendChild(html("p", "", segment.before)); }
        if (segment.after && row.kind !== "removed") { after.appendChild(html("p", "", segment.after)); }
      });
      tr.appendChild(before); tr.appendChild(after);
      body.appendChild(tr);
    });
    return result;
  }

  // A version's text is in a script beside this page that holds some versions (its "data"),
  // loaded with a <script> tag so that the page works opened from disk too.
  function load(version, done) {
    var loaded = window.POLICY_VERSIONS && window.POLICY_VERSIONS[version];
    var file = find(version) && find(version).data;
    if (loaded || !/^\d{4}-\d{2}-\d{2}\.js$/.test(file || "")) { done(); return; }
    var script = document.createElement("script");
    script.src = file;
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
    heading.tabIndex = -1;  // after "비교", the reader (and a screen reader) starts at the result
    if (params.get("from") || params.get("to")) { heading.focus(); }
    var between = inBetween(from, to);
    if (between) {
      root.appendChild(el("h3", "", strings.compare_between));
      root.appendChild(between);
    }
    var canonical = document.querySelector("link[rel=canonical]");
    if (canonical && window.PolicyPrint) {  // a printout names the pair it shows
      window.PolicyPrint.permalink(canonical.href + "?from=" + fromKey + "&to=" + toKey);
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
