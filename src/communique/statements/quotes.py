"""Quotations in a text: where each quoted stretch starts and ends.

Curly quotes pair by direction (“ … ”, « … », „ … “); straight double quotes pair in order
within a paragraph, and an unpaired one is ignored. Single quotes are not read as quotation
marks: in news copy they are apostrophes or scare quotes inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n\s*\n")
# Opening mark -> closing marks it pairs with.
_CURLY = {"“": "”", "«": "»", "„": "“”"}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` are the offsets of the text inside the marks."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(re.findall(r"\w+", self.text))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    return spans


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in text order (nested quotes are not reported separately).

    Example:
        >>> [q.text for q in find_quotes('He said: "We agree." She said “No.”')]
        ['We agree.', 'No.']
    """
    found: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        open_at: int | None = None
        closers = ""
        for i in range(start, end):
            ch = text[i]
            if open_at is None:
                if ch in _CURLY:
                    open_at, closers = i, _CURLY[ch]
                elif ch == '"':
                    open_at, closers = i, '"'
            elif ch in closers:
                found.append((open_at + 1, i))
                open_at = None
    out = []
    for start, end in found:
        inner = text[start:end]
        lead = len(inner) - len(inner.lstrip())
        inner = inner.strip()
        if inner:
            out.append(Quote(start + lead, start + lead + len(inner), inner))
    return out
