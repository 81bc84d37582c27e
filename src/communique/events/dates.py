"""Event dates: time expressions resolved against the publication date.

"on July 19" in a story published 2000-07-21 is 2000-07-19; "Saturday" is the latest Saturday
on or before publication; "yesterday" is the day before. Without a publication date only
expressions that carry their own year resolve. Precision is ``day``, ``month`` or ``year``.
A date that would fall outside the calendar (``yesterday`` of 0001-01-01, ``tomorrow`` of
9999-12-31) does not resolve: there is no such day, and the nearest valid one would be wrong.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH_RE = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_MONTH_DAY = re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d{{2}}))?", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+((?:19|20)\d{{2}}))?", re.IGNORECASE)
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH_RE}\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:(last|next|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening)\b", re.IGNORECASE)
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                  "this evening": 0, "yesterday": -1, "tomorrow": 1}
# A month-day more than this many days after publication refers to the previous year
# ("on December 30" in a story of January 2).
FUTURE_TOLERANCE_DAYS = 7


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift(base: dt.date, days: int) -> tuple[str | None, str | None]:
    """``base`` moved by ``days`` as an ISO day, or (None, None) past either end of the calendar."""
    try:
        return (base + dt.timedelta(days=days)).isoformat(), "day"
    except OverflowError:
        return None, None


def resolve_date(expression: str, published: str | None) -> tuple[str | None, str | None]:
    """Resolve a time expression to (ISO date, precision), or (None, None).

    Example:
        >>> resolve_date("on July 19", "2000-07-21")
        ('2000-07-19', 'day')
        >>> resolve_date("Saturday", "2024-03-27")
        ('2024-03-23', 'day')
        >>> resolve_date("September 7", None)
        (None, None)
        >>> resolve_date("tomorrow", "9999-12-31")
        (None, None)

    Raises:
        ValueError: ``published`` is not an ISO date (``YYYY-MM-DD``).
    """
    base = dt.date.fromisoformat(published) if published else None
    if m := _ISO.search(expression):
        found = _safe(int(m[1]), int(m[2]), int(m[3]))
        return (found.isoformat(), "day") if found else (None, None)
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        if m := pattern.search(expression):
            month, day = (_month(m[1]), int(m[2])) if order == "md" else (_month(m[2]), int(m[1]))
            if m[3]:
                found = _safe(int(m[3]), month, day)
                return (found.isoformat(), "day") if found else (None, None)
            if base is None:
                return None, None
            found = _safe(base.year, month, day)
            if found is not None and (found - base).days > FUTURE_TOLERANCE_DAYS:
                found = _safe(base.year - 1, month, day)
            return (found.isoformat(), "day") if found else (None, None)
    if m := _MONTH_YEAR.search(expression):
        return f"{int(m[2]):04d}-{_month(m[1]):02d}", "month"
    if base is None:
        return None, None
    if m := _RELATIVE.search(expression):
        return _shift(base, _RELATIVE_DAYS[m[1].lower()])
    if m := _WEEKDAY.search(expression):
        qualifier = (m[1] or "").lower()
        target = _WEEKDAYS[m[2].lower()]
        back = (base.weekday() - target) % 7
        if qualifier == "next":
            return _shift(base, (target - base.weekday()) % 7 or 7)
        if qualifier == "last" and back == 0:
            back = 7
        return _shift(base, -back)
    return None, None
