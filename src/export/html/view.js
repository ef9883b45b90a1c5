// govgraph's offline graph view: a force-directed layout on a canvas.
// All text from the graph reaches the page through textContent, never as HTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("govgraph-data").textContent);
  var nodes = DATA.graph.nodes, edges = DATA.graph.edges;
  var COLORS = DATA.colors, HOMES = DATA.districts;
  var N = nodes.length;
  var byId = {};
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // ---- model -------------------------------------------------------------
  var xs = new Float64Array(N), ys = new Float64Array(N);
  var vx = new Float64Array(N), vy = new Float64Array(N);
  var deg = new Int32Array(N);
  var visible = new Uint8Array(N);
  var adj = [];
  for (var i = 0; i < N; i++) {
    byId[nodes[i].id] = i;
    adj.push([]);
    // A sunflower spiral: deterministic, evenly spread start positions.
    var r = 18 * Math.sqrt(i + 0.5), a = i * 2.399963229728653;
    xs[i] = r * Math.cos(a); ys[i] = r * Math.sin(a);
  }
  var E = [];
  for (var k = 0; k < edges.length; k++) {
    var s = byId[edges[k].source], t = byId[edges[k].target];
    if (s === undefined || t === undefined) continue;
    E.push([s, t, edges[k]]);
    deg[s]++; deg[t]++;
    adj[s].push(E.length - 1); adj[t].push(E.length - 1);
  }
  var edgeVisible = new Uint8Array(E.length);
  function radius(i) { return 4 + Math.min(10, Math.sqrt(deg[i]) * 1.5) + (nodes[i].kind === "district" ? 4 : 0); }

  // ---- force layout: springs on edges, repulsion between nearby nodes found
  // through a grid of buckets, a pull to the centre; cools and stops. ----------
  var alpha = 1, iterations = 0, running = true, stepMs = 0;
  var CELL = 80, IDEAL = 45;
  function step() {
    var started = performance.now();
    var i, j;
    var grid = new Map();
    for (i = 0; i < N; i++) {
      var key = Math.floor(xs[i] / CELL) * 65536 + Math.floor(ys[i] / CELL);
      var b = grid.get(key);
      if (b) b.push(i); else grid.set(key, [i]);
    }
    for (i = 0; i < N; i++) {
      var cx = Math.floor(xs[i] / CELL), cy = Math.floor(ys[i] / CELL);
      for (var dx = -1; dx <= 1; dx++) for (var dy = -1; dy <= 1; dy++) {
        var bucket = grid.get((cx + dx) * 65536 + (cy + dy));
        if (!bucket) continue;
        for (var q = 0; q < bucket.length; q++) {
          j = bucket[q];
          if (j <= i) continue;
          var ddx = xs[i] - xs[j], ddy = ys[i] - ys[j];
          var d2 = ddx * ddx + ddy * ddy;
          if (d2 > CELL * CELL) continue;
          if (d2 < 0.01) { ddx = (i % 7) - 3 + 0.1; ddy = (j % 5) - 2 + 0.1; d2 = ddx * ddx + ddy * ddy; }
          var f = 900 / d2;
          vx[i] += ddx * f; vy[i] += ddy * f; vx[j] -= ddx * f; vy[j] -= ddy * f;
        }
      }
    }
    for (var e = 0; e < E.length; e++) {
      var s = E[e][0], t = E[e][1];
      var ex = xs[t] - xs[s], ey = ys[t] - ys[s];
      var d = Math.sqrt(ex * ex + ey * ey) || 1;
      var g = (d - IDEAL) / d * 0.08;
      vx[s] += ex * g; vy[s] += ey * g; vx[t] -= ex * g; vy[t] -= ey * g;
    }
    var moved = 0;
    for (i = 0; i < N; i++) {
      vx[i] -= xs[i] * 0.002; vy[i] -= ys[i] * 0.002;
      var mx = vx[i] * alpha, my = vy[i] * alpha;
      var m = Math.sqrt(mx * mx + my * my);
      if (m > 30) { mx *= 30 / m; my *= 30 / m; m = 30; }
      xs[i] += mx; ys[i] += my; moved += m;
      vx[i] *= 0.5; vy[i] *= 0.5;
    }
    iterations++;
    stepMs += performance.now() - started;
    alpha *= 0.985;
    if (alpha < 0.02 || iterations > 600 || (N > 0 && moved / N < 0.05)) running = false;
  }

  // ---- view --------------------------------------------------------------
  var canvas = $("canvas"), ctx = canvas.getContext("2d");
  var scale = 1, ox = 0, oy = 0, selected = -1, matches = [];
  function resize() {
    var dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, canvas.clientWidth * dpr);
    canvas.height = Math.max(1, canvas.clientHeight * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
  function fit() {
    var minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity, any = false;
    for (var i = 0; i < N; i++) {
      if (!visible[i]) continue;
      any = true;
      minx = Math.min(minx, xs[i]); maxx = Math.max(maxx, xs[i]);
      miny = Math.min(miny, ys[i]); maxy = Math.max(maxy, ys[i]);
    }
    if (!any) { minx = miny = -100; maxx = maxy = 100; }
    var w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
    scale = Math.min(4, 0.9 * Math.min(w / Math.max(80, maxx - minx), h / Math.max(80, maxy - miny)));
    ox = w / 2 - scale * (minx + maxx) / 2; oy = h / 2 - scale * (miny + maxy) / 2;
  }
  function draw() {
    var w = canvas.clientWidth, h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    ctx.translate(ox, oy); ctx.scale(scale, scale);
    ctx.lineWidth = 0.8 / scale;
    ctx.strokeStyle = "rgba(120,120,120,0.45)";
    ctx.beginPath();
    for (var e = 0; e < E.length; e++) {
      if (!edgeVisible[e]) continue;
      ctx.moveTo(xs[E[e][0]], ys[E[e][0]]); ctx.lineTo(xs[E[e][1]], ys[E[e][1]]);
    }
    ctx.stroke();
    if (scale > 0.9 && E.length < 4000) {
      // Arrowheads show which way a fact points (person → event → district).
      ctx.fillStyle = "rgba(90,90,90,0.7)";
      ctx.beginPath();
      for (var e2 = 0; e2 < E.length; e2++) {
        if (!edgeVisible[e2]) continue;
        var s2 = E[e2][0], t2 = E[e2][1];
        var ax = xs[t2] - xs[s2], ay = ys[t2] - ys[s2], len = Math.sqrt(ax * ax + ay * ay) || 1;
        ax /= len; ay /= len;
        var tx = xs[t2] - ax * radius(t2), ty = ys[t2] - ay * radius(t2), sz = 5;
        ctx.moveTo(tx, ty);
        ctx.lineTo(tx - ax * sz - ay * sz * 0.5, ty - ay * sz + ax * sz * 0.5);
        ctx.lineTo(tx - ax * sz + ay * sz * 0.5, ty - ay * sz - ax * sz * 0.5);
        ctx.closePath();
      }
      ctx.fill();
    }
    if (selected >= 0) {
      ctx.strokeStyle = "#d62828"; ctx.lineWidth = 2 / scale; ctx.beginPath();
      adj[selected].forEach(function (e) {
        if (!edgeVisible[e]) return;
        ctx.moveTo(xs[E[e][0]], ys[E[e][0]]); ctx.lineTo(xs[E[e][1]], ys[E[e][1]]);
      });
      ctx.stroke();
    }
    Object.keys(COLORS).forEach(function (kind) {
      ctx.fillStyle = COLORS[kind];
      ctx.beginPath();
      for (var i = 0; i < N; i++) {
        if (!visible[i] || nodes[i].kind !== kind) continue;
        var r = radius(i);
        ctx.moveTo(xs[i] + r, ys[i]); ctx.arc(xs[i], ys[i], r, 0, 2 * Math.PI);
      }
      ctx.fill();
    });
    ctx.lineWidth = 1 / scale; ctx.strokeStyle = "#444"; ctx.beginPath();
    for (var i = 0; i < N; i++) {
      if (!visible[i]) continue;
      var r = radius(i);
      ctx.moveTo(xs[i] + r, ys[i]); ctx.arc(xs[i], ys[i], r, 0, 2 * Math.PI);
    }
    ctx.stroke();
    if (selected >= 0) {
      ctx.lineWidth = 3 / scale; ctx.strokeStyle = "#d62828"; ctx.beginPath();
      ctx.arc(xs[selected], ys[selected], radius(selected) + 3, 0, 2 * Math.PI); ctx.stroke();
    }
    ctx.restore();
    // Labels in screen space, only where they can be read.
    ctx.font = "12px 'Noto Sans CJK SC', sans-serif"; ctx.fillStyle = "#111";
    var shown = 0, showAll = scale > 0.7 || N <= 200;
    for (var j = 0; j < N && shown < 400; j++) {
      if (!visible[j]) continue;
      if (!showAll && j !== selected && nodes[j].kind !== "district") continue;
      var sx = xs[j] * scale + ox, sy = ys[j] * scale + oy;
      if (sx < -50 || sy < -20 || sx > w + 50 || sy > h + 20) continue;
      var name = nodes[j].name.length > 18 ? nodes[j].name.slice(0, 17) + "…" : nodes[j].name;
      ctx.fillText(name, sx + radius(j) * scale + 2, sy + 4); shown++;
    }
    $("status").textContent = running ? "laying out… " + iterations : "layout done (" + iterations + " steps)";
  }
  var userMoved = false;
  function frame() {
    if (running) {
      var t0 = performance.now();
      do { step(); } while (running && performance.now() - t0 < 14);
      if (!userMoved) fit();
      draw();
      requestAnimationFrame(frame);
    } else {
      if (!userMoved) fit();
      draw();
      document.body.setAttribute("data-layout", "done");
      document.body.setAttribute("data-step-ms", (stepMs / Math.max(1, iterations)).toFixed(1));
    }
  }

  // ---- filters -----------------------------------------------------------
  function applyFilters() {
    var kinds = {};
    document.querySelectorAll("#kinds input").forEach(function (c) { kinds[c.value] = c.checked; });
    var district = $("district").value, from = $("from").value, to = $("to").value;
    function inRange(a, b) { return (!from || b >= from) && (!to || a <= to); }
    var count = 0;
    for (var i = 0; i < N; i++) {
      var n = nodes[i], ok = kinds[n.kind] !== false;
      if (ok && district) ok = (HOMES[n.id] || []).indexOf(district) >= 0;
      if (ok && (from || to) && n.kind === "event") ok = !!n.date && inRange(n.date, n.end_date || n.date);
      visible[i] = ok ? 1 : 0; count += visible[i];
    }
    var ecount = 0;
    for (var e = 0; e < E.length; e++) {
      var d = E[e][2], ok2 = visible[E[e][0]] && visible[E[e][1]];
      if (ok2 && (from || to)) {
        var a = d.date || d.first_seen, b = d.date || d.last_seen || a;
        if (a) ok2 = inRange(a, b);
      }
      edgeVisible[e] = ok2 ? 1 : 0; ecount += edgeVisible[e];
    }
    $("shown").textContent = count + " nodes, " + ecount + " edges shown";
    draw();
  }

  // ---- details -----------------------------------------------------------
  function evidenceList(parent, list) {
    (list || []).forEach(function (ev) {
      var p = el("div", ev.text, "ev");
      p.title = ev.doc + " " + ev.start + "–" + ev.end;
      p.appendChild(el("div", "— " + ev.doc));
      parent.appendChild(p);
    });
  }
  function select(i) {
    selected = i;
    var box = $("details");
    box.textContent = "";
    document.body.setAttribute("data-selected", i >= 0 ? nodes[i].id : "");
    if (i < 0) { draw(); return; }
    var n = nodes[i];
    var h = el("h2", n.name); h.id = "selected-name"; box.appendChild(h);
    var dl = el("dl");
    function row(k, v) { if (v === undefined || v === null || v === "" || (v.length === 0)) return; dl.appendChild(el("dt", k)); dl.appendChild(el("dd", Array.isArray(v) ? v.join("、") : v)); }
    row("id", n.id); row("kind", n.kind); row("aliases", n.aliases); row("date", n.date);
    row("end date", n.end_date); row("roles", n.roles);
    box.appendChild(dl);
    evidenceList(box, n.evidence);
    box.appendChild(el("h3", "facts (" + adj[i].length + ")"));
    var ul = el("ul");
    adj[i].forEach(function (e) {
      var d = E[e][2], other = E[e][0] === i ? E[e][1] : E[e][0];
      var li = el("li");
      li.appendChild(el("span", (E[e][0] === i ? "→ " : "← ") + d.relation + " "));
      var a = el("span", nodes[other].name, "link");
      a.addEventListener("click", function () { select(other); centre(other); });
      li.appendChild(a);
      var extra = [d.title, d.date, d.first_seen && d.last_seen ? d.first_seen + "–" + d.last_seen : null].filter(Boolean).join(" ");
      if (extra) li.appendChild(el("span", " " + extra));
      evidenceList(li, d.evidence);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    draw();
  }
  function centre(i) {
    var w = canvas.clientWidth, h = canvas.clientHeight;
    var sx = xs[i] * scale + ox, sy = ys[i] * scale + oy;
    if (scale >= 0.8 && sx > 100 && sy > 60 && sx < w - 120 && sy < h - 60) { draw(); return; }
    scale = Math.max(scale, 1.2);
    ox = w / 2 - xs[i] * scale; oy = h / 2 - ys[i] * scale; userMoved = true;
    draw();
  }
  function search(q) {
    q = q.trim(); matches = [];
    if (!q) { $("matches").textContent = ""; return; }
    for (var i = 0; i < N; i++) {
      var n = nodes[i];
      if (n.name === q || n.id === q || (n.aliases || []).indexOf(q) >= 0) matches.unshift(i);
      else if (n.name.indexOf(q) >= 0 || n.id.indexOf(q) >= 0) matches.push(i);
    }
    $("matches").textContent = matches.length + " match" + (matches.length === 1 ? "" : "es");
    if (matches.length) { select(matches[0]); centre(matches[0]); }
  }

  // ---- controls ----------------------------------------------------------
  $("node-count").textContent = String(N);
  $("edge-count").textContent = String(edges.length);
  var kindsBox = $("kinds");
  var present = {};
  nodes.forEach(function (n) { present[n.kind] = (present[n.kind] || 0) + 1; });
  Object.keys(COLORS).forEach(function (kind) {
    if (!present[kind]) return;
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.value = kind; box.checked = true;
    box.addEventListener("change", applyFilters);
    var sw = el("span", null, "swatch"); sw.style.background = COLORS[kind];
    label.appendChild(box); label.appendChild(sw); label.appendChild(document.createTextNode(kind + " (" + present[kind] + ")"));
    kindsBox.appendChild(label);
  });
  var sel = $("district");
  nodes.forEach(function (n) {
    if (n.kind !== "district") return;
    var o = el("option", n.name); o.value = n.id; sel.appendChild(o);
  });
  sel.addEventListener("change", applyFilters);
  $("from").addEventListener("change", applyFilters);
  $("to").addEventListener("change", applyFilters);
  $("search").addEventListener("input", function () { search(this.value); });
  $("fit").addEventListener("click", function () { userMoved = false; fit(); draw(); });

  var drag = null;
  canvas.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, ox: ox, oy: oy, moved: false }; });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    ox = drag.ox + dx; oy = drag.oy + dy; userMoved = true; draw();
  });
  window.addEventListener("mouseup", function (ev) {
    if (drag && !drag.moved) {
      var rect = canvas.getBoundingClientRect();
      var wx = (ev.clientX - rect.left - ox) / scale, wy = (ev.clientY - rect.top - oy) / scale;
      var best = -1, bestD = Infinity;
      for (var i = 0; i < N; i++) {
        if (!visible[i]) continue;
        var d = (xs[i] - wx) * (xs[i] - wx) + (ys[i] - wy) * (ys[i] - wy), r = radius(i) + 4 / scale;
        if (d < r * r && d < bestD) { best = i; bestD = d; }
      }
      select(best);
    }
    drag = null;
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = canvas.getBoundingClientRect(), mx = ev.clientX - rect.left, my = ev.clientY - rect.top;
    var f = Math.exp(-ev.deltaY * 0.0015);
    var ns = Math.min(20, Math.max(0.02, scale * f));
    ox = mx - (mx - ox) * ns / scale; oy = my - (my - oy) * ns / scale; scale = ns; userMoved = true; draw();
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); draw(); });

  resize();
  applyFilters();
  // A first pass of layout straight away, so the page is drawn even before the
  // first animation frame; the rest runs frame by frame.
  for (var w0 = performance.now(); running && performance.now() - w0 < 50;) step();
  fit();
  draw();
  var params = new URLSearchParams(window.location.search);
  if (params.get("search")) { $("search").value = params.get("search"); search(params.get("search")); }
  document.body.setAttribute("data-ready", "1");
  requestAnimationFrame(frame);
})();
