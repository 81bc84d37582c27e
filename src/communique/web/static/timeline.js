// communique web UI: an interactive timeline (stacked bars of events per week or month by
// PLOVER quad class) for every element <div class="timeline" data-src="/api/...">.
// The data comes from the JSON API; every text is set with textContent, never as HTML.
"use strict";

(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var QUADS = [
    ["1", "verbal cooperation"], ["2", "material cooperation"],
    ["3", "verbal conflict"], ["4", "material conflict"]
  ];
  var HEIGHT = 260, MARGIN = { top: 12, right: 12, bottom: 38, left: 36 };

  function el(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function svgEl(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    return node;
  }

  function label(bin, by) {
    return by === "week" ? "week of " + bin.start : bin.start.slice(0, 7);
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function names(entities) {
    return (entities || []).map(function (e) {
      return e.entity_name + (e.code ? " [" + e.code + "]" : "");
    }).join("; ");
  }

  function Timeline(container, data) {
    this.container = container;
    this.data = data;
    this.shown = { "1": true, "2": true, "3": true, "4": true };
    this.selected = null;
    this.byId = {};
    var self = this;
    data.events.forEach(function (e) { self.byId[e.id] = e; });
    this.summarize(document.getElementById(container.dataset.summary || ""));
    container.textContent = "";
    if (!data.bins.length) {
      container.appendChild(el("p", { "class": "muted" }, "No dated events to draw."));
      return;
    }
    this.controls = el("div", { "class": "controls", role: "group", "aria-label": "quad classes" });
    QUADS.forEach(function (q) {
      var button = el("button", { type: "button", "aria-pressed": "true", "data-quad": q[0] });
      button.appendChild(el("span", { "class": "swatch q" + q[0] }));
      button.appendChild(document.createTextNode(q[1]));
      button.addEventListener("click", function () {
        self.shown[q[0]] = !self.shown[q[0]];
        button.setAttribute("aria-pressed", String(self.shown[q[0]]));
        self.draw();
        self.list();
      });
      self.controls.appendChild(button);
    });
    container.appendChild(this.controls);
    this.chart = el("div", { "class": "chart" });
    container.appendChild(this.chart);
    this.caption = el("p", { "class": "caption" });
    container.appendChild(this.caption);
    this.events = el("ol", { "class": "timeline-events" });
    container.appendChild(this.events);
    this.draw();
    this.list();
  }

  // A dyad page's sentence above the chart: how many events, and how many could not be placed.
  Timeline.prototype.summarize = function (summary) {
    var data = this.data;
    if (!summary) { return; }
    summary.textContent = "";
    summary.appendChild(el("span", { id: "dyad-count" }, String(data.events.length)));
    summary.appendChild(document.createTextNode(
      " dated event" + (data.events.length === 1 ? "" : "s") + " between "));
    summary.appendChild(el("strong", {}, data.a));
    summary.appendChild(document.createTextNode(" and "));
    summary.appendChild(el("strong", {}, data.b));
    summary.appendChild(document.createTextNode(
      (data.undated ? ", " + data.undated + " undated (not drawn)" : "") +
      ". Events without a date of their own are placed on their article's publication date."));
  };

  Timeline.prototype.total = function (bin) {
    var self = this;
    return QUADS.reduce(function (sum, q) { return sum + (self.shown[q[0]] ? bin.counts[q[0]] || 0 : 0); }, 0);
  };

  Timeline.prototype.draw = function () {
    var self = this, data = this.data, bins = data.bins;
    var width = Math.max(480, this.container.clientWidth - 24);
    var inner = width - MARGIN.left - MARGIN.right, plot = HEIGHT - MARGIN.top - MARGIN.bottom;
    var most = Math.max(1, Math.max.apply(null, bins.map(function (b) { return self.total(b); })));
    var step = inner / bins.length, barWidth = Math.max(1, Math.min(40, step * 0.8));
    var svg = svgEl("svg", { viewBox: "0 0 " + width + " " + HEIGHT, role: "img",
                             "aria-label": "events per " + data.by + " by quad class" });
    [0, 0.5, 1].forEach(function (f) {
      var value = Math.round(most * f), y = MARGIN.top + plot - plot * value / most;
      svg.appendChild(svgEl("line", { "class": f ? "grid" : "axis", x1: MARGIN.left, x2: width - MARGIN.right, y1: y, y2: y }));
      var text = svgEl("text", { x: MARGIN.left - 6, y: y + 4, "text-anchor": "end" });
      text.textContent = String(value);
      svg.appendChild(text);
    });
    var every = Math.max(1, Math.ceil(bins.length / Math.max(1, Math.floor(inner / 80))));
    bins.forEach(function (bin, i) {
      var x = MARGIN.left + i * step;
      var group = svgEl("g", { "class": "bin" + (self.selected === i ? " selected" : ""), tabindex: "0",
                               "data-start": bin.start, role: "button" });
      group.appendChild(svgEl("rect", { "class": "hit", x: x, y: MARGIN.top, width: step, height: plot }));
      var base = MARGIN.top + plot, parts = [];
      QUADS.forEach(function (q) {
        var n = bin.counts[q[0]] || 0;
        if (!n) { return; }
        parts.push(n + " " + q[1]);
        if (!self.shown[q[0]]) { return; }
        var h = plot * n / most;
        base -= h;
        group.appendChild(svgEl("rect", { "class": "q" + q[0], x: x + (step - barWidth) / 2, y: base, width: barWidth, height: h }));
      });
      var title = svgEl("title");
      title.textContent = label(bin, data.by) + ": " + (parts.length ? parts.join(", ") : "no events");
      group.appendChild(title);
      group.addEventListener("click", function () { self.select(i); });
      group.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); self.select(i); }
      });
      svg.appendChild(group);
      if (i % every === 0) {
        var tick = svgEl("text", { x: x + step / 2, y: HEIGHT - MARGIN.bottom + 16, "text-anchor": "middle" });
        tick.textContent = data.by === "week" ? bin.start.slice(5) : bin.start.slice(0, 7);
        svg.appendChild(tick);
        if (i === 0 || bin.start.slice(0, 4) !== bins[Math.max(0, i - every)].start.slice(0, 4)) {
          var year = svgEl("text", { x: x + step / 2, y: HEIGHT - MARGIN.bottom + 30, "text-anchor": "middle" });
          year.textContent = bin.start.slice(0, 4);
          svg.appendChild(year);
        }
      }
    });
    svg.appendChild(svgEl("line", { "class": "axis", x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plot }));
    this.chart.textContent = "";
    this.chart.appendChild(svg);
  };

  Timeline.prototype.select = function (i) {
    this.selected = this.selected === i ? null : i;
    this.draw();
    this.list();
  };

  Timeline.prototype.list = function () {
    var self = this, data = this.data, ids;
    if (this.selected === null) {
      ids = data.events.map(function (e) { return e.id; });
      this.caption.textContent = plural(ids.length, "event") + " in all; choose a bar to list one " + data.by + ".";
    } else {
      var bin = data.bins[this.selected];
      ids = bin.events;
      this.caption.textContent = plural(ids.length, "event") + " in the " + label(bin, data.by) + ".";
    }
    this.events.textContent = "";
    ids.forEach(function (id) {
      var e = self.byId[id];
      if (!e || !self.shown[String(e.quad_code)]) { return; }
      var item = el("li");
      item.appendChild(el("span", { "class": "muted" }, e.day + (e.dated_by === "publication" ? " (published)" : "") + " "));
      item.appendChild(el("span", { "class": "badge q" + e.quad_code }, e.event));
      item.appendChild(document.createTextNode(" " + names(e.actor) + (e.recipient && e.recipient.length ? " → " + names(e.recipient) : "") + " "));
      var link = el("a", { href: "/documents/" + encodeURIComponent(e.doc_id) + "#ev-" + encodeURIComponent(e.id) },
                    e.doc_title || e.doc_id);
      item.appendChild(link);
      self.events.appendChild(item);
    });
  };

  document.querySelectorAll(".timeline[data-src]").forEach(function (container) {
    fetch(container.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) {
        container.timeline = new Timeline(container, data);
        container.setAttribute("data-ready", "true");
      })
      .catch(function (error) {
        container.textContent = "";
        container.appendChild(el("p", { "class": "problem" }, "Could not load the timeline: " + error.message));
        container.setAttribute("data-ready", "error");
      });
  });
})();
