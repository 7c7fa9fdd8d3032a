// Network view: fetch /api/network and draw speakers and actors with a small force layout
// (repulsion between all nodes, springs along edges, a pull to the centre). The layout is
// computed up front for a fixed number of steps, so the same data always gives the same
// picture; nodes can then be dragged. Everything is built with DOM calls, never innerHTML.
(function () {
  "use strict";
  var box = document.getElementById("network");
  var svg = document.getElementById("network-svg");
  var status = document.getElementById("network-status");
  if (!box || !svg) return;
  var NS = "http://www.w3.org/2000/svg";
  var KNOWN = { speaker: 1, country: 1, organization: 1, grouping: 1, person: 1 };

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function href(node) {
    // A collective target with no actor id ("unfriendly states") has no page: search its words.
    if (node.type === "collective") return "/?q=" + encodeURIComponent('"' + node.label + '"');
    var base = node.type === "speaker" ? "/speakers/" : "/actors/";
    return base + encodeURIComponent(node.ref || node.id);
  }

  // Seeded pseudo-random numbers: a stable starting layout for the same data.
  function rng(seed) {
    return function () {
      seed = (seed * 1664525 + 1013904223) % 4294967296;
      return seed / 4294967296;
    };
  }

  function layout(nodes, edges, w, h) {
    var rand = rng(42), n = nodes.length;
    nodes.forEach(function (d, i) {
      var a = 2 * Math.PI * i / Math.max(n, 1), r = Math.min(w, h) * (0.2 + 0.25 * rand());
      d.x = w / 2 + r * Math.cos(a); d.y = h / 2 + r * Math.sin(a); d.vx = 0; d.vy = 0;
    });
    var k = Math.sqrt((w * h) / Math.max(n, 1)) * 0.6;
    var steps = n > 300 ? 150 : 300;
    for (var step = 0; step < steps; step++) {
      var cool = 1 - step / steps;
      for (var i = 0; i < n; i++) {
        var a = nodes[i];
        for (var j = i + 1; j < n; j++) {
          var b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
          var d2 = dx * dx + dy * dy + 0.01, f = (k * k) / d2;
          if (d2 > 9 * k * k) continue;
          a.vx += dx * f * 0.05; a.vy += dy * f * 0.05;
          b.vx -= dx * f * 0.05; b.vy -= dy * f * 0.05;
        }
      }
      edges.forEach(function (e) {
        var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var f = (d - k) / d * 0.06;
        e.s.vx += dx * f; e.s.vy += dy * f; e.t.vx -= dx * f; e.t.vy -= dy * f;
      });
      nodes.forEach(function (d) {
        // Gravity keeps separate clusters on screen instead of drifting to the edges.
        d.vx += (w / 2 - d.x) * 0.02; d.vy += (h / 2 - d.y) * 0.02;
        var v = Math.sqrt(d.vx * d.vx + d.vy * d.vy), max = 30 * cool + 1;
        if (v > max) { d.vx *= max / v; d.vy *= max / v; }
        d.x += d.vx; d.y += d.vy; d.vx *= 0.6; d.vy *= 0.6;
        // Leave room for the label under the node and to either side of it.
        d.x = Math.max(d.r + 60, Math.min(w - d.r - 60, d.x));
        d.y = Math.max(d.r + 30, Math.min(h - d.r - 18, d.y));
      });
    }
  }

  function draw(data) {
    var w = box.clientWidth || 900, h = box.clientHeight || 600;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var byId = {};
    var nodes = (data.nodes || []).map(function (n) {
      var d = { id: String(n.id), ref: n.ref, label: n.label || String(n.id), type: n.type || "other",
                weight: +n.weight || 1 };
      byId[d.id] = d;
      return d;
    });
    var edges = (data.edges || []).filter(function (e) {
      return byId[e.source] && byId[e.target];
    }).map(function (e) { return { s: byId[e.source], t: byId[e.target], weight: +e.weight || 1 }; });
    if (!nodes.length) {
      status.textContent = "No speaker talks about any recognised actor in these statements.";
      return;
    }
    var maxW = Math.max.apply(null, nodes.map(function (d) { return d.weight; }));
    var maxE = Math.max.apply(null, edges.map(function (e) { return e.weight; }).concat([1]));
    nodes.forEach(function (d) { d.r = 5 + 13 * Math.sqrt(d.weight / maxW); });
    layout(nodes, edges, w, h);

    var gEdges = el("g", { "class": "edges" }, svg);
    var gNodes = el("g", { "class": "nodes" }, svg);
    edges.forEach(function (e) {
      e.el = el("line", { "class": "edge", "stroke-width": (1 + 5 * e.weight / maxE).toFixed(1) }, gEdges);
      var t = el("title", {}, e.el);
      t.textContent = e.s.label + " → " + e.t.label + ": " + e.weight + " statement" + (e.weight === 1 ? "" : "s");
    });
    nodes.forEach(function (d) {
      var cls = KNOWN[d.type] ? d.type : "other";
      d.el = el("a", { "class": "node " + cls, href: href(d), "data-id": d.id, "data-type": d.type }, gNodes);
      el("circle", { r: d.r.toFixed(1) }, d.el);
      var label = el("text", { x: 0, y: (d.r + 11).toFixed(1), "text-anchor": "middle" }, d.el);
      label.textContent = d.label;
      var title = el("title", {}, d.el);
      title.textContent = d.label + " (" + d.type + ")";
    });
    function place() {
      edges.forEach(function (e) {
        e.el.setAttribute("x1", e.s.x.toFixed(1)); e.el.setAttribute("y1", e.s.y.toFixed(1));
        e.el.setAttribute("x2", e.t.x.toFixed(1)); e.el.setAttribute("y2", e.t.y.toFixed(1));
      });
      nodes.forEach(function (d) {
        d.el.setAttribute("transform", "translate(" + d.x.toFixed(1) + "," + d.y.toFixed(1) + ")");
      });
    }
    place();
    status.textContent = nodes.length + " nodes, " + edges.length + " edges";

    // Hover: fade everything not connected to the node.
    nodes.forEach(function (d) {
      d.el.addEventListener("mouseenter", function () {
        box.classList.add("focus");
        d.el.classList.add("near");
        edges.forEach(function (e) {
          if (e.s === d || e.t === d) {
            e.el.classList.add("near"); e.s.el.classList.add("near"); e.t.el.classList.add("near");
          }
        });
      });
      d.el.addEventListener("mouseleave", function () {
        box.classList.remove("focus");
        svg.querySelectorAll(".near").forEach(function (x) { x.classList.remove("near"); });
      });
    });

    // Drag: move a node without following its link unless it was a click.
    var drag = null;
    svg.addEventListener("pointerdown", function (ev) {
      var a = ev.target.closest("a.node");
      if (!a) return;
      var d = byId[a.getAttribute("data-id")];
      drag = { d: d, moved: false, x: ev.clientX, y: ev.clientY };
      ev.preventDefault(); // no native link drag
    });
    // Listen on the window, not with pointer capture: capture would retarget the click and
    // stop a plain click on a node from following its link.
    window.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var rect = svg.getBoundingClientRect(), sx = w / rect.width, sy = h / rect.height;
      if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
      if (!drag.moved) return;
      drag.d.x = (ev.clientX - rect.left) * sx; drag.d.y = (ev.clientY - rect.top) * sy;
      place();
    });
    window.addEventListener("pointerup", function () {
      if (drag && drag.moved) {
        var a = drag.d.el;
        a.addEventListener("click", function stop(e) { e.preventDefault(); a.removeEventListener("click", stop); });
      }
      drag = null;
    });
  }

  fetch(box.getAttribute("data-api"), { headers: { Accept: "application/json" } })
    .then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body.error && body.error.message) || ("HTTP " + r.status));
        return body;
      });
    })
    .then(draw)
    .catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
})();
