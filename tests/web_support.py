"""Helpers for the web tests and ``bench/screenshots.py``: a database of real coded articles
and a headless Chromium driven by Selenium (Debian's ``chromium`` and ``chromium-driver``)."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WEB_ARTICLES = ROOT / "tests" / "fixtures" / "web_articles.jsonl"
# The KCNA example's dateline gives no year; its publication date is known (README, seeds).
PUBLISHED = {"004_c184dba52402bfdb.txt": "2000-07-21"}
XSS_ID = "web-xss"

CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("COMMUNIQUE_CHROMEDRIVER", "/usr/bin/chromedriver")


def build_database(path: Path, *, xss: bool = True, extra: list[str] | None = None) -> Path:
    """Code and store the two example articles and our own web fixture articles.

    ``xss=False`` leaves out the article with script tags in its title (for screenshots);
    ``extra`` adds more inputs (files, folders, JSONL), e.g. the development set.
    """
    from communique import CodedDocument, RawDocument, Store, process, read_inputs

    def dated(items: Any) -> Any:
        for item in items:
            if isinstance(item, RawDocument) and not item.published:
                name = Path(item.source.split(":")[0]).name
                if name in PUBLISHED:
                    item = dataclasses.replace(item, published=PUBLISHED[name])
            if isinstance(item, RawDocument) and not xss and item.input_id == XSS_ID:
                continue
            yield item

    inputs = [str(EXAMPLES), str(WEB_ARTICLES), *(extra or [])]
    with Store(path) as store:
        for result in process(dated(read_inputs(inputs))):
            if isinstance(result, CodedDocument):
                store.add(result)
            else:
                store.add_failure(result)
    return path


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (bash scripts/setup --dev)"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (Path(path).exists() or shutil.which(path)):
            return f"{path} not found: apt-get install {package} (or set COMMUNIQUE_CHROMIUM/COMMUNIQUE_CHROMEDRIVER)"
    return None


def chromium_driver(width: int = 1280, height: int = 900) -> Any:
    """A headless Chromium session, with the browser console log kept for inspection."""
    # Selenium Manager would try to download a browser or driver; we name both.
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--hide-scrollbars",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
