"""Normalizing publication dates given as metadata ("2000-07-21", "Thu, 05 Sep 2019").

A publication date is what relative expressions in the text ("yesterday", "on July 19") are
resolved against, so a wrong one does more harm than none. The rules, in order:

- ISO dates and timestamps (``2023-05-05``, ``2023-05-05T23:30:00-05:00``) give their calendar
  date as written: the publisher's local date, not converted to UTC.
- All-numeric dates: year first (``2023/05/05``, ``2023.5.5``) is year-month-day; with dots
  (``05.06.2023``) day first, as German, Russian and other European sites write them; with
  slashes (``05/06/2023``) month first, as US-style English metadata writes them, unless the
  first number is over 12 (``13/05/2023``). A slash date both ways valid is reported by
  :func:`is_ambiguous` so the caller can say which reading it took.
- Month and year, or a year alone (``May, 2023``, ``2023-05``, ``2023``): a date of month or
  year precision (``2023-05``, ``2023``), the form event dates use. It is never widened to a
  day: :func:`normalize_published` returns None for it.
- Anything else goes through dateparser (English, Russian, German, Chinese and Korean month
  names), absolute dates only: a relative phrase ("3 days ago", "yesterday's news") is no date.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass

__all__ = ["PublishedDate", "is_ambiguous", "normalize_published", "parse_published"]

# Metadata values longer than this are not a date field (a whole paragraph passed by mistake);
# dateparser's time grows with the length of its input.
MAX_VALUE_CHARS = 100
# Languages whose month names dateparser may read: those of the outlets communique is built for
# (C13). More languages make stray words more likely to parse as dates.
DATEPARSER_LANGUAGES = ["en", "ru", "de", "zh", "ko"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")
_YEAR_FIRST = re.compile(r"^\s*(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d.])")
_DAY_FIRST_DOTS = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_SLASHES = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
# Whatever may follow a numeric date in a metadata field: a time, a zone, nothing else.
_TIME_TAIL = re.compile(
    r"^(?:[T\s,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:z|utc|gmt|[a-z]{2,4}|[+-]\d{2}:?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"^\s*{_MONTH_NAME},?\s+{_YEAR}\s*$", re.IGNORECASE)
_YEAR_MONTH = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})\s*$")
_YEAR_ONLY = re.compile(rf"^\s*{_YEAR}\s*$")


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date and how precise it is.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for a ``precision`` of ``day``,
    ``month`` or ``year`` (the convention of event dates).
    """

    iso: str
    precision: str


# Publication years we accept, as the partial and free-form readers do ((19|20)dd): a year 1
# or 9999 is a placeholder, and dates counted from it ("yesterday") would leave the calendar.
MIN_YEAR, MAX_YEAR = 1900, 2099


def _day(year: int, month: int, day: int) -> PublishedDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return PublishedDate(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


_NUMERIC_FORMS = ((_ISO, "ymd"), (_YEAR_FIRST, "ymd"), (_DAY_FIRST_DOTS, "dmy"), (_SLASHES, "mdy"))


def _numeric(value: str) -> tuple[bool, PublishedDate | None]:
    """Read an all-numeric date: (whether ``value`` is one, the date or None when invalid)."""
    for pattern, order in _NUMERIC_FORMS:
        m = pattern.match(value)
        if m is None:
            continue
        if pattern is not _ISO and not _TIME_TAIL.match(value[m.end() :]):
            # "05.06.2023 and 07.06.2023": not one date. Say none rather than guess. (An ISO
            # prefix is unambiguous whatever follows it: "2023-05-05T10:00:00+02:00[CET]".)
            return True, None
        a, b, c = (int(g) for g in m.groups() if g.isdigit())
        if order == "ymd":
            return True, _day(a, b, c)
        if order == "dmy":
            return True, _day(c, b, a)
        # Month first, unless the first number cannot be a month ("13/05/2023").
        return True, _day(c, b, a) if a > 12 else _day(c, a, b)
    return False, None


def _partial(value: str) -> PublishedDate | None:
    if m := _MONTH_YEAR.match(value):
        return PublishedDate(f"{m['year']}-{_MONTHS[m['month'].lower()[:3]]:02d}", "month")
    if (m := _YEAR_MONTH.match(value)) and 1 <= int(m["month"]) <= 12:
        return PublishedDate(f"{m['year']}-{m['month']}", "month")
    if m := _YEAR_ONLY.match(value):
        return PublishedDate(m["year"], "year")
    return None


def parse_published(value: str | None) -> PublishedDate | None:
    """Read a publication-date metadata value; None when it states no date.

    Example:
        >>> parse_published("May, 2023")
        PublishedDate(iso='2023-05', precision='month')
        >>> parse_published("05.06.2023")
        PublishedDate(iso='2023-06-05', precision='day')
        >>> parse_published("yesterday's news") is None
        True
    """
    if not value or not value.strip() or len(value) > MAX_VALUE_CHARS:
        return None
    numeric, found = _numeric(value)
    if numeric:
        return found
    if partial := _partial(value):
        return partial
    if not re.search(r"(?:19|20)\d{2}", value):
        return None
    import dateparser  # slow to import; most inputs never get here

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(
            value,
            languages=DATEPARSER_LANGUAGES,
            settings={
                "STRICT_PARSING": True,
                "PREFER_DAY_OF_MONTH": "first",
                # Relative phrases ("3 days ago") would resolve against today: not a date.
                "PARSERS": ["custom-formats", "absolute-time"],
            },
        )
    # Belt and braces: accept only a result whose year the value writes.
    if parsed is None or str(parsed.year) not in value:
        return None
    return PublishedDate(parsed.date().isoformat(), "day")


def normalize_published(value: str | None) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD`` or None when it is not a full date.

    A month or a year alone ("May 2019") is not widened to a day; :func:`parse_published`
    gives it with its precision.

    Example:
        >>> normalize_published("Thursday, September 05, 2019")
        '2019-09-05'
        >>> normalize_published("May, 2023") is None
        True
    """
    found = parse_published(value)
    return found.iso if found is not None and found.precision == "day" else None


def is_ambiguous(value: str | None) -> bool:
    """Whether ``value`` is a slash date that reads as a valid date both month- and day-first.

    Example:
        >>> is_ambiguous("05/06/2023"), is_ambiguous("13/05/2023"), is_ambiguous("05/05/2023")
        (True, False, False)
    """
    m = _SLASHES.match(value or "")
    if m is None:
        return False
    first, second = int(m[1]), int(m[2])
    return first != second and first <= 12 and second <= 12
