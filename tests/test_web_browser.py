"""The web UI in headless Chromium: search, an article with highlighted evidence, filtered
events, a dyad timeline, and an article with script in its title that runs nothing.

One database (the two example articles and tests/fixtures/web_articles.jsonl, coded by the
real pipeline), served by ``communique serve`` in its own process, and one browser for the
whole module. Skipped, with the reason,
where Debian's chromium / chromium-driver or selenium are missing.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from web_support import XSS_ID, build_database, chromium_driver, chromium_missing

missing = chromium_missing()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(missing is not None, reason=f"browser tests need Chromium: {missing}"),
]

WAIT_S = 5


@pytest.fixture(scope="module")
def serving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    """``communique serve`` in its own process, as a user starts it; yields before it is up."""
    folder = tmp_path_factory.mktemp("web")
    db = build_database(folder / "web.db")
    with socket.socket() as probe:  # a free port (the server binds it a moment later)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = folder / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}/", process, log
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(serving: tuple[str, subprocess.Popen[bytes], Path]) -> Iterator[Any]:
    # Depends on `serving` only so that the server process boots while Chromium starts.
    driver = chromium_driver()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def server(browser: Any, serving: tuple[str, subprocess.Popen[bytes], Path]) -> str:
    url, process, log = serving
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"communique serve did not start: {log.read_text()}")
        time.sleep(0.05)
    assert f"read-only at {url}" in log.read_text()
    return url


def _console_problems(driver: Any) -> list[str]:
    """Console errors of the pages loaded since the last call (CSP violations among them)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def _no_alert(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 - the property raises when no alert is open


def _wait(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S).until(condition)


def _css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def test_search_then_open_an_article_with_highlighted_evidence(server: str, browser: Any) -> None:
    browser.get(server)
    box = _css(browser, "form.search input[name=q]")[0]
    box.send_keys('"joint declaration" Putin')
    box.submit()
    _wait(browser, lambda d: _css(d, "#result-count"))
    assert _css(browser, "#result-count")[0].text.startswith("1 document")
    hit = _css(browser, "ol.results a.title")[0]
    assert "DPRK-Russia" in hit.text
    assert _css(browser, "ol.results .snippet mark")  # the matched words are marked
    hit.click()
    _wait(browser, lambda d: _css(d, "#article-text"))
    evidence = _css(browser, "#article-text .hl-evidence")
    assert evidence and any("signed" in e.text for e in evidence)
    entities = [e.text for e in _css(browser, "#article-text .hl-entity")]
    assert "Kim Jong Il" in entities
    # Choosing the signing in the event list lights up its sentence.
    signing = next(a for a in _css(browser, "a[data-event]") if "SUPPORT" in a.text)
    signing.click()
    active = _css(browser, "#article-text .active")
    assert active and "signed" in " ".join(a.text for a in active)
    assert _console_problems(browser) == []


def test_filter_events_and_download(server: str, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    browser.get(server + "events")
    everything = int(_css(browser, "#event-count")[0].text)
    Select(_css(browser, "select[name=type]")[0]).select_by_visible_text("CONSULT")
    country = _css(browser, "input[name=country]")[0]
    country.send_keys("NOR")
    country.submit()
    _wait(browser, lambda d: "type=CONSULT" in d.current_url)
    rows = _css(browser, "table.events tbody tr")
    assert 0 < len(rows) == int(_css(browser, "#event-count")[0].text) < everything
    assert all("CONSULT" in r.text and "NOR" in r.text for r in rows)
    csv_link = next(a for a in _css(browser, "a[download]") if a.text == "CSV")
    assert "type=CONSULT" in csv_link.get_attribute("href")
    assert _console_problems(browser) == []


def test_dyad_timeline_is_drawn_and_interactive(server: str, browser: Any) -> None:
    browser.get(server + "dyad?a=NOR&b=SWE&by=week")
    timeline = _wait(browser, lambda d: [t for t in _css(d, "#dyad-timeline[data-ready=true]")])[0]
    bins = _css(timeline, "svg g.bin")
    filled = [b for b in bins if _css(b, "rect.q1, rect.q2, rect.q3, rect.q4")]
    assert len(filled) >= 3  # March to April 2024, several weeks with events
    assert len(bins) > len(filled)  # empty weeks are drawn as gaps
    everything = len(_css(timeline, "ol.timeline-events li"))
    filled[0].click()
    assert 0 < len(_css(timeline, "ol.timeline-events li")) < everything
    # Hiding "verbal conflict" (ACCUSE, REJECT) removes its bars.
    assert _css(timeline, "svg rect.q3")
    next(b for b in _css(timeline, ".controls button") if b.text == "verbal conflict").click()
    assert not _css(timeline, "svg rect.q3")
    assert _console_problems(browser) == []


def test_actor_page_shows_titles_and_events_over_time(server: str, browser: Any) -> None:
    browser.get(server + "actors/" + quote("Kari Lund", safe=""))
    assert _css(browser, "#actor-name")[0].text == "Kari Lund"
    assert "Foreign Minister" in _css(browser, "dl.facts")[0].text
    _wait(browser, lambda d: _css(d, ".timeline[data-ready=true] svg"))
    assert _css(browser, "table.events tbody tr")
    assert _console_problems(browser) == []


def test_script_in_title_and_text_is_shown_as_text_and_runs_nothing(server: str, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    fixture = Path(__file__).parent / "fixtures" / "web_articles.jsonl"
    article = next(r for r in map(json.loads, fixture.read_text().splitlines()) if r["id"] == XSS_ID)
    browser.get(server + "?q=" + quote("ministers discussed quotas"))
    link = _css(browser, "ol.results a.title")[0]
    assert link.text == article["title"]
    # The other pages that show its title (as a link text or a table cell).
    pages = [server + "events?outlet=" + quote(article["outlet"]), server + "statements"]
    link.click()
    _wait(browser, lambda d: _css(d, "#doc-title"))
    title = _css(browser, "#doc-title")[0]
    assert title.text == article["title"]
    text = _css(browser, "#article-text")[0].text
    assert "<script>alert(1)</script>" in text and '" onmouseover="alert(2)' in text
    assert "<img src=x onerror=alert(3)>" in text
    for element in (title, *_css(browser, "#article-text a")[:3]):
        ActionChains(browser).move_to_element(element).perform()
    _no_alert(browser)
    injected = "[onmouseover], [onerror], #article-text img, #article-text script, main script"
    assert _css(browser, injected) == []
    scripts = [s.get_attribute("src") for s in _css(browser, "script")]
    assert len(scripts) == 2 and all("/static/" in s for s in scripts)
    for page in pages:
        browser.get(page)
        _no_alert(browser)
        assert _css(browser, injected) == [], page
        assert article["title"] in _css(browser, "main")[0].text, page
    assert _console_problems(browser) == []
