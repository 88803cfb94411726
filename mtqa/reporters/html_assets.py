"""The HTML report's inline stylesheet and script (the page loads nothing from the network).

The script only reads data attributes and sets classes, text and `hidden`; it never writes markup
(no innerHTML), so escaped article text stays text.
"""

CSS = """
:root { --error: #c62828; --warning: #ef8f00; --info: #1e78c8; --bg: #fafafa; --fg: #1d1d1d; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: var(--fg); background: var(--bg); }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 1.2rem; }
header h1 { margin: 1rem 0 .2rem; font-size: 1.4rem; }
.summary { color: #555; margin: 0 0 1rem; }
fieldset { border: 1px solid #ddd; border-radius: 6px; margin: 0 0 .6rem; padding: .4rem .8rem; }
fieldset label { display: inline-block; margin-right: 1rem; white-space: nowrap; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
figure.wide { flex: 1 1 100%; }
svg.chart, svg.segment-scores { display: block; width: 100%; height: auto; }
svg text { fill: #333; }
svg .axis-label { fill: #555; font-style: italic; }
#summary table td.num, #summary table th.num { text-align: right; width: 5.5em; }
#summary span.code { font: 12px ui-monospace, monospace; margin-right: .5em; white-space: nowrap; }
#clean-files ul { columns: 2; margin: .3rem 0; }
#clean-files summary, article.doc summary { cursor: pointer; }
article.doc summary h2, #all-findings summary h2 { display: inline; }
#all-findings > summary { cursor: pointer; margin: 1rem 0 .5rem; }
article.doc { content-visibility: auto; contain-intrinsic-size: auto 320px; }
article.doc.clean { background: #f4f4f4; }
.md-x { display: none; }
.md-h1 { font-size: 1.6em; font-weight: 700; }
.md-h2 { font-size: 1.35em; font-weight: 700; }
.md-h3, .md-h4, .md-h5, .md-h6 { font-size: 1.15em; font-weight: 700; }
.md-strong { font-weight: 700; }
.md-em { font-style: italic; }
.md-link { color: #1a57a5; text-decoration: underline; }
.md-quote { color: #444; font-style: italic; }
#rules pre { white-space: pre-wrap; font-size: 13px; }
figure { margin: 0; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .6rem; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
.scroll { overflow-x: auto; max-width: 1060px; }
article.doc { background: #fff; border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0;
  padding: .2rem 1rem; }
article.doc h2 { font-size: 1rem; font-family: ui-monospace, monospace; }
pre.text { white-space: pre-wrap; word-wrap: break-word; font: 15px/1.7 Georgia, serif; }
.seg-id { font: 12px ui-monospace, monospace; color: #777; }
mark.f { background: #e6f1fb; border-bottom: 3px solid var(--info); cursor: pointer; color: inherit; }
mark.f.sev-warning { border-bottom-color: var(--warning); background: #fff3dc; }
mark.f.sev-error { border-bottom-color: var(--error); background: #fde4e4; }
mark.f.short { padding: 0 .25em; margin: 0 .1em; border: 2px solid var(--info); border-bottom-width: 4px;
  border-radius: 3px; font-weight: 700; }
mark.f.short.sev-warning { border-color: var(--warning); }
mark.f.short.sev-error { border-color: var(--error); }
mark.f.blank::before { content: "\\00b6"; color: var(--info); font-weight: bold; }
mark.f.blank.sev-warning::before { color: var(--warning); }
mark.f.blank.sev-error::before { color: var(--error); }
mark.f.caret::after { content: "\\2038"; color: var(--error); font-weight: bold; }
mark.f.off { border-color: transparent; background: none; cursor: auto; font-weight: inherit; }
mark.f.selected { outline: 2px solid #333; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
th, td { border-bottom: 1px solid #eee; padding: .3rem .4rem; text-align: left; vertical-align: top; }
td.span { font-family: Georgia, serif; }
.sev { font-weight: 600; }
.sev-error .sev, .sev.error { color: var(--error); }
.sev-warning .sev, .sev.warning { color: var(--warning); }
.sev-info .sev, .sev.info { color: var(--info); }
tr.finding.selected { background: #fffbd0; }
#detail { position: fixed; right: 1rem; bottom: 1rem; max-width: 30rem; background: #fff;
  border: 1px solid #999;
  border-radius: 6px; padding: .6rem .8rem; box-shadow: 0 2px 10px rgba(0,0,0,.2); }
#detail p { margin: .2rem 0; }
#detail .finding-detail + .finding-detail { border-top: 1px solid #ddd; margin-top: .4rem;
  padding-top: .4rem; }
#detail .label { color: #555; font-size: 13px; }
#detail .src { font-family: Georgia, serif; }
td.src { font-family: Georgia, serif; color: #444; }
.notes { color: #555; font-size: 13px; }
"""

JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.flt"));
  var rows = {};
  document.querySelectorAll("tr.finding").forEach(function (r) { rows[r.dataset.fid] = r; });
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.f"));
  var detail = document.getElementById("detail");

  function active(row) {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) { on[b.dataset.kind + ":" + b.value] = true; } });
    return on["sev:" + row.dataset.sev] && on["code:" + row.dataset.code];
  }
  function apply() {
    var shown = 0;
    Object.keys(rows).forEach(function (id) {
      var ok = active(rows[id]);
      rows[id].hidden = !ok;
      if (ok) { shown += 1; }
    });
    marks.forEach(function (m) {
      var ids = m.dataset.fids.split(" ");
      var any = ids.some(function (id) { return rows[id] && !rows[id].hidden; });
      m.classList.toggle("off", !any);
    });
    document.getElementById("shown").textContent = String(shown);
  }
  function show(mark) {
    marks.forEach(function (m) { m.classList.remove("selected"); });
    Object.keys(rows).forEach(function (id) { rows[id].classList.remove("selected"); });
    mark.classList.add("selected");
    while (detail.firstChild) { detail.removeChild(detail.firstChild); }
    mark.dataset.fids.split(" ").forEach(function (id) {
      var row = rows[id];
      if (!row || row.hidden) { return; }
      row.classList.add("selected");
      var box = document.createElement("div");
      box.className = "finding-detail";
      var p = document.createElement("p");
      var b = document.createElement("b");
      b.textContent = row.dataset.code + " " + row.dataset.sev + ": ";
      p.appendChild(b);
      p.appendChild(document.createTextNode(row.querySelector(".msg").textContent));
      box.appendChild(p);
      [["sugg", "suggestion: "], ["src", "source: "]].forEach(function (part) {
        var text = row.querySelector("." + part[0]).textContent;
        if (!text) { return; }
        var q = document.createElement("p");
        q.className = part[0];
        var label = document.createElement("span");
        label.className = "label";
        label.textContent = part[1];
        q.appendChild(label);
        q.appendChild(document.createTextNode(text));
        box.appendChild(q);
      });
      var a = document.createElement("a");
      a.href = "#rule-" + row.dataset.code;
      a.textContent = "about " + row.dataset.code;
      var r = document.createElement("p");
      r.appendChild(a);
      box.appendChild(r);
      detail.appendChild(box);
    });
    detail.hidden = !detail.firstChild;
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  marks.forEach(function (m) {
    m.addEventListener("click", function () { show(m); });
    m.addEventListener("keydown", function (e) { if (e.key === "Enter") { show(m); } });
  });
  detail.addEventListener("click", function () { detail.hidden = true; });
  // A link to a collapsed article (clean files) or a rule's documentation opens it.
  function reveal() {
    var id = window.location.hash.slice(1);
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var d = target.tagName === "DETAILS" ? target : target.querySelector("details");
    if (d) { d.open = true; }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  // A link may preselect rules or severities: report.html#only=MTQ101,MTQ501 or #only=error
  var only = /[#&]only=([^&]*)/.exec(window.location.hash);
  if (only) {
    var wanted = decodeURIComponent(only[1]).split(",");
    var kinds = {};
    boxes.forEach(function (b) { if (wanted.indexOf(b.value) >= 0) { kinds[b.dataset.kind] = true; } });
    boxes.forEach(function (b) { if (kinds[b.dataset.kind]) { b.checked = wanted.indexOf(b.value) >= 0; } });
  }
  apply();
  document.documentElement.setAttribute("data-mtqa-ready", String(marks.length));
})();
"""
