"""Datelines: ``Pyongyang, July 21 (KCNA) --``, ``September 10, Moscow (RSTV)``,
``BEIJING, Jan. 16 (Xinhua) --``, ``MOSCOW (Reuters) -``, ``Riyadh, May 2, SPA --``,
``Washington (CNN)``.

A dateline gives the place the story was filed from, often the outlet, and a month and day.
Datelines rarely carry a year; we report the year only when it is written.
"""

from __future__ import annotations

import re

from communique.records import Dateline

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PLACE = r"(?P<place>[A-Z][A-Za-z'\u00c0-\u017f.-]*(?:[ -][A-Z][A-Za-z'\u00c0-\u017f.-]*){0,3})"
_OUTLET = r"\((?P<outlet>[A-Z][A-Za-z0-9 .&'-]{1,40})\)"
_DASH = r"\s*(?:--|—|–|-|:)?"
# After a place and date, either an outlet (and perhaps a dash) or a dash must follow.
_END = rf"\s*(?:{_OUTLET}{_DASH}|(?:--|—|–|-)(?=\s))"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_NBSP = "\u00a0"

# Tried in order on the first lines of the text; each must match at a line start.
_PATTERNS = (
    re.compile(rf"^{_PLACE},\s+{_MONTH}\s+(?P<day>\d{{1,2}}){_YEAR}{_END}"),
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}}){_YEAR},\s+{_PLACE}\s*{_OUTLET}{_DASH}"),
    re.compile(rf"^{_PLACE},\s+(?P<day>\d{{1,2}})\s+{_MONTH}{_YEAR}{_END}"),
    re.compile(rf"^{_PLACE}\s*{_OUTLET}\s*(?:--|—|–|-)"),
    # "Riyadh, April 17, SPA --": the agency's initials after the date, with no brackets
    re.compile(rf"^{_PLACE},\s+{_MONTH}\s+(?P<day>\d{{1,2}}){_YEAR},\s+(?P<outlet>[A-Z][A-Z0-9&]{{1,9}})\s*(?:--|—|–|-)(?=\s)"),
    # "Washington (CNN)The ...", "Washington (CNN) The ...": initials in brackets and no dash
    re.compile(rf"^{_PLACE}\s*\((?P<outlet>[A-Z][A-Z0-9&]{{1,9}})\)(?=\s*[A-Z\"\u201c'\u2018])"),
)
# How far into the text a dateline may sit (titles and menus come first on many pages).
MAX_DATELINE_LINE = 12


def parse_dateline(line: str) -> Dateline | None:
    """Parse one line's leading dateline, or return None.

    Example:
        >>> d = parse_dateline("Pyongyang, July 21 (KCNA) -- Papers here today ...")
        >>> (d.place, d.outlet, d.month, d.day, d.year)
        ('Pyongyang', 'KCNA', 7, 21, None)
    """
    text = line.replace(_NBSP, " ").strip()
    for pattern in _PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        groups = m.groupdict()
        month = groups.get("month")
        place = groups["place"].strip().rstrip(".")
        return Dateline(
            text=m.group(0).strip(),
            place=place.title() if place.isupper() else place,
            outlet=(groups.get("outlet") or None),
            month=MONTHS[month.lower()[:3]] if month else None,
            day=int(groups["day"]) if groups.get("day") else None,
            year=int(groups["year"]) if groups.get("year") else None,
        )
    return None


def find_dateline(text: str) -> tuple[int, Dateline] | None:
    """Find the first dateline among the first lines of ``text``: (line index, dateline)."""
    seen = 0
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        seen += 1
        if seen > MAX_DATELINE_LINE:
            break
        found = parse_dateline(line)
        if found is not None:
            return index, found
    return None
