"""data/cow.tsv: a Correlates of War number for every country code communique emits, checked
against an independent list (Gleditsch–Ward numbers in country_converter, which differ from COW
only where the two systems are known to differ)."""

from __future__ import annotations

import warnings
from importlib import resources

import pycountry
import pytest

from communique.export import cow_number
from communique.export.polecat import _cow_table

PSEUDO = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
NOT_COW_STATES = {"ESH", "HKG", "MAC", "PSE", "VAT"}
# Where COW and Gleditsch–Ward number a state differently (both systems' codebooks say so).
COW_NOT_GW = {"DEU": (255, 260), "CZE": (316, 315), "SRB": (345, 340), "YEM": (679, 680), "VNM": (816, 817),
              "KIR": (946, 970), "TUV": (947, 973), "TON": (955, 972), "NRU": (970, 971)}


def _emitted_codes() -> set[str]:
    codes = set()
    for name, column in (("countries.tsv", 0), ("organizations.tsv", 2)):
        text = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                code = line.split("\t")[column].strip()
                if code and code != "-":
                    codes.add(code)
    return codes - PSEUDO


def test_every_emitted_country_code_has_a_row() -> None:
    table = _cow_table()
    assert _emitted_codes() <= set(table)
    assert {code for code, cow in table.items() if not cow} == NOT_COW_STATES


def test_rows_are_iso3_codes_with_distinct_numbers() -> None:
    table = _cow_table()
    for code in table:
        assert code == "XKX" or pycountry.countries.get(alpha_3=code) is not None, code
    numbers = [int(n) for n in table.values() if n]
    assert len(numbers) == len(set(numbers))
    assert all(2 <= n <= 990 for n in numbers)


def test_anchors() -> None:
    assert [cow_number(c) for c in ("USA", "PRK", "KOR", "RUS", "CHN", "GBR", "DEU", "XKX")] == [
        "2", "731", "732", "365", "710", "200", "255", "347"]
    assert cow_number("IGO") == cow_number(None) == cow_number("PSE") == ""


def test_numbers_agree_with_gleditsch_ward_except_where_the_systems_differ() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas deprecations inside country_converter
        coco = pytest.importorskip("country_converter")
        data = coco.CountryConverter().data
    gleditsch_ward = dict(zip(data["ISO3"], data["GWcode"], strict=True))
    disagree = {}
    for code, cow in _cow_table().items():
        if cow:
            gw = int(gleditsch_ward[code])
            if gw != int(cow):
                disagree[code] = (int(cow), gw)
    assert disagree == COW_NOT_GW
