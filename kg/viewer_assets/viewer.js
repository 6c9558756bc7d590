// kg viewer: legend, filters, search and details around a vis-network graph.
// Every string that comes from an article reaches the page through textContent
// (the el() helper), never as markup.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  // every node and edge, kept aside: the network draws only a bounded subset (see applyFilters)
  var ALL_NODES = {}, ALL_EDGES = kgGraph.edges, LIMITS = DATA.limits;
  kgGraph.nodes.forEach(function (n) { ALL_NODES[n.id] = n; });
  var edgeById = {};
  ALL_EDGES.forEach(function (e) { edgeById[e.id] = e; });
  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
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
    return edges.getIds({filter: function (e) { return e.claims.indexOf(claimId) >= 0; }});
  }
  function counted(label, count) { return count === 1 ? label : label + " \u00d7" + count; }
  function pager(parent, total, render, first) {  // shows items page by page, LIMITS.page at a time
    var size = LIMITS.page, box = add(parent, el("div")), page = first || 0;
    function draw() {
      clear(box);
      render(box, page * size, Math.min(total, (page + 1) * size));
      if (total <= size) return;
      var bar = add(box, el("p", null, "kg-pager"));
      var prev = add(bar, link("\u2039 previous", function () { page -= 1; draw(); }));
      add(bar, el("span", " page " + (page + 1) + " of " + Math.ceil(total / size) + " "));
      var next = add(bar, link("next \u203a", function () { page += 1; draw(); }));
      prev.disabled = page === 0; next.disabled = (page + 1) * size >= total;
    }
    draw();
    return box;
  }
  function claimants(claim) {  // [[label or null, stance]]: an unattributed claim is stated by its article
    return claim.attributions.length ? claim.attributions.map(function (a) { return [a.claimant, a.stance]; })
      : [[null, "stated"]];
  }
  function whoCell(cell, claim) {
    claimants(claim).forEach(function (c, i) {
      if (i) add(cell, document.createTextNode("; "));
      add(cell, el("span", c[0] ? c[0] + " " + c[1].replace("_", " ") : "the article states it",
                   "kg-stance-" + c[1]));
    });
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
    add(details, link("Show only its neighbourhood", function () { showNeighbourhood(id); }));
    // its ties, heaviest first: one line per drawn relationship, however many reports give it
    var ties = ALL_EDGES.filter(function (e) { return e.from === id || e.to === id; })
      .sort(function (a, b) { return b.count - a.count || (a.id < b.id ? -1 : 1); });
    pager(details, ties.length, function (box, start, end) {
      var list = add(box, el("ul"));
      ties.slice(start, end).forEach(function (e) {
        var other = e.from === id ? e.to : e.from;
        var item = add(list, el("li"));
        add(item, link(counted(e.base, e.count) + ": " + (ALL_NODES[other] || {label: other}).label, function () {
          pin(); network.setSelection({nodes: [], edges: edges.get(e.id) ? [e.id] : []}); showEdge(e.id);
        }));
        if (e.status !== "fact") add(item, el("span", " (" + STATUS_TEXT[e.status] + ")", "kg-muted"));
      });
    });
  }

  // an edge: its one report, or the list of its reports that pass the filters, page by page
  function showEdge(edgeId) {
    var edge = edgeById[edgeId];
    if (!edge) return;
    var shown = edge.claims.filter(function (c) { return claimVisible(DATA.claims[c], countrySelect.value); });
    if (!shown.length) shown = edge.claims;
    if (shown.length === 1) { showClaim(shown[0]); return; }
    statusHeader(edge.base, edge.status, edge.contested);
    var from = ALL_NODES[edge.from] || {}, to = ALL_NODES[edge.to] || {};
    add(details, el("p", from.label + " \u2192 " + to.label));
    add(details, el("h3", shown.length + " reports" +
                    (shown.length < edge.claims.length ? " (of " + edge.claims.length + ", filters on)" : "")));
    pager(details, shown.length, function (box, start, end) {
      var list = add(box, el("ul", null, "kg-report-list"));
      shown.slice(start, end).forEach(function (claimId) {
        var claim = DATA.claims[claimId], doc = DATA.documents[claim.doc] || {};
        var item = add(list, el("li"));
        add(item, el("strong", (claim.date || "undated") + (claim.count ? ", " + claim.count : "")));
        add(item, document.createTextNode(" \u2014 "));
        whoCell(item, claim);
        add(item, document.createTextNode(" \u2014 "));
        add(item, link(doc.title || claim.doc, function () { pin(); selectClaim(claimId); showClaim(claimId); }));
        if (doc.published) add(item, el("span", " (" + doc.published + ")", "kg-muted"));
        if (claim.evidence.length) add(item, el("blockquote", claim.evidence[0].text));
      });
    });
  }

  // the details panel's title, who-says-so status and contested mark, for a claim or an edge
  function statusHeader(title, status, contested) {
    clear(details);
    add(details, el("h2", title));
    add(details, el("span", STATUS_TEXT[status], "kg-status kg-status-" + status));
    if (contested.length) {
      add(details, document.createTextNode(" "));
      add(details, el("span", CONTESTED[0] + " contested: " + contested.join(", "),
                      "kg-status")).style.background = CONTESTED[2];
    }
  }

  function showClaim(claimId) {
    var claim = DATA.claims[claimId];
    if (!claim) return;
    statusHeader(claim.label, claim.status, claim.contested);
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
    if (event && event.reasons.length) add(details, el("p", CONTESTED[0] + " " + event.reasons.join("; ")));
    if (event && event.reports.length > 1) {
      add(details, el("h3", (claim.contested.length ? CONTESTED[0] + " " : "") +
                      "The " + event.reports.length + " reports of this event"));
      reportsTable(claimId, event);
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
    var at = Math.max(0, event.reports.indexOf(claimId));
    return pager(details, event.reports.length, function (box, start, end) {
      var table = add(box, el("table", null, "kg-reports"));
      var head = add(add(table, el("thead")), el("tr"));
      ["count", "date", "who", "article"].forEach(function (h) { add(head, el("th", h)); });
      var body = add(table, el("tbody"));
      event.reports.slice(start, end).forEach(function (id) {
        var r = DATA.claims[id];
        var row = add(body, el("tr", null, id === claimId ? "kg-this" : null));
        add(row, el("td", r.count || "\u2014"));
        add(row, el("td", r.date || "\u2014"));
        whoCell(add(row, el("td")), r);
        var doc = DATA.documents[r.doc] || {}, title = doc.title || r.doc;
        var cell = add(row, el("td"));
        if (id === claimId) add(cell, el("span", title));
        else add(cell, link(title, function () { pin(); selectClaim(id); showClaim(id); }));
      });
    }, Math.floor(at / LIMITS.page));
  }

  function pin() { pinned = true; }
  function selectClaim(claimId) { network.setSelection({nodes: [], edges: edgesOfClaim(claimId)}); }
  function focusNode(id) {
    if (!ALL_NODES[id]) return;
    if (!nodes.get(id)) { showNeighbourhood(id); }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showEntity(id);
  }

  network.on("hoverNode", function (p) { if (!pinned) showEntity(p.node); });
  network.on("hoverEdge", function (p) { if (!pinned) showEdge(p.edge); });
  network.on("click", function (p) {
    if (p.nodes.length) { pin(); showEntity(p.nodes[0]); }
    else if (p.edges.length) {
      pin(); showEdge(p.edges[0]);
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

  // the neighbourhood view: one entity and its ties, one or two hops away
  var focusSelect = document.getElementById("kg-focus"), hopsSelect = document.getElementById("kg-hops");
  Object.keys(DATA.entities)
    .sort(function (a, b) { return DATA.entities[a].label.localeCompare(DATA.entities[b].label); })
    .forEach(function (id) { add(focusSelect, el("option", DATA.entities[id].label)).value = id; });
  function refit() { applyFilters(); network.fit({animation: false}); }
  focusSelect.addEventListener("change", refit);
  hopsSelect.addEventListener("change", refit);
  function showNeighbourhood(id) { focusSelect.value = id; refit(); }

  function near(passing, centre, hops) {  // entity -> how many ties from centre, up to `hops`
    var adjacent = {}, distance = {}, ring = [centre];
    passing.forEach(function (e) {
      (adjacent[e.from] = adjacent[e.from] || []).push(e.to);
      (adjacent[e.to] = adjacent[e.to] || []).push(e.from);
    });
    distance[centre] = 0;
    for (var hop = 1; hop <= hops; hop++) {
      var following = [];
      ring.forEach(function (n) {
        (adjacent[n] || []).forEach(function (m) { if (!(m in distance)) { distance[m] = hop; following.push(m); } });
      });
      ring = following;
    }
    return distance;
  }

  // Filters apply to the reports: an edge passes when any of its reports does, and shows how
  // many do. Then, heaviest first, at most LIMITS.edges edges and LIMITS.nodes entities are drawn.
  function applyFilters() {
    var country = countrySelect.value, centre = focusSelect.value, hops = +hopsSelect.value;
    var seen = {}, shownClaims = {}, passing = [];
    ALL_EDGES.forEach(function (e) {
      var count = 0;
      e.claims.forEach(function (c) {
        if (!(c in seen)) seen[c] = claimVisible(DATA.claims[c], country);
        if (seen[c]) { count += 1; shownClaims[c] = true; }
      });
      if (count) passing.push({edge: e, count: count, from: e.from, to: e.to});
    });
    if (centre) {
      // the ties of the centre (one hop), and of its neighbours (two): not every tie among them
      var distance = near(passing, centre, hops);
      passing = passing.filter(function (p) {
        return p.from in distance && p.to in distance && Math.min(distance[p.from], distance[p.to]) < hops;
      });
    }
    passing.sort(function (a, b) { return b.count - a.count || (a.edge.id < b.edge.id ? -1 : 1); });
    var wantedNodes = {}, nodeCount = 0, drawn = [], left = 0, reports = 0;
    [country, centre].forEach(function (n) { if (n && !wantedNodes[n]) { wantedNodes[n] = true; nodeCount += 1; } });
    passing.forEach(function (p) {
      var extra = (wantedNodes[p.from] ? 0 : 1) + (wantedNodes[p.to] || p.to === p.from ? 0 : 1);
      if (drawn.length >= LIMITS.edges || nodeCount + extra > LIMITS.nodes) { left += 1; return; }
      wantedNodes[p.from] = wantedNodes[p.to] = true;
      nodeCount += extra;
      drawn.push(p);
      reports += p.count;
    });
    // apply the difference only: the network redraws what changed
    var wantedEdges = {};
    var edgeChanges = drawn.map(function (p, rank) {
      wantedEdges[p.edge.id] = true;
      var e = p.edge, label = counted(e.base, p.count);
      return Object.assign({}, e, {label: rank < LIMITS.labels ? label : " ", title: p.count === e.count ?
        e.title : e.base + ": " + p.count + " of " + e.count + " reports pass the filters", width: Math.max(
        e.contested.length ? 2 : 0, Math.min(e.baseWidth + 1.5 * Math.log2(p.count), 12))});
    });
    edges.remove(edges.getIds({filter: function (e) { return !wantedEdges[e.id]; }}));
    edges.update(edgeChanges);
    nodes.remove(nodes.getIds({filter: function (n) { return !wantedNodes[n.id]; }}));
    nodes.update(Object.keys(wantedNodes).filter(function (id) { return !nodes.get(id) && ALL_NODES[id]; })
      .map(function (id) { return ALL_NODES[id]; }));
    document.getElementById("kg-shown").textContent = "showing " + Object.keys(shownClaims).length +
      " of " + Object.keys(DATA.claims).length + " claims";
    var capped = document.getElementById("kg-capped");
    capped.textContent = left ? "drawing the " + drawn.length + " heaviest of " + passing.length +
      " edges (" + reports + " reports, " + nodeCount + " entities): " + left +
      " lighter edges are left out \u2014 pick a neighbourhood or narrow the filters to see them" : "";
    capped.hidden = !left;
  }

  document.getElementById("kg-reset").addEventListener("click", function () {
    countrySelect.value = ""; undated.checked = true; contestedOnly.checked = false;
    focusSelect.value = ""; hopsSelect.value = "1";
    if (dates.length) { dateFrom.value = dates[0]; dateTo.value = dates[dates.length - 1]; }
    [typeInputs, statusInputs].forEach(function (inputs) {
      Object.keys(inputs).forEach(function (k) { inputs[k].checked = true; });
    });
    refit();
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
      return !!nodes.get(id);
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
  network.fit({animation: false});  // the nodes came after the network: frame them
  window.kgViewer = {network: network, nodes: nodes, edges: edges, data: DATA, ready: false,
                     applyFilters: applyFilters, showClaim: showClaim, showEntity: showEntity,
                     showEdge: showEdge, showNeighbourhood: showNeighbourhood, allEdges: ALL_EDGES};
  network.once("afterDrawing", function () {
    window.kgViewer.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.redraw();
})();
