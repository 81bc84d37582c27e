"""The text of an HTML page without building a tree: the fallback for pages nested too deeply
for libxml2.

libxml2's HTML parser (under lxml and so trafilatura) stops at 255 levels of nesting and
drops everything deeper *and everything after it*, silently. Pages like that exist: old sites
leave ``<font>`` or ``<div>`` tags unclosed by the hundred. For them the text is read by the
standard library's streaming ``html.parser``, which has no depth limit: every text node in
order, block elements and ``<br>`` as line breaks, scripts and styles left out. Page chrome
is then removed by the plain-text boilerplate rules only, which the caller notes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["flat_text"]

# Elements whose start or end breaks the line.
BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
))
# Elements whose content is no text. Only those html.parser itself reads as raw text (it
# ends them at their closing tag whatever is inside), so an unclosed one cannot hide the rest.
SKIPPED_TAGS = frozenset(("script", "style"))
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skipping: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping = tag
        elif tag == "title":
            self._in_title = True
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._skipping:
            self._skipping = None
        elif tag == "title":
            self._in_title = False
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        (self.title if self._in_title else self.parts).append(data)


def flat_text(html: str) -> tuple[str, str | None]:
    """The text and the ``<title>`` of ``html``, read without a tree.

    Example:
        >>> flat_text("<title>T</title>" + "<div>" * 300 + "<p>Deep.</p>" + "</div>" * 300)
        ('Deep.', 'T')
    """
    collector = _Collector()
    # A comment left open runs to the end of the page (as browsers read it); html.parser would
    # give its content back as text.
    if (opened := html.rfind("<!--")) >= 0 and html.find("-->", opened + 4) < 0:
        html += "-->"
    collector.feed(html)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = _SPACES.sub(" ", "".join(collector.title)).strip() or None
    return text, title
