// govgraph's offline graph view: a force-directed layout on a canvas.
// All text from the graph reaches the page through textContent, never as HTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("govgraph-data").textContent);
  var nodes = DATA.graph.nodes, edges = DATA.graph.edges;
  var COLORS = DATA.colors, HOMES = DATA.districts;
  // The articles evidence names, by that name: the citations (not drawn).
  var DOCS = DATA.documents || {};
  var RELS = (DATA.relations || []).slice();
  var N = nodes.length;
  var byId = {};
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // ---- dates: ISO days <-> day numbers (UTC, so the same everywhere) --------
  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  function dayOf(iso) {
    var m = ISO.exec(iso || "");
    return m ? Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000) : null;
  }
  function isoOf(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  function isDate(v) { return typeof v === "string" && ISO.test(v); }

  // ---- model -------------------------------------------------------------
  var xs = new Float64Array(N), ys = new Float64Array(N);
  var vx = new Float64Array(N), vy = new Float64Array(N);
  var deg = new Int32Array(N);
  var visible = new Uint8Array(N), dim = new Uint8Array(N), near = new Uint8Array(N);
  var adj = [];
  for (var i = 0; i < N; i++) {
    byId[nodes[i].id] = i;
    adj.push([]);
    // A sunflower spiral: deterministic, evenly spread start positions.
    var r = 18 * Math.sqrt(i + 0.5), a = i * 2.399963229728653;
    xs[i] = r * Math.cos(a); ys[i] = r * Math.sin(a);
  }
  var relIndex = {};
  RELS.forEach(function (rel, k) { relIndex[rel.name] = k; });
  var E = [];
  for (var k = 0; k < edges.length; k++) {
    var s = byId[edges[k].source], t = byId[edges[k].target];
    if (s === undefined || t === undefined) continue;
    var rn = String(edges[k].relation);
    if (relIndex[rn] === undefined) { relIndex[rn] = RELS.length; RELS.push({ name: rn, color: "#888888" }); }
    E.push([s, t, edges[k], relIndex[rn]]);
    deg[s]++; deg[t]++;
    adj[s].push(E.length - 1); adj[t].push(E.length - 1);
  }
  var byRel = RELS.map(function () { return []; });
  for (var e0 = 0; e0 < E.length; e0++) byRel[E[e0][3]].push(e0);
  var edgeVisible = new Uint8Array(E.length), edgeDim = new Uint8Array(E.length);
  var relShown = RELS.map(function () { return true; });
  var byKind = {};
  for (var i0 = 0; i0 < N; i0++) (byKind[nodes[i0].kind] = byKind[nodes[i0].kind] || []).push(i0);
  var kindOrder = Object.keys(COLORS).concat(Object.keys(byKind).filter(function (k) { return !COLORS[k]; }).sort());
  function radius(i) { return 4 + Math.min(10, Math.sqrt(deg[i]) * 1.5) + (nodes[i].kind === "district" ? 4 : 0); }
  // Importance for labels: districts first, then by degree; ties by position.
  var byImportance = [];
  for (var i1 = 0; i1 < N; i1++) byImportance.push(i1);
  function weight(i) { return deg[i] + (nodes[i].kind === "district" ? 1e6 : 0); }
  byImportance.sort(function (p, q) { return weight(q) - weight(p) || p - q; });

  // The span of an edge in time, as day numbers [a, b], or null if undated:
  // a post from its start (else first sighting) to its end (else last
  // sighting); a participation or personnel fact on its day.
  function edgeSpan(d, t) {
    var a, b;
    if (d.relation === "holds_post") {
      a = d.start || d.first_seen; b = d.end || d.last_seen || a;
    } else {
      a = d.date || (nodes[t] && nodes[t].kind === "event" ? nodes[t].date : null);
      b = a;
    }
    var da = dayOf(a), db = dayOf(b);
    if (da === null) return null;
    if (db === null || db < da) db = da;
    return [da, db];
  }
  var spans = E.map(function (x) { return edgeSpan(x[2], x[1]); });

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
  var scale = 1, ox = 0, oy = 0, selected = -1, hover = -1, matches = [];
  var FONT = "12px 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
  var BOLD = "bold 13px 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
  var labelText = [], labelWidth = new Float32Array(N);
  for (var i2 = 0; i2 < N; i2++) {
    var nm = String(nodes[i2].name);
    labelText.push(nm.length > 18 ? nm.slice(0, 17) + "…" : nm);
  }
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
  // How a node is drawn: 0 in full, 1 faded by the time range, 2 faded as
  // outside the selection's neighbourhood.
  function nodeLevel(i) {
    if (selected >= 0 && !near[i]) return 2;
    return dim[i] ? 1 : 0;
  }
  function edgeLevel(e) {
    if (selected >= 0 && E[e][0] !== selected && E[e][1] !== selected) return 2;
    return edgeDim[e] ? 1 : 0;
  }
  var NODE_ALPHA = [1, 0.3, 0.13];
  function draw() {
    var w = canvas.clientWidth, h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    ctx.translate(ox, oy); ctx.scale(scale, scale);
    var many = E.length > 3000;
    var EDGE_ALPHA = [many ? 0.45 : 0.75, 0.16, 0.06];
    var arrows = scale > 0.9 && E.length < 4000;
    // Edges, by relation and level: faded ones first, the selection's last.
    for (var lv = 2; lv >= 0; lv--) {
      for (var rr = 0; rr < RELS.length; rr++) {
        if (!relShown[rr] || !byRel[rr].length) continue;
        var list = byRel[rr], any = false;
        ctx.beginPath();
        for (var q = 0; q < list.length; q++) {
          var e = list[q];
          if (!edgeVisible[e] || edgeLevel(e) !== lv) continue;
          ctx.moveTo(xs[E[e][0]], ys[E[e][0]]); ctx.lineTo(xs[E[e][1]], ys[E[e][1]]); any = true;
        }
        if (!any) continue;
        ctx.globalAlpha = EDGE_ALPHA[lv];
        ctx.strokeStyle = RELS[rr].color;
        ctx.lineWidth = (lv === 0 && selected >= 0 ? 2.4 : 1) / scale;
        ctx.stroke();
        if (lv === 0 && arrows) {
          // Arrowheads show which way a fact points (person → event → district).
          ctx.fillStyle = RELS[rr].color;
          ctx.beginPath();
          for (var q2 = 0; q2 < list.length; q2++) {
            var e2 = list[q2];
            if (!edgeVisible[e2] || edgeLevel(e2) !== 0) continue;
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
      }
    }
    // Nodes: at least a dot of 1.6 pixels however far out the zoom.
    var minR = 1.6 / scale, outline = scale > 0.35;
    for (var lv2 = 2; lv2 >= 0; lv2--) {
      ctx.globalAlpha = NODE_ALPHA[lv2];
      kindOrder.forEach(function (kind) {
        var list = byKind[kind];
        if (!list) return;
        ctx.fillStyle = COLORS[kind] || "#cccccc";
        ctx.beginPath();
        var any = false;
        for (var q = 0; q < list.length; q++) {
          var i = list[q];
          if (!visible[i] || nodeLevel(i) !== lv2) continue;
          var r = Math.max(minR, radius(i));
          ctx.moveTo(xs[i] + r, ys[i]); ctx.arc(xs[i], ys[i], r, 0, 2 * Math.PI); any = true;
        }
        if (!any) return;
        ctx.fill();
        if (outline) { ctx.lineWidth = 1 / scale; ctx.strokeStyle = "#444"; ctx.stroke(); }
      });
    }
    ctx.globalAlpha = 1;
    if (selected >= 0) {
      ctx.lineWidth = 3 / scale; ctx.strokeStyle = "#111"; ctx.beginPath();
      ctx.arc(xs[selected], ys[selected], Math.max(minR, radius(selected)) + 3 / scale, 0, 2 * Math.PI); ctx.stroke();
    }
    ctx.restore();
    drawLabels(w, h);
    $("status").textContent = running ? "laying out… " + iterations : "layout done (" + iterations + " steps)";
  }

  // Labels in screen space: the hovered and selected nodes' first, then the
  // selection's neighbours, then by importance; a node needs more degree to
  // be labelled the further out the zoom, and no label covers another.
  function minDegree() {
    var need = scale >= 1.6 || N <= 40 ? 0 : scale >= 1 ? 1 : scale >= 0.6 ? 2 : scale >= 0.35 ? 3 : scale >= 0.2 ? 6 : 12;
    // Beside a selection, the rest of the graph keeps fewer labels.
    return selected >= 0 ? need * 2 + 2 : need;
  }
  var occ = null, occW = 0, occH = 0, OCC = 6;
  function place(x, y, w, h) {
    var x0 = Math.max(0, Math.floor(x / OCC)), x1 = Math.min(occW - 1, Math.floor((x + w) / OCC));
    var y0 = Math.max(0, Math.floor(y / OCC)), y1 = Math.min(occH - 1, Math.floor((y + h) / OCC));
    if (x0 > x1 || y0 > y1) return false;
    var cx, cy;
    for (cy = y0; cy <= y1; cy++) for (cx = x0; cx <= x1; cx++) if (occ[cy * occW + cx]) return false;
    for (cy = y0; cy <= y1; cy++) for (cx = x0; cx <= x1; cx++) occ[cy * occW + cx] = 1;
    return true;
  }
  function drawLabels(w, h) {
    occW = Math.ceil(w / OCC) + 1; occH = Math.ceil(h / OCC) + 1;
    occ = new Uint8Array(occW * occH);
    var placed = [], limit = 300, need = minDegree();
    function tryLabel(j, strong) {
      if (!visible[j]) return;
      var sx = xs[j] * scale + ox, sy = ys[j] * scale + oy;
      if (sx < -40 || sy < -20 || sx > w + 10 || sy > h + 20) return;
      if (!labelWidth[j]) { ctx.font = FONT; labelWidth[j] = ctx.measureText(labelText[j]).width; }
      var lw = labelWidth[j] * (strong ? 1.15 : 1);
      var lx = sx + Math.max(1.6, radius(j) * scale) + 3, ly = sy - 8;
      if (!place(lx - 1, ly, lw + 2, 16) && !strong) return;
      placed.push([j, lx, sy + 4, strong]);
    }
    if (hover >= 0) tryLabel(hover, true);
    if (selected >= 0) {
      if (selected !== hover) tryLabel(selected, true);
      adj[selected].forEach(function (e) {
        if (!edgeVisible[e] || placed.length >= limit) return;
        var o = E[e][0] === selected ? E[e][1] : E[e][0];
        if (o !== hover && o !== selected && !placed.some(function (p) { return p[0] === o; })) tryLabel(o, false);
      });
    }
    for (var k = 0; k < byImportance.length && placed.length < limit; k++) {
      var j = byImportance[k];
      if (j === selected || j === hover || (selected >= 0 && near[j])) continue;
      if (nodes[j].kind !== "district" && deg[j] < need) break;
      tryLabel(j, false);
    }
    ctx.lineJoin = "round";
    for (var p = placed.length - 1; p >= 0; p--) {
      var it = placed[p], n = it[0];
      var faded = (selected >= 0 && !near[n]) || dim[n];
      ctx.font = it[3] ? BOLD : FONT;
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(labelText[n], it[1], it[2]);
      ctx.fillStyle = faded ? "#9a9a9a" : "#111";
      ctx.fillText(labelText[n], it[1], it[2]);
    }
    document.body.setAttribute("data-labels", String(placed.length));
  }

  // While the layout still moves, a node brought into view stays where it was
  // put (until the user pans or zooms).
  var userMoved = false, follow = null;
  function frame() {
    if (running) {
      var t0 = performance.now();
      do { step(); } while (running && performance.now() - t0 < 14);
      if (follow) { ox = follow[1] - xs[follow[0]] * scale; oy = follow[2] - ys[follow[0]] * scale; }
      else if (!userMoved) fit();
      draw();
      requestAnimationFrame(frame);
    } else {
      if (!userMoved) fit();
      draw();
      document.body.setAttribute("data-layout", "done");
      document.body.setAttribute("data-step-ms", (stepMs / Math.max(1, iterations)).toFixed(1));
    }
  }

  // ---- time range ----------------------------------------------------------
  var minDay = null, maxDay = null;
  function seeDay(v) {
    var d = dayOf(v);
    if (d === null) return;
    if (minDay === null || d < minDay) minDay = d;
    if (maxDay === null || d > maxDay) maxDay = d;
  }
  nodes.forEach(function (n) { if (n.kind === "event") { seeDay(n.date); seeDay(n.end_date); } });
  E.forEach(function (x) { var d = x[2]; seeDay(d.date); seeDay(d.start); seeDay(d.end); seeDay(d.first_seen); seeDay(d.last_seen); });
  var lo = $("time-lo"), hi = $("time-hi");
  function rangeDays() {
    var f = dayOf($("from").value), t = dayOf($("to").value);
    return [f === null ? -Infinity : f, t === null ? Infinity : t];
  }
  function syncSliders() {
    if (minDay === null) return;
    var r = rangeDays();
    lo.value = String(Math.max(minDay, Math.min(maxDay, r[0] === -Infinity ? minDay : r[0])));
    hi.value = String(Math.max(minDay, Math.min(maxDay, r[1] === Infinity ? maxDay : r[1])));
  }
  function showRange() {
    var f = $("from").value, t = $("to").value, label = $("time-label");
    if (minDay === null) { label.textContent = "no dates in this graph"; return; }
    if (!f && !t) label.textContent = "all dates: " + isoOf(minDay) + " – " + isoOf(maxDay);
    else label.textContent = (f || "…") + " – " + (t || "…");
    var r = rangeDays();
    document.querySelectorAll("#time-hist span").forEach(function (b) {
      var a = +b.getAttribute("data-a"), z = +b.getAttribute("data-b");
      b.className = z >= r[0] && a <= r[1] ? "in" : "";
    });
  }
  function fromSliders(which) {
    var a = +lo.value, b = +hi.value;
    if (a > b) { if (which === lo) lo.value = String(a = b); else hi.value = String(b = a); }
    $("from").value = a <= minDay ? "" : isoOf(a);
    $("to").value = b >= maxDay ? "" : isoOf(b);
    applyFilters();
  }
  if (minDay !== null) {
    [lo, hi].forEach(function (s) {
      s.min = String(minDay); s.max = String(maxDay); s.step = "1";
      s.addEventListener("input", function () { fromSliders(s); });
    });
    lo.value = String(minDay); hi.value = String(maxDay);
    // A histogram of the events over time behind the slider.
    var BUCKETS = Math.max(1, Math.min(48, maxDay - minDay + 1));
    var counts = new Array(BUCKETS).fill(0), width = (maxDay - minDay + 1) / BUCKETS, top = 0;
    nodes.forEach(function (n) {
      var d = n.kind === "event" ? dayOf(n.date) : null;
      if (d === null) return;
      var b = Math.min(BUCKETS - 1, Math.floor((d - minDay) / width));
      top = Math.max(top, ++counts[b]);
    });
    var hist = $("time-hist");
    counts.forEach(function (c, b) {
      var bar = el("span");
      bar.style.height = (c ? 12 + 88 * c / Math.max(1, top) : 0) + "%";
      var a = Math.floor(minDay + b * width), z = Math.ceil(minDay + (b + 1) * width) - 1;
      bar.setAttribute("data-a", String(a)); bar.setAttribute("data-b", String(z));
      bar.title = isoOf(a) + " – " + isoOf(Math.max(a, z)) + ": " + c + " event" + (c === 1 ? "" : "s");
      hist.appendChild(bar);
    });
  } else {
    lo.disabled = hi.disabled = true;
  }

  // ---- filters -----------------------------------------------------------
  function applyFilters() {
    var kinds = {};
    document.querySelectorAll("#kinds input").forEach(function (c) { kinds[c.value] = c.checked; });
    var district = $("district").value, r = rangeDays(), ranged = !!($("from").value || $("to").value);
    function inRange(a, b) { return b >= r[0] && a <= r[1]; }
    var count = 0, i, n;
    for (i = 0; i < N; i++) {
      n = nodes[i];
      var ok = kinds[n.kind] !== false;
      if (ok && district) ok = (HOMES[n.id] || []).indexOf(district) >= 0;
      if (ok && ranged && n.kind === "event") {
        var ea = dayOf(n.date), eb = dayOf(n.end_date);
        ok = ea !== null && inRange(ea, eb === null ? ea : eb);
      }
      visible[i] = ok ? 1 : 0; count += visible[i];
      dim[i] = 0;
    }
    // Who has a dated fact in the range, who has one at all: a person or a
    // project with dated facts none of which is in the range is faded.
    var dated = new Uint8Array(N), current = new Uint8Array(N);
    if (ranged) {
      for (i = 0; i < N; i++) {
        n = nodes[i];
        var pa = dayOf(n.first_seen), pb = dayOf(n.last_seen);
        if (n.kind === "project" && pa !== null) { dated[i] = 1; if (inRange(pa, pb === null ? pa : pb)) current[i] = 1; }
      }
    }
    var ecount = 0;
    for (var e = 0; e < E.length; e++) {
      var x = E[e], rel = x[2].relation, ok2 = relShown[x[3]] && visible[x[0]] && visible[x[1]], faded = 0;
      if (ranged && spans[e] && relShown[x[3]]) {
        var inside = inRange(spans[e][0], spans[e][1]);
        dated[x[0]] = 1;
        if (inside) current[x[0]] = 1;
        else if (rel === "chaired" || rel === "attended") ok2 = false;
        else faded = 1;
      }
      edgeVisible[e] = ok2 ? 1 : 0; edgeDim[e] = ok2 ? faded : 0; ecount += edgeVisible[e];
    }
    if (ranged) for (i = 0; i < N; i++) if (dated[i] && !current[i] && nodes[i].kind !== "event") dim[i] = 1;
    $("shown").textContent = count + " nodes, " + ecount + " edges shown";
    showRange();
    listEvents();
    if (selected >= 0) { note(selected); careerWindow(); }
    draw();
  }
  // The events shown, in time order, under the slider.
  function listEvents() {
    var list = [];
    for (var i = 0; i < N; i++) if (visible[i] && nodes[i].kind === "event") list.push(i);
    list.sort(function (p, q) {
      var a = nodes[p].date || "9999", b = nodes[q].date || "9999";
      return a < b ? -1 : a > b ? 1 : p - q;
    });
    var ol = $("range-list"), MAX = 200;
    ol.textContent = "";
    $("range-summary").textContent = list.length + " event" + (list.length === 1 ? "" : "s") + " in the range";
    document.body.setAttribute("data-events-shown", String(list.length));
    list.slice(0, MAX).forEach(function (j) {
      var li = el("li", null, "event");
      li.setAttribute("data-id", nodes[j].id);
      li.appendChild(el("span", nodes[j].date || "undated", "date"));
      li.appendChild(document.createTextNode(" "));
      var a = el("span", nodes[j].name, "link");
      a.addEventListener("click", function () { select(j); centre(j); });
      li.appendChild(a);
      ol.appendChild(li);
    });
    if (list.length > MAX) ol.appendChild(el("li", "… and " + (list.length - MAX) + " more", "more"));
  }

  // ---- details -----------------------------------------------------------
  // Each sentence with its article: title (else file name), date of
  // publication, outlet, and its address, a link only when it is http or https.
  function evidenceList(parent, list) {
    (list || []).forEach(function (ev) {
      if (!ev || typeof ev !== "object") return;
      var p = el("div", ev.text, "ev");
      p.title = ev.doc + " " + ev.start + "–" + ev.end;
      p.appendChild(citation(ev.doc));
      parent.appendChild(p);
    });
  }
  // The address as the browser would read it, if it is a web page's (http or
  // https); javascript:, data:, file: and relative addresses are not.
  function webUrl(raw) {
    if (typeof raw !== "string" || !raw) return null;
    var u;
    try { u = new URL(raw); } catch (err) { return null; }
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  }
  function citation(name) {
    var doc = Object.prototype.hasOwnProperty.call(DOCS, name) ? DOCS[name] : null;
    var box = el("div", "— ", "cite");
    if (!doc) { box.appendChild(el("cite", name)); return box; }
    box.setAttribute("data-doc", name);
    var t = el("cite", doc.title || doc.name || name);
    if (doc.file && doc.file !== (doc.title || doc.name)) t.title = doc.file;
    box.appendChild(t);
    [doc.date, doc.source].forEach(function (v) {
      if (v) box.appendChild(document.createTextNode(" · " + v));
    });
    if (doc.url) {
      box.appendChild(document.createTextNode(" · "));
      var href = webUrl(doc.url);
      if (href) {
        var a = el("a", String(doc.url).replace(/^\s*https?:\/\//i, ""), "url");
        a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
        a.title = href + " (opens in a new tab)";
        box.appendChild(a);
      } else {
        var u = el("span", doc.url, "url bad-url");
        u.title = "not a web address: not linked";
        box.appendChild(u);
      }
    }
    return box;
  }
  // A post as people write it: 代 before an acting holder's title.
  function postTitle(d) { return (d.acting ? "代" : "") + (d.title || "?"); }
  function note(i) {
    var p = $("hidden-note");
    if (!p) return;
    p.textContent = visible[i] ? (dim[i] ? "faded: no fact in the chosen time range" : "") : "hidden by the current filters";
  }
  function select(i) {
    selected = i;
    near.fill(0);
    var box = $("details");
    box.textContent = "";
    document.body.setAttribute("data-selected", i >= 0 ? nodes[i].id : "");
    career(i);
    if (i < 0) { draw(); return; }
    near[i] = 1;
    adj[i].forEach(function (e) { near[E[e][0]] = 1; near[E[e][1]] = 1; });
    var n = nodes[i];
    var h = el("h2", n.name); h.id = "selected-name"; box.appendChild(h);
    var hn = el("p", "", "note"); hn.id = "hidden-note"; box.appendChild(hn); note(i);
    var dl = el("dl");
    function row(k, v) {
      if (v === undefined || v === null || v === "" || v === false || (Array.isArray(v) && v.length === 0)) return;
      if (typeof v === "object" && !Array.isArray(v)) return;
      if (Array.isArray(v)) v = v.map(function (x) { return x && typeof x === "object" ? [x.date, x.stage].filter(Boolean).join(" ") : x; }).join("、");
      dl.appendChild(el("dt", k.replace(/_/g, " "))); dl.appendChild(el("dd", v));
    }
    row("id", n.id); row("kind", n.kind);
    Object.keys(n).forEach(function (k) { if (["id", "kind", "name", "evidence"].indexOf(k) < 0) row(k, n[k]); });
    box.appendChild(dl);
    evidenceList(box, n.evidence);
    box.appendChild(el("h3", "facts (" + adj[i].length + ")"));
    var ul = el("ul", null, "facts");
    adj[i].forEach(function (e) {
      var d = E[e][2], other = E[e][0] === i ? E[e][1] : E[e][0];
      var li = el("li");
      var sw = el("span", null, "line"); sw.style.background = RELS[E[e][3]].color; li.appendChild(sw);
      li.appendChild(el("span", (E[e][0] === i ? "→ " : "← ") + d.relation + " "));
      var a = el("span", nodes[other].name, "link");
      a.addEventListener("click", function () { select(other); centre(other); });
      li.appendChild(a);
      var extra = [
        d.relation === "holds_post" ? postTitle(d) : d.title,
        d.change, d.date,
        d.start || d.end ? (d.start || "…") + " – " + (d.end || "…") : null,
        d.first_seen ? "seen " + d.first_seen + (d.last_seen && d.last_seen !== d.first_seen ? "–" + d.last_seen : "") : null,
        d.body ? "(" + d.body + ")" : null,
      ].filter(Boolean).join(" ");
      if (extra) li.appendChild(el("span", " " + extra));
      evidenceList(li, d.evidence);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    draw();
  }

  // ---- career strip: a person's posts over time ------------------------------
  var careerSpan = null;
  function career(i) {
    var box = $("career");
    box.textContent = ""; careerSpan = null;
    if (i < 0 || nodes[i].kind !== "person") { box.hidden = true; return; }
    var rows = [], byPost = {};
    function key(d) { return d.target + "\u0000" + (d.title || ""); }
    adj[i].forEach(function (e) {
      var d = E[e][2];
      if (E[e][0] !== i || d.relation !== "holds_post") return;
      var row = { d: d, where: E[e][1], title: postTitle(d), a: d.start || d.first_seen || null, marks: [], e: e };
      row.b = d.end || d.last_seen || row.a;
      rows.push(row);
      if (!byPost[key(d)]) byPost[key(d)] = row;
    });
    adj[i].forEach(function (e) {
      var d = E[e][2];
      if (E[e][0] !== i || (d.relation !== "appointed" && d.relation !== "removed")) return;
      var row = byPost[key(d)];
      if (!row) {
        row = { d: d, where: E[e][1], title: (d.change === "acting" ? "代" : "") + (d.title || "?"), a: d.date || null, b: d.date || null, marks: [], e: e, factOnly: true };
        rows.push(row); byPost[key(d)] = row;
      }
      row.marks.push({ d: d, day: dayOf(d.date), color: RELS[E[e][3]].color });
    });
    if (!rows.length) { box.hidden = true; return; }
    function cmp(p, q) { return p === q ? 0 : p === null ? 1 : q === null ? -1 : p < q ? -1 : 1; }
    rows.sort(function (p, q) {
      return cmp(p.a, q.a) || cmp(p.b, q.b) || cmp(p.title, q.title) || cmp(nodes[p.where].name, nodes[q.where].name) || p.e - q.e;
    });
    var lo2 = null, hi2 = null;
    function see(d) { if (d === null) return; if (lo2 === null || d < lo2) lo2 = d; if (hi2 === null || d > hi2) hi2 = d; }
    rows.forEach(function (r) {
      see(dayOf(r.a)); see(dayOf(r.b));
      r.marks.forEach(function (m) { see(m.day); });
      r.marks.sort(function (p, q) { return cmp(p.d.date || null, q.d.date || null); });
    });
    var pad = 0;
    if (lo2 !== null) {
      pad = Math.max(15, Math.round((hi2 - lo2) * 0.04));
      lo2 -= pad; hi2 += pad;
      careerSpan = [lo2, hi2];
    }
    function pct(day) { return (100 * (day - lo2) / (hi2 - lo2)).toFixed(2) + "%"; }
    var head = el("div", null, "career-head");
    head.appendChild(el("strong", "career: " + nodes[i].name));
    head.appendChild(el("span", " " + rows.length + " post" + (rows.length === 1 ? "" : "s") + ", in time order"));
    var close = el("button", "×", "close"); close.type = "button"; close.title = "close";
    close.addEventListener("click", function () { box.hidden = true; });
    head.appendChild(close);
    box.appendChild(head);
    var ol = el("ol", null, "posts");
    rows.forEach(function (r) {
      var li = el("li", null, "post" + (r.d.acting ? " acting" : "") + (r.factOnly ? " fact-only" : ""));
      li.setAttribute("data-title", r.title);
      if (r.a) li.setAttribute("data-start", r.a);
      if (r.b) li.setAttribute("data-end", r.b);
      var lab = el("div", null, "post-label");
      lab.appendChild(el("span", r.title, "post-title"));
      lab.appendChild(document.createTextNode(" "));
      var where = el("span", nodes[r.where].name, "post-where link");
      where.addEventListener("click", function () { select(r.where); centre(r.where); });
      lab.appendChild(where);
      var dates = r.a ? r.a + (r.b && r.b !== r.a ? " – " + r.b : "") : "undated";
      var dt = el("span", dates, "post-dates");
      dt.title = ["start " + (r.d.start || "?"), "end " + (r.d.end || "?"), "first seen " + (r.d.first_seen || "?"), "last seen " + (r.d.last_seen || "?")].join(", ");
      if (r.a) {
        dt.className += " link";
        dt.title += " (click: show this span on the time slider)";
        dt.addEventListener("click", function () {
          $("from").value = r.a; $("to").value = r.b || r.a; syncSliders(); applyFilters();
        });
      }
      lab.appendChild(el("br"));
      lab.appendChild(dt);
      li.appendChild(lab);
      var track = el("div", null, "track");
      var da = dayOf(r.a), db = dayOf(r.b);
      if (da !== null && !r.factOnly) {
        var bar = el("div", null, "bar" + (r.d.acting ? " acting" : ""));
        bar.style.left = pct(da);
        bar.style.width = "calc(" + (100 * (Math.max(da, db === null ? da : db) - da) / (hi2 - lo2)).toFixed(2) + "% + 4px)";
        bar.title = r.title + " " + nodes[r.where].name + ": " + dates;
        track.appendChild(bar);
      }
      r.marks.forEach(function (m) {
        if (m.day === null) return;
        var mk = el("span", m.d.relation === "removed" ? "▼" : "▲", "mark " + m.d.relation);
        mk.style.left = pct(m.day); mk.style.color = m.color;
        mk.setAttribute("data-change", m.d.change || m.d.relation);
        mk.setAttribute("data-date", m.d.date);
        mk.title = (m.d.change || m.d.relation) + " " + m.d.date + (m.d.body ? " (" + m.d.body + ")" : "");
        track.appendChild(mk);
      });
      li.appendChild(track);
      if (r.marks.length) {
        var facts = el("div", null, "post-facts");
        facts.textContent = r.marks.map(function (m) {
          return (m.d.change || m.d.relation) + " " + (m.d.date || "undated") + (m.d.body ? " (" + m.d.body + ")" : "");
        }).join("; ");
        li.appendChild(facts);
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
    if (careerSpan) {
      var axis = el("div", null, "axis");
      var w = el("div", null, "window"); w.id = "career-window"; axis.appendChild(w);
      var first = el("span", isoOf(lo2 + pad), "from"); first.style.left = pct(lo2 + pad); axis.appendChild(first);
      if (hi2 > lo2 + 2 * pad) {
        var last = el("span", isoOf(hi2 - pad), "to");
        last.style.right = (100 * pad / (hi2 - lo2)).toFixed(2) + "%"; axis.appendChild(last);
      }
      box.appendChild(axis);
    }
    box.hidden = false;
    careerWindow();
  }
  // The chosen time range, shaded on the career strip's axis.
  function careerWindow() {
    var w = $("career-window");
    if (!w || !careerSpan) return;
    var r = rangeDays(), a = Math.max(careerSpan[0], r[0]), b = Math.min(careerSpan[1], r[1]);
    var all = careerSpan[1] - careerSpan[0];
    if (b < a || (r[0] === -Infinity && r[1] === Infinity)) { w.style.display = "none"; return; }
    w.style.display = "";
    w.style.left = (100 * (a - careerSpan[0]) / all).toFixed(2) + "%";
    w.style.width = (100 * (b - a) / all).toFixed(2) + "%";
  }

  // Brings node i into view, above the career strip when that is open.
  function centre(i) {
    var w = canvas.clientWidth, h = canvas.clientHeight, strip = $("career");
    if (!strip.hidden) h = Math.max(h / 2, h - strip.offsetHeight - 20);
    var sx = xs[i] * scale + ox, sy = ys[i] * scale + oy;
    if (scale >= 0.8 && sx > 100 && sy > 60 && sx < w - 120 && sy < h - 60) { draw(); return; }
    scale = Math.max(scale, 1.2);
    ox = w / 2 - xs[i] * scale; oy = h / 2 - ys[i] * scale; userMoved = true;
    follow = [i, w / 2, h / 2];
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
  kindOrder.forEach(function (kind) {
    if (!byKind[kind]) return;
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.value = kind; box.checked = true;
    box.addEventListener("change", applyFilters);
    var sw = el("span", null, "swatch"); sw.style.background = COLORS[kind] || "#cccccc";
    label.appendChild(box); label.appendChild(sw); label.appendChild(document.createTextNode(kind + " (" + byKind[kind].length + ")"));
    kindsBox.appendChild(label);
  });
  // The legend: every relation with its colour and count; unticking one hides its edges.
  var legend = $("legend");
  RELS.forEach(function (rel, k) {
    var label = el("label", null, "relation"), box = el("input");
    label.setAttribute("data-relation", rel.name);
    box.type = "checkbox"; box.value = rel.name; box.checked = true;
    box.addEventListener("change", function () { relShown[k] = box.checked; applyFilters(); });
    var sw = el("span", null, "line"); sw.style.background = rel.color;
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(el("span", rel.name, "name"));
    label.appendChild(document.createTextNode(" (" + byRel[k].length + ")"));
    if (!byRel[k].length) label.className += " absent";
    legend.appendChild(label);
  });
  var sel = $("district");
  nodes.forEach(function (n) {
    if (n.kind !== "district") return;
    var o = el("option", n.name); o.value = n.id; sel.appendChild(o);
  });
  sel.addEventListener("change", applyFilters);
  ["from", "to"].forEach(function (id) {
    $(id).addEventListener("change", function () { syncSliders(); applyFilters(); });
  });
  $("time-reset").addEventListener("click", function () { $("from").value = ""; $("to").value = ""; syncSliders(); applyFilters(); });
  $("search").addEventListener("input", function () { search(this.value); });
  $("fit").addEventListener("click", function () { userMoved = false; follow = null; fit(); draw(); });

  function hit(ev) {
    var rect = canvas.getBoundingClientRect();
    var wx = (ev.clientX - rect.left - ox) / scale, wy = (ev.clientY - rect.top - oy) / scale;
    var best = -1, bestD = Infinity;
    for (var i = 0; i < N; i++) {
      if (!visible[i]) continue;
      var d = (xs[i] - wx) * (xs[i] - wx) + (ys[i] - wy) * (ys[i] - wy), r = Math.max(radius(i), 1.6 / scale) + 4 / scale;
      if (d < r * r && d < bestD) { best = i; bestD = d; }
    }
    return best;
  }
  var drag = null, tip = $("tip");
  canvas.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, ox: ox, oy: oy, moved: false }; });
  window.addEventListener("mousemove", function (ev) {
    if (drag) {
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      ox = drag.ox + dx; oy = drag.oy + dy; userMoved = true; follow = null; draw();
      return;
    }
    if (ev.target !== canvas) { if (hover >= 0) { hover = -1; tip.hidden = true; draw(); } return; }
    var hv = hit(ev);
    if (hv !== hover) {
      hover = hv;
      tip.hidden = hv < 0;
      if (hv >= 0) tip.textContent = nodes[hv].name + " · " + nodes[hv].kind + (nodes[hv].date ? " · " + nodes[hv].date : "") + " · " + deg[hv] + " facts";
      draw();
    }
    if (hv >= 0) {
      var rect = canvas.getBoundingClientRect();
      tip.style.left = (ev.clientX - rect.left + 14) + "px"; tip.style.top = (ev.clientY - rect.top + 12) + "px";
    }
  });
  window.addEventListener("mouseup", function (ev) {
    if (drag && !drag.moved) select(hit(ev));
    drag = null;
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = canvas.getBoundingClientRect(), mx = ev.clientX - rect.left, my = ev.clientY - rect.top;
    var f = Math.exp(-ev.deltaY * 0.0015);
    var ns = Math.min(20, Math.max(0.02, scale * f));
    ox = mx - (mx - ox) * ns / scale; oy = my - (my - oy) * ns / scale; scale = ns; userMoved = true; follow = null; draw();
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); draw(); });

  // The address may set the time range (?from=YYYY-MM-DD&to=YYYY-MM-DD),
  // search a name (?search=NAME) and ask for the whole layout before the first
  // drawing (?settle=1: for a headless browser's screenshot, whose frames come
  // at its own pace).
  var params = new URLSearchParams(window.location.search);
  ["from", "to"].forEach(function (id) { if (isDate(params.get(id))) $(id).value = params.get(id); });
  syncSliders();
  resize();
  applyFilters();
  // A first pass of layout straight away, so the page is drawn even before the
  // first animation frame; the rest runs frame by frame.
  for (var w0 = performance.now(); running && performance.now() - w0 < 50;) step();
  if (params.get("settle") === "1") { while (running) step(); }
  fit();
  draw();
  if (params.get("search")) { $("search").value = params.get("search"); search(params.get("search")); }
  document.body.setAttribute("data-ready", "1");
  requestAnimationFrame(frame);
})();
