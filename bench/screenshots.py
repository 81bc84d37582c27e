"""Screenshots of the web UI for docs/, and a crawl of every page in headless Chromium.

usage: python bench/screenshots.py [--out docs/screenshots] [--extra PATH ...] [--crawl]

Builds a database from the two example articles and our own fixture articles
(tests/fixtures/web_articles.jsonl, without the script-injection one), serves it on a free
loopback port and drives Debian's Chromium (``apt-get install chromium chromium-driver``):

- without ``--crawl``: one PNG per main page into ``--out``;
- with ``--crawl``: opens every document page and every actor page, plus the list pages,
  and reports pages with console errors (Content-Security-Policy violations among them),
  an alert, or an error status. ``--extra`` adds inputs, e.g. the development set
  (``--extra ../shared/benchmarks/dev/gold.jsonl``); never commit screenshots of text that
  is not ours.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from communique import Store
from communique.web import background_server
from communique.web.queries import top_dyads
from web_support import build_database, chromium_driver

WIDTH, HEIGHT, MAX_HEIGHT = 1280, 860, 1500


def _settle(driver, selector: str = ".timeline") -> None:
    """Wait until every timeline on the page has drawn (or failed) its chart."""
    for _ in range(100):
        pending = driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]))"
            ".filter(t => !t.dataset.ready).length", selector)
        if not pending:
            return
        time.sleep(0.05)


def _shoot(driver, url: str, path: Path, *, full: bool = False, click: str | None = None) -> None:
    driver.set_window_size(WIDTH, HEIGHT)
    driver.get(url)
    _settle(driver)
    if click:
        driver.execute_script("document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', {bubbles: true}))", click)
    driver.execute_script("window.scrollTo(0, 0)")
    if full:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(WIDTH, min(MAX_HEIGHT, max(HEIGHT, height)))
        _settle(driver)
    driver.save_screenshot(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def screenshots(url: str, db: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with Store(db, readonly=True) as store:
        kcna = store.search('"joint declaration"')["documents"][0]["id"]
        signing = next(e["id"] for e in store.events(doc_id=kcna) if e["event"] == "SUPPORT")
    driver = chromium_driver(WIDTH, HEIGHT)
    try:
        _shoot(driver, url + "?q=" + quote("fisheries agreement"), out / "search.png")
        _shoot(driver, f"{url}documents/{kcna}#ev-{signing}", out / "article.png")
        _shoot(driver, url + "events", out / "events.png", full=True)
        _shoot(driver, url + "actors/" + quote("Kari Lund", safe=""), out / "actor.png", full=True)
        _shoot(driver, url + "dyad?a=NOR&b=SWE&by=week", out / "dyad.png", full=True,
               click="#dyad-timeline g.bin:nth-of-type(3)")
        _shoot(driver, url + "agreements", out / "agreements.png", full=True)
        _shoot(driver, url + "statements", out / "statements.png", full=True)
    finally:
        driver.quit()


def crawl(url: str, db: Path) -> int:
    """Open every page; return how many had a problem."""
    from selenium.common.exceptions import NoAlertPresentException

    with Store(db, readonly=True) as store:
        pages = ["", "events", "actors", "agreements", "statements", "dyad"]
        pages += [f"documents/{d['id']}" for d in store.documents()]
        names = [r[0] for r in store.conn.execute("SELECT DISTINCT entity_name FROM actors")]
        pages += ["actors/" + quote(n, safe="") for n in names]
        pages += [f"dyad?a={d['a']}&b={d['b']}" for d in top_dyads(store)]
    driver = chromium_driver(WIDTH, HEIGHT)
    problems = 0
    started = time.perf_counter()
    try:
        for page in pages:
            driver.get(url + page)
            _settle(driver)
            issues = [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
            try:
                driver.switch_to.alert  # noqa: B018 - raises when no alert is open
                issues.append("an alert is open")
            except NoAlertPresentException:
                pass
            if driver.title.startswith("Error") or not driver.title.endswith("· communique"):
                issues.append(f"error page: {driver.title!r}")
            if driver.execute_script("return document.querySelectorAll('[data-ready=error]').length"):
                issues.append("a timeline failed to load")
            if issues:
                problems += 1
                print(f"PROBLEM {page}: {issues}")
    finally:
        driver.quit()
    print(f"crawled {len(pages)} pages in {time.perf_counter() - started:.1f} s: {problems} with problems")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--extra", nargs="*", default=[], help="more inputs to ingest")
    parser.add_argument("--crawl", action="store_true", help="open every page and report problems")
    args = parser.parse_args()
    extra = [str(Path(e).resolve()) for e in args.extra]
    out = args.out.resolve()
    home = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the page footer shows the database path as given: communique.db
        try:
            db = build_database(Path("communique.db"), xss=args.crawl, extra=extra)
            with background_server(db) as url:
                if args.crawl:
                    return 1 if crawl(url, db) else 0
                screenshots(url, db, out)
        finally:
            os.chdir(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
