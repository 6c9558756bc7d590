// kg viewer: legend, filters, search and details around a vis-network graph.
// Every string that comes from an article reaches the page through textContent
// (the el() helper), never as markup.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(kgGraph.nodes);
  var edges = new vis.DataSet(kgGraph.edges);
  var network = new vis.Network(document.getElementById("mynetwork"),
                                {nodes: nodes, edges: edges}, kgGraph.options);
  var details = document.getElementById("kg-details");
  var pinned = false;  // a click pins the details; hovering shows them only when unpinned
  var SHAPES = {dot: "\u25CF", diamond: "\u25C6", square: "\u25A0", triangle: "\u25B2",
                star: "\u2605", triangleDown: "\u25BC", hexagon: "\u2B22"};
  var STATUS_TEXT = {fact: "stated as fact", alleged: "alleged", disputed: "denied or not confirmed"};
  var CONTESTED = DATA.legend.contested;  // [marker, label, colour, halo], from kg.viewer.CONTESTED_STYLE

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2019]/g, "'").replace(/[\u2011\u2013]/g, "-").replace(/\s+/g, " ").trim();
  }
  function link(text, onClick) {
    var button = el("button", text, "kg-link");
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }
  function webLink(url, text) {  // url is http(s) only: checked in kg.viewer
    var a = el("a", text);
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function contestedSwatch(swatch) {  // drawn as the edges are: a line in a magenta halo
    swatch.style.borderTop = "3px solid " + CONTESTED[2];
    swatch.style.boxShadow = "0 0 4px 2px " + CONTESTED[3];
    return swatch;
  }
  function edgesOfClaim(claimId) {
    return edges.getIds({filter: function (e) { return e.claim === claimId; }});
  }

  // --- details panel --------------------------------------------------------------
  function showHint() {
    clear(details);
    add(details, el("p", "Hover over or click an entity or a claim to see its details: " +
                    "who claims it, and the sentence of the article it rests on.", "kg-hint"));
    var legend = add(details, el("ul", null, "kg-legend"));
    DATA.legend.statuses.forEach(function (s) {
      var item = add(legend, el("li"));
      var swatch = add(item, el("span", null, "kg-swatch"));
      swatch.style.borderTop = "3px " + (s[3].length ? (s[3][0] > 4 ? "dashed " : "dotted ") : "solid ") + s[2];
      add(item, document.createTextNode(s[1]));
    });
    var treaty = add(legend, el("li"));
    add(treaty, el("span", null, "kg-swatch")).style.borderTop = "6px solid #8b0000";
    add(treaty, document.createTextNode("defence obligation (treaty claims are thick)"));
    var disputed = add(legend, el("li"));
    contestedSwatch(add(disputed, el("span", null, "kg-swatch")));
    add(disputed, document.createTextNode(CONTESTED[0] + " " + CONTESTED[1]));
  }

  function showEntity(id) {
    var entity = DATA.entities[id];
    if (!entity) return;
    clear(details);
    add(details, el("h2", entity.label));
    var dl = add(details, el("dl"));
    function row(name, value) { add(dl, el("dt", name)); return add(dl, el("dd", value)); }
    row("class", entity.cls);
    if (entity.qid) add(row("Wikidata"), webLink("https://www.wikidata.org/wiki/" + entity.qid, entity.qid));
    if (entity.aliases.length) row("also", entity.aliases.join(", "));
    add(details, el("h3", entity.claims.length + (entity.claims.length === 1 ? " claim" : " claims")));
    var list = add(details, el("ul"));
    entity.claims.forEach(function (claimId) {
      var claim = DATA.claims[claimId];
      var others = [];
      claim.roles.forEach(function (r) {
        r[1].forEach(function (e) { if (e.id !== id) others.push(e.label); });
      });
      var item = add(list, el("li"));
      add(item, link(claim.label + (others.length ? ": " + others.join(", ") : ""), function () {
        pin(); selectClaim(claimId); showClaim(claimId);
      }));
      if (claim.status !== "fact") add(item, el("span", " (" + STATUS_TEXT[claim.status] + ")", "kg-muted"));
    });
  }

  function showClaim(claimId) {
    var claim = DATA.claims[claimId];
    if (!claim) return;
    clear(details);
    add(details, el("h2", claim.label));
    add(details, el("span", STATUS_TEXT[claim.status], "kg-status kg-status-" + claim.status));
    if (claim.contested.length) {
      add(details, document.createTextNode(" "));
      add(details, el("span", CONTESTED[0] + " contested: " + claim.contested.join(", "),
                      "kg-status")).style.background = CONTESTED[2];
    }
    var dl = add(details, el("dl"));
    add(dl, el("dt", "type")); add(dl, el("dd", claim.type));
    claim.roles.forEach(function (r) {
      add(dl, el("dt", r[0]));
      var dd = add(dl, el("dd"));
      r[1].forEach(function (e, i) {
        if (i) add(dd, document.createTextNode(", "));
        add(dd, link(e.label, function () { pin(); focusNode(e.id); }));
      });
    });
    claim.fields.forEach(function (f) { add(dl, el("dt", f[0])); add(dl, el("dd", f[1])); });
    if (claim.attributions.length) {
      add(details, el("h3", "Who says so"));
      var said = add(details, el("ul"));
      claim.attributions.forEach(function (a) {
        var text = a.claimant + " " + a.stance.replace("_", " ") + (a.cue ? " (\u201c" + a.cue + "\u201d)" : "");
        add(said, el("li", text));
      });
    } else {
      add(details, el("p", "The article states it as fact.", "kg-muted"));
    }
    var event = claim.event && DATA.events[claim.event];
    if (event) {
      add(details, el("h3", (claim.contested.length ? CONTESTED[0] + " " : "") +
                      "The " + event.reports.length + " reports of this event"));
      add(details, reportsTable(claimId, event));
    }
    add(details, el("h3", "Evidence"));
    claim.evidence.forEach(function (ev) {
      add(details, el("blockquote", ev.text));
      var doc = DATA.documents[ev.doc] || {};
      var source = add(details, el("p", null, "kg-muted"));
      var title = doc.title || ev.doc;
      if (doc.url) add(source, webLink(doc.url, title)); else add(source, el("strong", title));
      add(source, document.createTextNode(
        (doc.published ? ", " + doc.published : "") + " \u2014 article " + ev.doc));
    });
    add(details, el("p", "rule: " + claim.rule, "kg-muted"));
  }

  // every report of an event side by side; the one shown is marked, the others link to theirs
  function reportsTable(claimId, event) {
    var table = el("table", null, "kg-reports");
    var head = add(add(table, el("thead")), el("tr"));
    ["count", "date", "who", "article"].forEach(function (h) { add(head, el("th", h)); });
    var body = add(table, el("tbody"));
    event.reports.forEach(function (r) {
      var row = add(body, el("tr", null, r.claim === claimId ? "kg-this" : null));
      add(row, el("td", r.count || "\u2014"));
      add(row, el("td", r.date || "\u2014"));
      var who = add(row, el("td"));
      r.claimants.forEach(function (c, i) {
        if (i) add(who, document.createTextNode("; "));
        add(who, el("span", c[0] ? c[0] + " " + c[1].replace("_", " ") : "the article states it",
                    "kg-stance-" + c[1]));
      });
      var doc = DATA.documents[r.doc] || {}, title = doc.title || r.doc;
      var cell = add(row, el("td"));
      if (r.claim === claimId) add(cell, el("span", title));
      else add(cell, link(title, function () { pin(); selectClaim(r.claim); showClaim(r.claim); }));
    });
    return table;
  }

  function pin() { pinned = true; }
  function selectClaim(claimId) { network.setSelection({nodes: [], edges: edgesOfClaim(claimId)}); }
  function focusNode(id) {
    if (!nodes.get(id)) return;
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showEntity(id);
  }

  network.on("hoverNode", function (p) { if (!pinned) showEntity(p.node); });
  network.on("hoverEdge", function (p) { if (!pinned) showClaim(edges.get(p.edge).claim); });
  network.on("click", function (p) {
    if (p.nodes.length) { pin(); showEntity(p.nodes[0]); }
    else if (p.edges.length) {
      var claimId = edges.get(p.edges[0]).claim;
      pin(); selectClaim(claimId); showClaim(claimId);
    } else { pinned = false; showHint(); }
  });

  // --- legend and filters ---------------------------------------------------------
  var legendClasses = document.getElementById("kg-legend-classes");
  DATA.legend.classes.forEach(function (c) {
    var item = add(legendClasses, el("li"));
    add(item, el("span", SHAPES[c[2]] || "\u25CF", "kg-shape")).style.color = c[1];
    add(item, document.createTextNode(c[0]));
  });

  function checkboxes(containerId, rows, colourOf) {
    var box = document.getElementById(containerId), inputs = {};
    rows.forEach(function (r) {
      var label = add(box, el("label"));
      var input = add(label, el("input"));
      input.type = "checkbox"; input.checked = true; input.value = r[0];
      input.addEventListener("change", applyFilters);
      inputs[r[0]] = input;
      var swatch = add(label, el("span", null, "kg-swatch"));
      swatch.style.borderTop = colourOf(r);
      add(label, document.createTextNode(r[1]));
    });
    return inputs;
  }
  var typeInputs = checkboxes("kg-types", DATA.legend.types, function (t) { return "3px solid " + t[2]; });
  var statusInputs = checkboxes("kg-statuses", DATA.legend.statuses, function (s) {
    return "3px " + (s[3].length ? (s[3][0] > 4 ? "dashed " : "dotted ") : "solid ") + s[2];
  });

  var countrySelect = document.getElementById("kg-country");
  Object.keys(DATA.entities).filter(function (id) { return DATA.entities[id].cls === "Country"; })
    .sort(function (a, b) { return DATA.entities[a].label.localeCompare(DATA.entities[b].label); })
    .forEach(function (id) {
      var option = add(countrySelect, el("option", DATA.entities[id].label));
      option.value = id;
    });
  countrySelect.addEventListener("change", applyFilters);

  var dates = [];
  Object.keys(DATA.claims).forEach(function (id) {
    var d = DATA.claims[id].date;
    if (d && dates.indexOf(d) < 0) dates.push(d);
  });
  dates.sort();
  var dateFrom = document.getElementById("kg-date-from"), dateTo = document.getElementById("kg-date-to");
  var undated = document.getElementById("kg-undated");
  [dateFrom, dateTo].forEach(function (select, which) {
    dates.forEach(function (d) { add(select, el("option", d)).value = d; });
    if (dates.length) select.value = which ? dates[dates.length - 1] : dates[0];
    select.disabled = !dates.length;
    select.addEventListener("change", applyFilters);
  });
  undated.addEventListener("change", applyFilters);
  var contestedOnly = document.getElementById("kg-contested");
  contestedSwatch(document.getElementById("kg-contested-swatch"));
  contestedOnly.addEventListener("change", applyFilters);

  // "2024" covers 2024-01-01 to 2024-12-31: a claim is kept when its span meets the range
  function span(date) {
    if (date.length === 4) return [date + "-01-01", date + "-12-31"];
    if (date.length === 7) return [date + "-01", date + "-31"];
    return [date.slice(0, 10), date.slice(0, 10)];
  }

  function claimVisible(claim, country) {
    if (!typeInputs[claim.type] || !typeInputs[claim.type].checked) return false;
    if (!statusInputs[claim.status].checked) return false;
    if (country && claim.entities.indexOf(country) < 0) return false;
    if (contestedOnly.checked && !claim.contested.length) return false;
    if (!claim.date) return undated.checked;
    if (!dates.length) return true;
    var s = span(claim.date);
    return s[1] >= span(dateFrom.value)[0] && s[0] <= span(dateTo.value)[1];
  }

  function filtersAtRest() {
    return !countrySelect.value && undated.checked && !contestedOnly.checked &&
      (!dates.length || (dateFrom.value === dates[0] && dateTo.value === dates[dates.length - 1])) &&
      Object.keys(typeInputs).every(function (k) { return typeInputs[k].checked; }) &&
      Object.keys(statusInputs).every(function (k) { return statusInputs[k].checked; });
  }

  function applyFilters() {
    var country = countrySelect.value, atRest = filtersAtRest();
    var shownClaims = {}, shownNodes = {}, edgeChanges = [], nodeChanges = [];
    if (country) shownNodes[country] = true;
    edges.forEach(function (e) {
      var visible = claimVisible(DATA.claims[e.claim], country);
      if (visible) { shownClaims[e.claim] = true; shownNodes[e.from] = shownNodes[e.to] = true; }
      if (!!e.hidden === visible) edgeChanges.push({id: e.id, hidden: !visible});
    });
    nodes.forEach(function (n) {
      var visible = atRest || !!shownNodes[n.id];
      if (!!n.hidden === visible) nodeChanges.push({id: n.id, hidden: !visible});
    });
    if (edgeChanges.length) edges.update(edgeChanges);
    if (nodeChanges.length) nodes.update(nodeChanges);
    document.getElementById("kg-shown").textContent = "showing " + Object.keys(shownClaims).length +
      " of " + Object.keys(DATA.claims).length + " claims";
  }

  document.getElementById("kg-reset").addEventListener("click", function () {
    countrySelect.value = ""; undated.checked = true; contestedOnly.checked = false;
    if (dates.length) { dateFrom.value = dates[0]; dateTo.value = dates[dates.length - 1]; }
    [typeInputs, statusInputs].forEach(function (inputs) {
      Object.keys(inputs).forEach(function (k) { inputs[k].checked = true; });
    });
    applyFilters();
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({animation: false}); });

  // --- search ---------------------------------------------------------------------
  var searchIndex = Object.keys(DATA.entities).map(function (id) {
    var e = DATA.entities[id];
    return {id: id, label: e.label, text: [e.label].concat(e.aliases).map(fold).join("\u0000")};
  });
  var searchBox = document.getElementById("kg-search"), results = document.getElementById("kg-search-results");
  function search() {
    var query = fold(searchBox.value);
    clear(results);
    if (!query) { network.unselectAll(); return []; }
    var found = searchIndex.filter(function (s) { return s.text.indexOf(query) >= 0; });
    found.slice(0, 30).forEach(function (s) {
      add(add(results, el("li")), link(s.label, function () { pin(); focusNode(s.id); }));
    });
    if (!found.length) add(results, el("li", "no entity matches", "kg-muted"));
    network.selectNodes(found.map(function (s) { return s.id; }).filter(function (id) {
      return !nodes.get(id).hidden;
    }));
    return found;
  }
  searchBox.addEventListener("input", search);
  searchBox.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var found = search();
    if (found.length) { pin(); focusNode(found[0].id); }
  });

  showHint();
  applyFilters();
  window.kgViewer = {network: network, nodes: nodes, edges: edges, data: DATA, ready: false,
                     applyFilters: applyFilters, showClaim: showClaim, showEntity: showEntity};
  network.once("afterDrawing", function () {
    window.kgViewer.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.redraw();
})();
