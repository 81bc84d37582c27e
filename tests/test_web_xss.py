"""A corpus of script-injection payloads through every rendered field, in headless Chromium:
no script runs, no markup is injected, and the text is shown literally (issue 5).

Each page is opened with ``alert``, ``confirm``, ``prompt`` and ``print`` replaced by recorders
and a listener for Content-Security-Policy violations, all installed before the page's own
scripts (DevTools ``Page.addScriptToEvaluateOnNewDocument``). After the page has settled, its
DOM is audited (no element with an event-handler attribute, no script but our two, no
``javascript:``/``data:`` URL, no frame, object, embed, base, image, style or MathML, no SVG
but the timeline's shapes), and the fields are compared with what was stored.

The quick tier (every ``pytest``) opens the pages of 8 payloads, one of each family, with the
Content-Security-Policy switched off in the browser, so that only our escaping stands between a
payload and its execution. The full tier (``-m full``) opens the pages of all 65 payloads, once
without and once with the policy (where any violation report is a failure too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from communique.web import background_server
from web_support import chromium_driver, chromium_missing
from xss_corpus import FIELDS, PAYLOADS, QUICK, build, doc_id

missing = chromium_missing()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(missing is not None, reason=f"browser tests need Chromium: {missing}"),
]

INSTRUMENT = """
(function () {
  var seen = [];
  Object.defineProperty(window, "__xss", { value: seen });
  ["alert", "confirm", "prompt", "print"].forEach(function (name) {
    Object.defineProperty(window, name, { configurable: false, writable: false,
      value: function () { seen.push(name + "(" + Array.prototype.join.call(arguments, ",") + ")"); } });
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    seen.push("csp " + e.violatedDirective + " " + e.blockedURI);
  });
})();
"""

AUDIT = """
var done = arguments[arguments.length - 1];
function settle(tries) {
  var waiting = document.querySelectorAll(".timeline:not([data-ready])").length;
  if (waiting && tries > 0) { setTimeout(function () { settle(tries - 1); }, 20); return; }
  setTimeout(audit, 60);  // one more turn for autofocus, toggle and animation handlers
}
function audit() {
  var problems = [];
  var ours = ["/static/app.js", "/static/timeline.js"];
  Array.prototype.forEach.call(document.scripts, function (s) {
    var url = s.src ? new URL(s.src) : null;
    if (!url || url.origin !== location.origin || ours.indexOf(url.pathname) < 0) {
      problems.push("script " + (s.src || s.textContent.slice(0, 60)));
    }
  });
  var banned = ["iframe", "frame", "frameset", "object", "embed", "base", "img", "video", "audio",
                "source", "math", "style", "marquee", "noscript", "template", "applet", "portal",
                "foreignobject", "animate", "set", "image", "use"];
  var svgShapes = ["svg", "line", "text", "g", "rect", "title"];
  var urlAttributes = ["href", "src", "action", "xlink:href", "data", "poster", "background", "formaction"];
  Array.prototype.forEach.call(document.querySelectorAll("*"), function (el) {
    var tag = el.tagName.toLowerCase();
    if (banned.indexOf(tag) >= 0) { problems.push("element " + tag); }
    if (el.namespaceURI === "http://www.w3.org/2000/svg" && svgShapes.indexOf(tag) < 0) { problems.push("svg " + tag); }
    if (tag === "meta" && el.hasAttribute("http-equiv")) { problems.push("meta http-equiv"); }
    if (tag === "link" && ["stylesheet", "icon"].indexOf(el.getAttribute("rel")) < 0) { problems.push("link " + el.getAttribute("rel")); }
    Array.prototype.forEach.call(el.attributes, function (attr) {
      var name = attr.name.toLowerCase(), value = attr.value.trim();
      if (name.indexOf("on") === 0 || name === "style" || name === "srcdoc") { problems.push(tag + " [" + name + "]"); }
      if (urlAttributes.indexOf(name) >= 0 && value && !/^(\\/(?!\\/)|#|\\?|https?:\\/\\/)/i.test(value)) {
        problems.push(tag + " " + name + "=" + value.slice(0, 60));
      }
    });
  });
  var main = document.querySelector("main");
  done({ calls: window.__xss ? window.__xss.slice() : ["instrumentation missing"], problems: problems,
         main: main ? main.textContent : "", title: document.title,
         docTitle: (document.getElementById("doc-title") || {}).textContent,
         article: (document.getElementById("article-text") || {}).textContent,
         actor: (document.getElementById("actor-name") || {}).textContent });
}
settle(250);
"""


def _title_text(value: str) -> str:
    """``document.title`` collapses and trims ASCII whitespace."""
    return re.sub(r"[ \t\n\f\r]+", " ", value).strip(" \t\n\f\r")


def _blank(value: str) -> str:
    """What a page shows of a filter it was given: ``str.strip``ped (pages.py ``_blank``)."""
    return value.strip()


@dataclass
class Page:
    path: str
    contains: tuple[str, ...] = ()  # strings the page's <main> must show literally
    exact: dict[str, str] = field(default_factory=dict)  # element text that must equal a value
    status_404: bool = False
    listing: str = ""  # pages of one paged listing: `contains` holds for all of them together


@dataclass
class Visits:
    pages: int = 0
    calls: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    listings: dict[str, str] = field(default_factory=dict)  # listing -> text of all its pages


def payload_pages(index: int, coded: Any, *, full: bool) -> list[Page]:
    """The pages that show payload ``index``: its article, its reflection in a search, its
    actor and dyad pages; in the full tier also filters and error pages that echo it."""
    doc = coded.doc
    alpha, beta = coded.actors[1], coded.actors[2]
    odd = coded.events[1]
    agreement, statement = coded.agreements[0], coded.statements[0]
    shown = (doc.outlet, doc.notes[0], doc.dateline.text, alpha.entity_name, beta.entity_name,
             coded.actors[0].entity_name, alpha.office, agreement.title, agreement.clauses[0].text,
             statement.verb, odd.event, odd.mode, PAYLOADS[index])
    pages = [
        Page(f"/documents/{doc.id}", contains=shown, exact={
            "docTitle": doc.title, "article": doc.text, "title": _title_text(f"{doc.title} · communique")}),
        Page("/?" + urlencode({"q": PAYLOADS[index]}), contains=(_blank(PAYLOADS[index]),)),
        Page(f"/actors/{quote(alpha.entity_name, safe='')}",
             contains=(alpha.office, alpha.organization, doc.title, statement.claim.text),
             exact={"actor": alpha.entity_name}),
        Page("/dyad?" + urlencode({"a": alpha.entity_name, "b": beta.entity_name}),
             contains=(_blank(alpha.entity_name), _blank(beta.entity_name), doc.title)),
    ]
    if full:
        pages += [
            Page(f"/documents/{doc.id}#{quote('ev-' + odd.id, safe='')}", contains=shown),
            Page(f"/actors/{quote(beta.entity_name, safe='')}", exact={"actor": beta.entity_name}),
            Page("/events?" + urlencode({"actor": PAYLOADS[index], "outlet": doc.outlet})),
            Page("/agreements?" + urlencode({"text": PAYLOADS[index]})),
            Page("/statements?" + urlencode({"speaker": alpha.entity_name}), contains=(statement.claim.text,)),
            Page("/actors?" + urlencode({"name": PAYLOADS[index], "country": PAYLOADS[index][:16]})),
            Page(f"/actors/{quote('Nobody ' + PAYLOADS[index], safe='')}", status_404=True),
            Page(f"/documents/{quote(PAYLOADS[index][:60], safe='')}", status_404=True),
        ]
    return pages


def list_pages(documents: dict[int, Any]) -> list[Page]:
    """Every page of the listings (documents, events, actors, agreements, statements, dyads)."""
    values = list(documents.values())

    def paged(path: str, items: int, size: int, listing: str, contains: tuple[str, ...] = ()) -> list[Page]:
        return [Page(f"{path}?page={n}", contains=contains if n == 1 else (), listing=listing)
                for n in range(1, (items - 1) // size + 2)]

    actors = len({(a.entity_name, a.kind) for d in values for a in d.actors})
    speakers = len({d.statements[0].speaker.entity_name for d in values})
    return [
        *paged("/", len(values), 50, "documents", tuple(d.doc.title for d in values)),
        *paged("/agreements", len(values), 50, "agreements", tuple(d.agreements[0].clauses[0].text for d in values)),
        *paged("/statements", speakers, 25, "statements",
               tuple(f"\u201c{d.statements[0].claim.text}\u201d" for d in values)),
        *paged("/events", sum(len(d.events) for d in values), 50, "events"),
        *paged("/actors", actors, 50, "actors"),
        Page("/dyad"), Page("/dyad?a=NOR&b=SWE"),
    ]


def visit(driver: Any, base: str, pages: list[Page], visits: Visits) -> None:
    for page in pages:
        driver.get(base + page.path.lstrip("/"))
        seen = driver.execute_async_script(AUDIT)
        visits.pages += 1
        visits.calls += [f"{page.path}: {c}" for c in seen["calls"]]
        visits.problems += [f"{page.path}: {p}" for p in seen["problems"]]
        if page.listing:
            visits.listings[page.listing] = visits.listings.get(page.listing, "") + seen["main"]
        shown = visits.listings[page.listing] if page.listing else seen["main"]
        for text in page.contains:
            if page.listing:
                continue  # checked once all pages of the listing are in
            if text not in shown:
                visits.problems.append(f"{page.path}: not shown literally: {text!r}")
        for key, value in page.exact.items():
            if seen[key] != value:
                visits.problems.append(f"{page.path}: {key} is {seen[key]!r}, not {value!r}")
        for entry in driver.get_log("browser"):
            message = entry["message"]
            if entry["level"] == "SEVERE" and not (page.status_404 and "status of 404" in message):
                visits.problems.append(f"{page.path}: console: {message[:200]}")


def _session(db: Path, *, bypass_csp: bool) -> Iterator[tuple[Any, str]]:
    with background_server(db) as base:
        driver = chromium_driver()
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": INSTRUMENT})
            driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": bypass_csp})
            driver.set_script_timeout(15)
            yield driver, base
        finally:
            driver.quit()


def _report(request: pytest.FixtureRequest, line: str) -> None:
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("\n" + line)


def _run(db: Path, documents: dict[int, Any], *, full: bool, bypass_csp: bool) -> Visits:
    pages = [p for i, d in documents.items() for p in payload_pages(i, d, full=full)]
    pages += list_pages(documents)
    visits = Visits()
    for driver, base in _session(db, bypass_csp=bypass_csp):
        visit(driver, base, pages, visits)
    for page in pages:
        for text in page.contains if page.listing else ():
            if text not in visits.listings[page.listing]:
                visits.problems.append(f"{page.listing} pages: not shown literally: {text!r}")
    return visits


def test_payloads_run_nothing_and_show_as_text(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    documents = build(tmp_path / "xss.db", QUICK)
    visits = _run(tmp_path / "xss.db", documents, full=False, bypass_csp=True)
    assert visits.calls == [] and visits.problems == []
    _report(request, f"XSS quick tier: {len(QUICK)} payloads x {len(FIELDS)} fields, {visits.pages} pages "
                     "(policy off in the browser): 0 script executions, 0 injected elements")


@pytest.mark.full
@pytest.mark.parametrize("bypass_csp", [True, False], ids=["policy-off", "policy-on"])
def test_full_corpus_runs_nothing_and_shows_as_text(tmp_path: Path, request: pytest.FixtureRequest,
                                                     bypass_csp: bool) -> None:
    documents = build(tmp_path / "xss.db")
    assert len(documents) == len(PAYLOADS) and doc_id(0) in {d.doc.id for d in documents.values()}
    visits = _run(tmp_path / "xss.db", documents, full=True, bypass_csp=bypass_csp)
    assert visits.calls == [] and visits.problems == []
    mode = "policy off in the browser" if bypass_csp else "policy on, 0 violation reports"
    _report(request, f"XSS full tier: {len(PAYLOADS)} payloads x {len(FIELDS)} fields, {visits.pages} pages "
                     f"({mode}): 0 script executions, 0 injected elements")
