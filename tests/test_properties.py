"""Property-based tests (hypothesis) of the cleaners, the date readers and the readers: they
never crash on any input, their outputs are well formed, and they are idempotent where that
holds. Every `pytest` runs them with the "ci" budget; the full tier with the "full" one
(tests/conftest.py). The last tests are a bounded fuzz run of reading and cleaning bytes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from communique.clean import clean, document_id, normalize_text
from communique.clean.boilerplate import strip_boilerplate
from communique.clean.dateline import find_dateline, parse_dateline
from communique.clean.dates import is_ambiguous, normalize_published, parse_published
from communique.clean.flat import flat_text
from communique.errors import InputError
from communique.events.dates import resolve_date
from communique.ingest import decode, read_stream
from communique.records import Failure, RawDocument

pytestmark = pytest.mark.fuzz

# Pieces that the rules look for, mixed with arbitrary text, so that examples reach the rules.
WORDS = ["Pyongyang", "MOSCOW", "Oslo", "July", "Sept.", "21", "2000", "(KCNA)", "(Reuters)", "--", "—", "-",
         ",", ":", "|", "·", "[English]", "[Русский]", "Views:", "1,806", "Home", "News", "Join the mailing list",
         "yesterday", "Saturday", "last", "next", "on", "of", "\n", "\n\n", " ", "\u00a0", "\u2028", "\ufeff",
         "2024-02-30", "05/06/2023", "13.05.2023", "Thu, 05 Sep 2019", "T10:00:00+02:00", "\x00", "<p>", "</p>",
         "<div>", "&amp;", "&#xD800;", "<!--", "<script>", "</script>", "<br>", "\r\n"]
text_pieces = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=300), text_pieces)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
ISO_BY_PRECISION = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def _valid_iso(iso: str, precision: str) -> bool:
    if not re.fullmatch(ISO_BY_PRECISION[precision], iso):
        return False
    year, month, day = (iso.split("-") + ["01", "01"])[:3]
    dt.date(int(year), int(month), int(day))  # raises when invalid
    return True


# -- boilerplate -------------------------------------------------------------------------------

@given(texts)
def test_strip_boilerplate_keeps_only_input_lines_and_is_idempotent(text):
    stripped = strip_boilerplate(text)
    lines = {line.strip() for line in text.splitlines()}
    assert all(line.strip() in lines for line in stripped.splitlines())
    assert strip_boilerplate(stripped) == stripped


# -- datelines ---------------------------------------------------------------------------------

@given(texts)
@example("Pyongyang, July 21 (KCNA) -- Papers here today")
@example("September 10, Moscow (RSTV) -- x")
def test_datelines_are_well_formed(line):
    found = parse_dateline(line)
    if found is not None:
        assert line.replace("\u00a0", " ").strip().startswith(found.text)
        assert found.month is None or 1 <= found.month <= 12
        assert found.day is None or 1 <= found.day <= 99
        assert found.year is None or 1900 <= found.year <= 2099


@given(texts)
def test_find_dateline_points_at_a_line_of_the_text(text):
    found = find_dateline(text)
    if found is not None:
        index, dateline = found
        assert 0 <= index < len(text.splitlines())
        assert parse_dateline(text.splitlines()[index]) == dateline


# -- publication dates ------------------------------------------------------------------------

@given(st.one_of(texts, dates.map(str), dates.map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S +0000")),
                 dates.map(lambda d: d.strftime("%d.%m.%Y")), dates.map(lambda d: d.strftime("%m/%d/%Y"))))
def test_parse_published_gives_valid_dates_of_their_precision(value):
    found = parse_published(value)
    if found is not None:
        assert found.precision in ISO_BY_PRECISION and _valid_iso(found.iso, found.precision)
        assert str(int(found.iso[:4])) in value  # the year is one the value writes
    normalized = normalize_published(value)
    assert normalized == (found.iso if found is not None and found.precision == "day" else None)
    assert isinstance(is_ambiguous(value), bool)


@given(st.dates())
def test_placeholder_years_are_no_publication_date(day):
    expected = day.isoformat() if 1900 <= day.year <= 2099 else None
    assert normalize_published(day.isoformat()) == expected


@given(dates)
def test_iso_and_rfc822_dates_round_trip(day):
    assert normalize_published(day.isoformat()) == day.isoformat()
    assert normalize_published(day.strftime("%a, %d %b %Y 10:00:00 GMT")) == day.isoformat()


# -- event dates -------------------------------------------------------------------------------

@given(texts, st.one_of(st.none(), dates))
@example("yesterday", dt.date(1900, 1, 1))
@example("next Sunday", dt.date(2099, 12, 31))
def test_resolve_date_gives_a_date_and_precision_or_neither(expression, published):
    date, precision = resolve_date(expression, published.isoformat() if published else None)
    assert (date is None) == (precision is None)
    if date is not None:
        assert _valid_iso(date, precision)


@given(st.sampled_from(["yesterday", "today", "tomorrow", "on Saturday", "last Monday", "on July 19"]), dates)
def test_relative_dates_fall_near_publication(expression, published):
    date, precision = resolve_date(expression, published.isoformat())
    assert precision == "day"
    assert abs((dt.date.fromisoformat(date) - published).days) <= 366


# Time expressions of every kind the resolver reads (and some it does not), for the ends of the
# calendar: a relative date there may fall outside it.
EXPRESSIONS = ["today", "tonight", "this morning", "yesterday", "tomorrow", "on Saturday", "Sunday",
               "last Monday", "next Monday", "this Friday", "next Sunday", "last Sunday",
               "on July 19", "December 31", "31 December", "on Jan. 1", "1st of January",
               "July 19, 2000", "2024-02-29", "May 2023", "last week", "next week", "next year",
               "last year", "3 years ago", "in two days", "a decade from now", "no date at all"]
CALENDAR_ENDS = ([dt.date.min + dt.timedelta(days=n) for n in range(8)]
                 + [dt.date.max - dt.timedelta(days=n) for n in range(8)])
any_day = st.one_of(st.dates(min_value=dt.date.min, max_value=dt.date.max), st.sampled_from(CALENDAR_ENDS))


@given(st.sampled_from(EXPRESSIONS), any_day)
@example("yesterday", dt.date.min)
@example("tomorrow", dt.date.max)
@example("last Sunday", dt.date.min)
@example("next Monday", dt.date.max)
def test_resolve_date_never_raises_across_the_calendar(expression, published):
    date, precision = resolve_date(expression, published.isoformat())
    assert (date is None) == (precision is None)
    if date is not None:
        assert _valid_iso(date, precision)
        if precision == "day" and not re.search(r"\d{4}", expression):  # resolved against publication
            assert abs((dt.date.fromisoformat(date) - published).days) <= 366


# -- document ids and cleaning ----------------------------------------------------------------

@given(texts)
def test_document_id_ignores_case_and_spacing(text):
    assert document_id(text) == document_id("  " + text.upper().replace(" ", "  \n") + " ")
    assert normalize_text(normalize_text(text)) == normalize_text(text)


@given(texts)
def test_clean_gives_a_document_or_an_input_error(text):
    try:
        doc = clean(RawDocument(source="p", text=text))
    except InputError:
        return
    assert doc.text and any(ch.isalnum() for ch in doc.text)
    assert "\x00" not in doc.text and "\ufeff" not in doc.text
    assert doc.id == document_id(doc.text)
    assert doc.published is None or _valid_iso(doc.published, "day")


@given(texts)
@example("<!--<p>")
def test_flat_text_never_fails_and_keeps_no_markup_of_tags(text):
    flat, title = flat_text(text)
    if not re.search(r"<[!?]", text):  # inside an unclosed <![CDATA[ or <? a tag is text
        assert "<p>" not in flat and "<br>" not in flat
    assert title is None or title == title.strip()


# -- the readers, fuzzed with bytes -----------------------------------------------------------

bytes_inputs = st.one_of(
    st.binary(max_size=2000),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b\x08", b"WARC/1.0\r\n",
                               b'<?xml version="1.0"?><rss><channel><item><description>', b'{"text": "',
                               b"<html><body>", b"id,text\n"]), st.binary(max_size=500)).map(b"".join),
)


@given(bytes_inputs, st.sampled_from(["", ".txt", ".html", ".jsonl", ".csv", ".rss", ".warc", ".gz", ".xml"]))
def test_read_stream_never_raises_and_names_every_source(data, suffix):
    items = list(read_stream("in" + suffix, data, suffix=suffix))
    assert items, "every input yields a document or a failure"
    for item in items:
        assert isinstance(item, RawDocument | Failure)
        assert item.source.startswith("in" + suffix)
        if isinstance(item, Failure):
            assert item.reason and item.detail
        else:
            assert (item.text is None) != (item.html is None)
            (item.text or item.html or "").encode("utf-8")  # storable: no lone surrogates


@given(bytes_inputs)
def test_decode_and_clean_raise_only_input_errors(data):
    try:
        text = decode(data)
    except InputError:
        return
    assume(text.strip())
    for raw in (RawDocument(source="f", text=text), RawDocument(source="f", html=text)):
        try:
            clean(raw)
        except InputError:
            pass
