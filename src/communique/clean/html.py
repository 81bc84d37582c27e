"""Main text and metadata from HTML pages, with trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

from communique.errors import InputError

logger = logging.getLogger(__name__)

# htmldate's "extensive search" falls back to a copyright year or any bare year on the page and
# reports it as January 1 ("© 2024" → 2024-01-01): an invented date. Without it, only dates the
# page states in full (meta tags, <time>, "Published: May 2, 2023", ISO stamps) are read.
EXTENSIVE_DATE_SEARCH = False
# Main text of fewer words than this is a leftover of page chrome ("Home", "Read more"), not an
# article: the shortest news briefs we have seen run to a sentence of a dozen words.
MIN_MAIN_TEXT_WORDS = 3
# A fragment without <html> or <body> (an export's "html" field holding "<p>…</p>") is wrapped
# in them: trafilatura refuses short fragments as not being HTML at all.
_DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Link texts run together ("HomeNewsContact") are looked for in main texts up to this long;
# the check costs (number of links) x (length of text).
MAX_GLUED_CHECK_CHARS = 2000
_NO_MAIN_TEXT = "no main text found in the HTML (is it an index or menu page?)"
# libxml2's HTML parser (under lxml, and so trafilatura) keeps this many levels of nesting;
# past it, it drops the deeper content and everything after it, and parses on. Such a page's
# text is read by the tree-free reader of clean/flat.py instead (tests: test_ingest_adversarial).
LIBXML2_MAX_DEPTH = 255


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    language: str | None
    notes: tuple[str, ...] = ()


def extract_html(html: str, *, url: str | None = None) -> ExtractedPage:
    """Extract an article's main text and metadata from ``html``.

    A fragment (``<p>…</p>`` without ``<html>``/``<body>``, as export fields hold) is read as
    the body of a page.

    Raises:
        InputError: the page holds no recognisable main text (a menu or index page whose only
            text is its links, a word or two of chrome, an empty body, markup too broken to
            parse). The message names the cause.
    """
    markup = html if _DOCUMENT_TAG.search(html[:4096]) else f"<html><body>{html}</body></html>"
    depth = nesting_depth(markup)
    if depth >= LIBXML2_MAX_DEPTH:
        return _flat_page(markup, url=url)
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params={
                "extensive_search": EXTENSIVE_DATE_SEARCH,
                "original_date": True,
                "max_date": dt.date.today().isoformat(),
            },
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if result is None:
        raise InputError(_NO_MAIN_TEXT)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(_NO_MAIN_TEXT)
    _check_not_navigation(text, markup)
    return ExtractedPage(
        text=text,
        title=data.get("title") or None,
        published=data.get("date") or None,
        outlet=data.get("sitename") or None,
        url=data.get("url") or url,
        language=data.get("language") or None,
    )


def _link_texts(markup: str) -> list[str]:
    # lxml refuses a str that declares its encoding ("<?xml … encoding=…?>"); it is decoded.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return []
    return [a.text_content() for a in tree.iter("a")]


def _only_link_text(text: str, links: list[str]) -> bool:
    """Whether every word of ``text`` is link text, also when links ran together ("HomeNews")."""
    words = {w.casefold() for w in _WORD.findall(text)}
    if words <= {w.casefold() for link in links for w in _WORD.findall(link)}:
        return True
    if len(text) > MAX_GLUED_CHECK_CHARS:
        return False
    rest = _NON_WORD.sub("", text).casefold()
    glued = {_NON_WORD.sub("", link).casefold() for link in links} - {""}
    for link in sorted(glued, key=len, reverse=True):
        rest = rest.replace(link, "")
    return not rest


def _check_not_navigation(text: str, markup: str) -> None:
    """Refuse a main text that is only the page's link text or a word or two of chrome.

    trafilatura falls back on whatever text a page has; on a menu or index page that is its
    links ("Home News Contact"), which is no article.

    Raises:
        InputError: the text is only link text, or too short to be an article.
    """
    words = _WORD.findall(text)
    shown = " / ".join(line.strip() for line in text.splitlines() if line.strip())
    if len(shown) > 80:
        shown = shown[:77] + "..."
    if words and _only_link_text(text, _link_texts(markup)):
        raise InputError(
            f"no main text in the HTML: its only text is link text ({shown!r}), as on an index "
            "or menu page; give the article's own page (or its text)"
        )
    if len(words) < MIN_MAIN_TEXT_WORDS:
        raise InputError(
            f"no main text in the HTML: all it holds is {shown!r}; give the article's own page "
            "(or its text), not an index, menu or error page"
        )


def nesting_depth(markup: str) -> int:
    """How many levels deep libxml2 nests ``markup``; ``LIBXML2_MAX_DEPTH`` or more when it
    reached its limit and dropped content."""
    if markup.count("<") < LIBXML2_MAX_DEPTH:
        return 0  # too few tags to get there
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.fromstring(_XML_DECLARATION.sub("", markup, count=1), parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return 0
    if any("excessive depth" in str(error.message).lower() for error in parser.error_log):
        return LIBXML2_MAX_DEPTH
    deepest = 0
    stack = [(root, 0)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def _flat_page(markup: str, *, url: str | None) -> ExtractedPage:
    """A page nested past libxml2's limit, read without a tree (see clean/flat.py)."""
    from communique.clean.flat import flat_text

    text, title = flat_text(markup)
    if len(_WORD.findall(text)) < MIN_MAIN_TEXT_WORDS:
        raise InputError(f"no main text in the HTML, which is nested more than {LIBXML2_MAX_DEPTH} levels deep")
    note = (f"HTML nested {LIBXML2_MAX_DEPTH} or more levels deep, past what the HTML parser keeps: the text "
            "was read from the flat page, so page chrome was removed by the plain-text rules only")
    return ExtractedPage(text=text, title=title, published=None, outlet=None, url=url, language=None,
                         notes=(note,))
