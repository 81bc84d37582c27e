"""A batch with inputs that hold no article: each is recorded with its reason, the rest is
coded (real model: slow)."""

import pytest

from communique.ingest import read_path
from communique.pipeline import process
from communique.records import CodedDocument, Failure

pytestmark = pytest.mark.slow

MENU_PAGE = (
    "<!DOCTYPE html><html><head><title>Nordic Courier</title></head><body><nav>"
    '<a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a>'
    "</nav></body></html>"
)
ARTICLE = "Talks in Oslo\nOslo, May 3 (NTB) -- The foreign ministers met in Oslo on Tuesday.\n"


def test_links_only_page_is_a_recorded_failure_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_menu.html").write_text(MENU_PAGE, encoding="utf-8")
    (tmp_path / "b_story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c_chrome.txt").write_text("HOME | NEWS | SPORTS\nViews: 12\n", encoding="utf-8")
    menu, story, chrome = list(process(read_path(tmp_path)))
    assert isinstance(menu, Failure)
    assert (menu.source, menu.reason) == (str(tmp_path / "a_menu.html"), "no-text")
    assert "link text" in menu.detail and "Home" in menu.detail
    assert isinstance(story, CodedDocument) and story.doc.title == "Talks in Oslo"
    assert isinstance(chrome, Failure) and chrome.reason == "no-text"
