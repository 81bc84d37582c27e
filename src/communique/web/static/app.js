// communique web UI: article page interactions. Loaded as an external script (the
// Content-Security-Policy allows no inline script); builds no HTML from data.
"use strict";

(function () {
  // Legend check boxes hide or show one kind of highlight.
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });

  // An event or statement chosen in the side list lights up its spans in the text.
  function focusSpans(attribute, id, item) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var spans = document.querySelectorAll("#article-text [" + attribute + "~=\"" + CSS.escape(id) + "\"]");
    spans.forEach(function (el) { el.classList.add("active"); });
    if (item) { item.classList.add("active"); }
    if (spans.length) { spans[0].scrollIntoView({ block: "center" }); }
    return spans.length;
  }

  function wire(selector, dataKey, attribute, prefix) {
    document.querySelectorAll(selector).forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var id = link.dataset[dataKey];
        focusSpans(attribute, id, link.closest("li"));
        history.replaceState(null, "", "#" + prefix + id);
      });
    });
  }
  wire("a[data-event]", "event", "data-ev", "ev-");
  wire("a[data-statement]", "statement", "data-st", "st-");

  // Arriving with #ev-ID (from the events table) lights up that event's evidence.
  var hash = decodeURIComponent(location.hash.slice(1));
  if (document.getElementById("article-text") && hash) {
    var kind = hash.slice(0, 3);
    if (kind === "ev-" || kind === "st-") {
      var id = hash.slice(3);
      var key = kind === "ev-" ? "event" : "statement";
      var item = document.querySelector("a[data-" + key + "=\"" + CSS.escape(id) + "\"]");
      focusSpans(kind === "ev-" ? "data-ev" : "data-st", id, item && item.closest("li"));
    }
  }
})();
