"""Normalizing publication dates given as metadata ("2000-07-21", "Thu, 05 Sep 2019")."""

from __future__ import annotations

import datetime as dt
import re
import warnings

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalize_published(value: str | None) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD`` or None when it is not a full date.

    ISO dates are read directly; anything else goes through dateparser, and only a result that
    names a year, month and day is accepted (a bare "July 21" is not a publication date).

    Example:
        >>> normalize_published("Thursday, September 05, 2019")
        '2019-09-05'
    """
    if not value or not value.strip():
        return None
    m = _ISO.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if not re.search(r"(?:19|20)\d{2}", value):
        return None
    import dateparser  # slow to import; most inputs never get here

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(
            value, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
        )
    # A relative phrase ("3 days ago 2020") parses to a date near today: accept only a result
    # whose year the value writes.
    if parsed is None or str(parsed.year) not in value:
        return None
    return parsed.date().isoformat()
