"""Datelines: place, outlet, month and day (and a year only when written)."""

import pytest

from communique.clean.dateline import MAX_DATELINE_LINE, find_dateline, parse_dateline


@pytest.mark.parametrize(
    ("line", "text", "place", "outlet", "month", "day", "year"),
    [
        ("Pyongyang, July 21 (KCNA) -- Papers here today carried an article.",
         "Pyongyang, July 21 (KCNA) --", "Pyongyang", "KCNA", 7, 21, None),
        ("September 10, Moscow (RSTV) The ministers met.",
         "September 10, Moscow (RSTV)", "Moscow", "RSTV", 9, 10, None),
        ("BEIJING, Jan. 16 (Xinhua) -- Chinese officials said.",
         "BEIJING, Jan. 16 (Xinhua) --", "Beijing", "Xinhua", 1, 16, None),
        ("MOSCOW (Reuters) - Russia said on Monday.",
         "MOSCOW (Reuters) -", "Moscow", "Reuters", None, None, None),
        ("OSLO, March 4, 2023 (NTB) -- The ministers met.",
         "OSLO, March 4, 2023 (NTB) --", "Oslo", "NTB", 3, 4, 2023),
        ("Oslo, 4 March 2023 -- The ministers met.",
         "Oslo, 4 March 2023 --", "Oslo", None, 3, 4, 2023),
        ("NEW YORK, Dec 1 (AP) — Envoys gathered.",
         "NEW YORK, Dec 1 (AP) —", "New York", "AP", 12, 1, None),
        ("Oslo, Sept. 5 - The talks resumed.",
         "Oslo, Sept. 5 -", "Oslo", None, 9, 5, None),
        # an agency's initials after the date, unbracketed; bracketed initials with no dash
        ("Riyadh, May 2, NAP -- The minister said.",
         "Riyadh, May 2, NAP --", "Riyadh", "NAP", 5, 2, None),
        ("Lima, May 2, 2021, ANDX -- The minister said.",
         "Lima, May 2, 2021, ANDX --", "Lima", "ANDX", 5, 2, 2021),
        ("Ottawa (XYZ) The government said on Monday.",
         "Ottawa (XYZ)", "Ottawa", "XYZ", None, None, None),
        ("Ottawa (XYZ)The government said on Monday.",
         "Ottawa (XYZ)", "Ottawa", "XYZ", None, None, None),
    ],
)
def test_dateline_forms(line, text, place, outlet, month, day, year):
    d = parse_dateline(line)
    assert d is not None
    got = (d.text, d.place, d.outlet, d.month, d.day, d.year)
    assert got == (text, place, outlet, month, day, year)


def test_non_breaking_space_inside_dateline_is_read():
    d = parse_dateline("Pyongyang, July 21\u00a0(KCNA) -- Papers here today.")
    assert d is not None and (d.place, d.outlet, d.day) == ("Pyongyang", "KCNA", 21)


@pytest.mark.parametrize(
    "line",
    [
        "Meanwhile, May 3 the talks resumed.",
        "The ministers met in Oslo on May 3 (local time).",
        "However, June 5 (local time) -- talks went on.",
        "Oslo, July 2-3 talks were held.",
        "the ministers met in Oslo.",
        "Senator Jane Doe (Labour) said the talks went on.",
        "Oslo (Norway) is a city.",
        "Ministers met in Oslo, May 3, NTB said.",
        "",
    ],
)
def test_ordinary_lines_are_not_datelines(line):
    assert parse_dateline(line) is None


def test_find_dateline_skips_title_and_blank_lines():
    text = "Ministers meet in Oslo\n\nOslo, May 3 (NTB) -- The ministers met.\nMore text."
    found = find_dateline(text)
    assert found is not None
    index, d = found
    assert index == 2
    assert (d.place, d.outlet, d.month, d.day) == ("Oslo", "NTB", 5, 3)


def test_find_dateline_only_looks_at_the_first_lines():
    filler = [f"Paragraph number {i} of the story." for i in range(MAX_DATELINE_LINE)]
    late = "\n".join(filler + ["Oslo, May 3 (NTB) -- A dateline too far down."])
    assert find_dateline(late) is None
    early = "\n".join(filler[: MAX_DATELINE_LINE - 1] + ["Oslo, May 3 (NTB) -- Still in reach."])
    assert find_dateline(early) is not None


def test_find_dateline_none_without_dateline():
    assert find_dateline("The ministers met.\nMeanwhile, May 3 the talks resumed.") is None
