"""Event dates: time expressions resolved against the publication date."""

import calendar
import datetime as dt

import pytest

from communique.events.dates import FUTURE_TOLERANCE_DAYS, resolve_date


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on July 19", "2000-07-21", ("2000-07-19", "day")),
        ("on July 19th", "2000-07-21", ("2000-07-19", "day")),
        ("Sept. 5", "2023-09-10", ("2023-09-05", "day")),
        ("19 July 2000", None, ("2000-07-19", "day")),
        ("on the 5th of May", "2023-06-01", ("2023-05-05", "day")),
        ("Dec. 30, 2022", "2024-01-01", ("2022-12-30", "day")),
        ("on 2021-03-04", None, ("2021-03-04", "day")),
        ("in July 2000", None, ("2000-07", "month")),
        ("yesterday", "2024-03-01", ("2024-02-29", "day")),
        ("today", "2024-03-01", ("2024-03-01", "day")),
        ("this morning", "2024-03-01", ("2024-03-01", "day")),
        ("tomorrow", "2024-02-28", ("2024-02-29", "day")),
        ("Saturday", "2024-03-27", ("2024-03-23", "day")),
    ],
)
def test_resolve_date(expression, published, expected):
    assert resolve_date(expression, published) == expected


def test_month_day_after_publication_is_last_year():
    assert resolve_date("December 30", "2024-01-02") == ("2023-12-30", "day")
    assert resolve_date("on Dec. 31", "2024-01-05") == ("2023-12-31", "day")


def test_month_day_shortly_after_publication_stays_in_the_year():
    # Announced plans ("talks on January 5") a few days ahead are not pushed back a year.
    published = dt.date(2024, 1, 2)
    near = published + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)
    far = near + dt.timedelta(days=1)
    expr = f"{calendar.month_name[near.month]} {near.day}"
    assert resolve_date(expr, published.isoformat()) == (near.isoformat(), "day")
    expr = f"{calendar.month_name[far.month]} {far.day}"
    assert resolve_date(expr, published.isoformat()) == (far.replace(year=2023).isoformat(), "day")


@pytest.mark.parametrize(
    "expression", ["September 7", "yesterday", "Saturday", "last Monday", "today", "the meeting"]
)
def test_no_publication_date_and_no_year_resolves_to_nothing(expression):
    assert resolve_date(expression, None) == (None, None)


@pytest.mark.parametrize("expression", ["February 30", "the talks", "last week", "2024-02-30"])
def test_impossible_or_missing_dates_are_none(expression):
    assert resolve_date(expression, "2024-03-03") == (None, None)


PUBLISHED = [dt.date(2024, 2, 26) + dt.timedelta(days=i) for i in range(7)]  # Monday..Sunday
WEEKDAYS = list(calendar.day_name)


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda d: calendar.day_name[d.weekday()])
def test_weekday_is_latest_such_day_on_or_before_publication(published):
    for target, name in enumerate(WEEKDAYS):
        iso, precision = resolve_date(f"on {name}", published.isoformat())
        got = dt.date.fromisoformat(iso)
        assert precision == "day"
        assert calendar.weekday(got.year, got.month, got.day) == target
        assert 0 <= (published - got).days <= 6


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda d: calendar.day_name[d.weekday()])
def test_last_weekday_is_strictly_before_publication(published):
    for target, name in enumerate(WEEKDAYS):
        iso, _ = resolve_date(f"last {name.lower()}", published.isoformat())
        got = dt.date.fromisoformat(iso)
        assert calendar.weekday(got.year, got.month, got.day) == target
        assert 1 <= (published - got).days <= 7


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda d: calendar.day_name[d.weekday()])
def test_next_weekday_is_strictly_after_publication(published):
    for target, name in enumerate(WEEKDAYS):
        iso, _ = resolve_date(f"next {name}", published.isoformat())
        got = dt.date.fromisoformat(iso)
        assert calendar.weekday(got.year, got.month, got.day) == target
        assert 1 <= (got - published).days <= 7


def test_weekday_across_a_year_boundary():
    # 2024-01-02 is a Tuesday; the Saturday before it is in 2023.
    assert calendar.weekday(2024, 1, 2) == calendar.TUESDAY
    assert resolve_date("Saturday", "2024-01-02") == ("2023-12-30", "day")


@pytest.mark.parametrize(("expression", "published"), [
    ("yesterday", "0001-01-01"), ("last Sunday", "0001-01-01"), ("Saturday", "0001-01-03"),
    ("tomorrow", "9999-12-31"), ("next Monday", "9999-12-28"), ("next Sunday", "9999-12-31"),
])
def test_dates_past_the_ends_of_the_calendar_do_not_resolve(expression, published):
    assert resolve_date(expression, published) == (None, None)


def test_dates_near_the_ends_of_the_calendar_still_resolve():
    assert resolve_date("tomorrow", "0001-01-01") == ("0001-01-02", "day")
    assert resolve_date("yesterday", "9999-12-31") == ("9999-12-30", "day")
    assert resolve_date("last Sunday", "9999-12-31") == ("9999-12-26", "day")
