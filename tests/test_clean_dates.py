"""Publication dates given as metadata: full dates, partial dates with their precision, and
never a date that the value does not state."""

import pytest

from communique.clean.dates import (
    PublishedDate,
    is_ambiguous,
    normalize_published,
    parse_published,
)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("May 5th, 2023", "2023-05-05"),
        ("5 May 2023", "2023-05-05"),
        ("5th of May, 2023", "2023-05-05"),
        ("2023/05/05", "2023-05-05"),
        ("2023/9/19 2:26:58", "2023-09-19"),
        # Dotted dates are day first, as European sites write them.
        ("05.05.2023", "2023-05-05"),
        ("06.05.2023", "2023-05-06"),
        ("1.5.2023", "2023-05-01"),
        # ISO timestamps give the date as written (the publisher's day), not shifted to UTC.
        ("2023-05-05T23:30:00-05:00", "2023-05-05"),
        ("2023-05-05T10:00:00+09:00", "2023-05-05"),
        ("2023-05-05T10:00:00.000Z", "2023-05-05"),
        ("2023-05-05 10:00:00", "2023-05-05"),
        ("Fri, 05 May 2023 21:00:16 +0200", "2023-05-05"),
        # Slash dates: month first unless the first number cannot be a month.
        ("05/13/2023", "2023-05-13"),
        ("13/05/2023", "2023-05-13"),
        ("05/06/2023", "2023-05-06"),
        ("05/06/2023 10:21 PM EDT", "2023-05-06"),
        # Month names of the languages communique recognizes.
        ("5 мая 2023", "2023-05-05"),
        ("5. Mai 2023", "2023-05-05"),
        ("2023年5月5日", "2023-05-05"),
    ],
)
def test_full_dates(value, iso):
    assert parse_published(value) == PublishedDate(iso, "day")
    assert normalize_published(value) == iso


@pytest.mark.parametrize(
    ("value", "iso", "precision"),
    [
        ("May, 2023", "2023-05", "month"),
        ("May 2023", "2023-05", "month"),
        ("Sept. 2023", "2023-09", "month"),
        ("2023-05", "2023-05", "month"),
        ("2023", "2023", "year"),
    ],
)
def test_month_or_year_keeps_its_precision_and_is_never_widened_to_a_day(value, iso, precision):
    assert parse_published(value) == PublishedDate(iso, precision)
    assert normalize_published(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "yesterday's news",
        "yesterday's news 2023",
        "3 days ago 2020",
        "vor 3 Tagen 2023",
        "last spring",
        "July 21",
        "2000-02-30",
        "31.02.2023",
        "2023-13",
        "05.06.2023 and 07.06.2023",
        "1683280800",
        "The ministers met in Oslo on 5 May 2023 and again in June. " * 3,
        "",
        "   ",
        None,
    ],
)
def test_no_date_is_invented(value):
    assert parse_published(value) is None
    assert normalize_published(value) is None


def test_slash_date_valid_both_ways_is_reported_as_ambiguous():
    assert is_ambiguous("05/06/2023")
    assert not is_ambiguous("13/05/2023")
    assert not is_ambiguous("05/05/2023")
    assert not is_ambiguous("06.05.2023")
    assert not is_ambiguous(None)
