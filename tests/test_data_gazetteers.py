"""Consistency checks for the hand-made gazetteer data files (no model, fast)."""

import csv
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "communique" / "data"

PSEUDO = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
NON_PYCOUNTRY = {"XKX"}  # Kosovo (user-assigned code)
SECTORS = set(
    "GOV MIL LEG JUD COP PTY REB SPY CVL BUS JRN MED EDU REL LAB AGR ELI HLH CRM "
    "IGO NGO UAF -".split()
)
COUNTRY_KINDS = {"name", "adjective", "capital", "metonym"}
ORG_MATCH = {"name", "head", "ism"}

# The 193 UN member states.
UN_MEMBERS = set(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
    BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
    CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
    FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
    IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
    LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
    NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
    KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
    ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
    UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """.split()
)
EXTRA_TERRITORIES = {"TWN", "PSE", "XKX", "VAT", "ESH", "HKG", "MAC"}
# Members without a capital row on purpose ("Victoria" is too ambiguous).
NO_CAPITAL_OK = {"SYC"}
NEWSWORTHY = set(
    """
    USA RUS CHN PRK KOR JPN GBR FRA DEU ITA ESP UKR IRN IRQ SYR ISR PSE SAU ARE QAT
    TUR EGY IND PAK AFG VNM LAO KGZ KAZ BLR POL CAN MEX BRA CUB VEN GRC BGD MMR SGP
    NZL AUS
    """.split()
)


def read_tsv(name):
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return [
        (i, row) for i, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    ]


def valid_code(code):
    return code in PSEUDO or code in NON_PYCOUNTRY or pycountry.countries.get(alpha_3=code) is not None


def test_un_member_list_is_complete():
    assert len(UN_MEMBERS) == 193
    for code in UN_MEMBERS:
        assert pycountry.countries.get(alpha_3=code) is not None, code


@pytest.fixture(scope="module")
def countries():
    rows = read_tsv("countries.tsv")
    for i, row in rows:
        assert len(row) == 3, (i, row)
    return [tuple(r) for _, r in rows]


@pytest.fixture(scope="module")
def organizations():
    rows = read_tsv("organizations.tsv")
    for i, row in rows:
        assert len(row) == 5, (i, row)
    return [tuple(r) for _, r in rows]


@pytest.fixture(scope="module")
def organization_codes(organizations):
    """Each organization name's (code, sector)."""
    return {text: (code, sector) for text, _match, code, sector, _note in organizations}


@pytest.fixture(scope="module")
def titles():
    rows = read_tsv("titles.tsv")
    for i, row in rows:
        assert len(row) in (3, 4), (i, row)
    return [tuple(r[:3]) for _, r in rows]


def test_title_countries_are_valid_codes():
    for _i, row in read_tsv("titles.tsv"):
        if len(row) == 4:
            assert row[3] == "-" or valid_code(row[3]), row


def _starts_ok(text):
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def test_countries_fields(countries):
    assert len(countries) > 800
    for code, kind, text in countries:
        assert code in EXTRA_TERRITORIES or valid_code(code), code
        assert code not in PSEUDO, code
        assert kind in COUNTRY_KINDS, kind
        assert text == text.strip() and _starts_ok(text), text


def test_countries_no_duplicates(countries):
    dups = [r for r, n in ((r, countries.count(r)) for r in set(countries)) if n > 1]
    assert not dups, dups


def test_countries_text_maps_to_one_code(countries):
    codes = defaultdict(set)
    for code, _kind, text in countries:
        codes[text.strip()].add(code)
    clashes = {t: c for t, c in codes.items() if len(c) > 1}
    assert not clashes, clashes


def test_countries_coverage(countries):
    kinds = defaultdict(set)
    for code, kind, _text in countries:
        kinds[code].add(kind)
    for code in UN_MEMBERS | EXTRA_TERRITORIES:
        assert "name" in kinds[code], f"{code} has no name row"
    for code in UN_MEMBERS - NO_CAPITAL_OK:
        assert "capital" in kinds[code], f"{code} has no capital row"
    for code in NEWSWORTHY:
        assert {"name", "adjective", "capital"} <= kinds[code], code


def test_countries_key_decisions(countries):
    lookup = {text: code for code, _kind, text in countries}
    expected = {
        "DPRK": "PRK", "North Korea": "PRK", "North Korean": "PRK",
        "Democratic People's Republic of Korea": "PRK", "Pyongyang": "PRK",
        "Korea": "KOR", "Korean": "KOR", "South Korea": "KOR", "ROK": "KOR",
        "Russian Federation": "RUS", "Kremlin": "RUS", "U.S.": "USA",
        "White House": "USA", "UK": "GBR", "Downing Street": "GBR",
        "Türkiye": "TUR", "Viet Nam": "VNM", "Czechia": "CZE",
        "Côte d'Ivoire": "CIV", "Ivory Coast": "CIV", "Kyiv": "UKR", "Kiev": "UKR",
        "Taiwan": "TWN", "Kosovo": "XKX", "Holy See": "VAT",
    }
    for text, code in expected.items():
        assert lookup.get(text) == code, (text, lookup.get(text))
    assert "Soviet" not in lookup


def test_organizations_fields(organizations):
    assert len(organizations) > 150
    for text, match, code, sector, _note in organizations:
        assert text == text.strip() and text, text
        assert _starts_ok(text) or text.startswith(("al-", "al ")), text
        assert match in ORG_MATCH, match
        assert sector in SECTORS, sector
        if match == "head":
            assert code == "-", text
        elif match == "ism":
            assert code == "ISM", text
        else:
            assert valid_code(code), (text, code)


def test_organizations_no_duplicates(organizations):
    assert len(set(organizations)) == len(organizations)
    owner = defaultdict(set)
    for text, match, code, _sector, _note in organizations:
        owner[text].add((match, code))
    clashes = {t: v for t, v in owner.items() if len(v) > 1}
    assert not clashes, clashes


def test_organizations_examples(organizations):
    lookup = {text: (match, code, sector) for text, match, code, sector, _ in organizations}
    assert lookup["KCNA"] == ("name", "PRK", "JRN")
    assert lookup["Workers' Party of Korea"] == ("name", "PRK", "PTY")
    assert lookup["United Nations"][1] == "UNO"
    assert lookup["European Union"][1] == "EUR"
    assert lookup["Embassy"] == ("head", "-", "GOV")
    assert lookup["ISG"][:2] == ("ism", "ISM")


def test_titles(titles):
    assert len(titles) >= 120
    seen = set()
    for title, sector, rank in titles:
        assert title == title.strip() and _starts_ok(title), title
        assert title.lower() not in seen, title
        seen.add(title.lower())
        assert sector in SECTORS, (title, sector)
        assert rank.isdigit() and 1 <= int(rank) <= 5, (title, rank)


# -- places.tsv and people.tsv -------------------------------------------------------------------

PLACE_KINDS = {"city", "town", "region", "island"}
PLACE_TERRITORIES = {"PSE", "XKX", "TWN", "HKG", "ESH"}


@pytest.fixture(scope="module")
def places():
    rows = read_tsv("places.tsv")
    for i, row in rows:
        assert len(row) >= 3, (i, row)
    return [tuple(r) for _, r in rows]


@pytest.fixture(scope="module")
def people():
    rows = read_tsv("people.tsv")
    for i, row in rows:
        assert len(row) == 5, (i, row)
    return [tuple(r) for _, r in rows]


def test_places_fields(places):
    assert len(places) > 1000
    for code, kind, *names in places:
        assert code in PLACE_TERRITORIES or (valid_code(code) and code not in PSEUDO), code
        assert kind in PLACE_KINDS, (kind, names)
        for name in names:
            assert name == name.strip() and (_starts_ok(name) or name.startswith("al-")), (code, name)


def test_a_place_name_maps_to_one_country(places):
    codes = defaultdict(set)
    for code, _kind, *names in places:
        for name in names:
            codes[name].add(code)
    clashes = {n: c for n, c in codes.items() if len(c) > 1}
    assert not clashes, clashes


def test_places_are_not_countries_capitals_or_organizations(places, countries, organizations):
    taken = {text for _code, _kind, text in countries} | {text for text, *_ in organizations}
    clashes = [name for _code, _kind, *names in places for name in names if name in taken]
    assert not clashes, clashes


def test_places_examples(places):
    lookup = {name: code for code, _kind, *names in places for name in names}
    expected = {"Basra": "IRQ", "Kandahar": "AFG", "Mosul": "IRQ", "Aleppo": "SYR", "Kharkiv": "UKR",
                "Crimea": "UKR", "Goma": "COD", "Mumbai": "IND", "Shanghai": "CHN", "Hebron": "PSE"}
    for name, code in expected.items():
        assert lookup.get(name) == code, (name, lookup.get(name))
    # ambiguous between countries, or common words: left out on purpose
    for name in ("Punjab", "Kashmir", "Hyderabad", "Valencia", "Victoria", "Georgia", "Reading", "Nice", "Brest"):
        assert name not in lookup, name


def test_people_fields(people):
    assert len(people) > 500
    for name, code, sector, office, surname in people:
        assert name == name.strip() and len(name.split()) >= 1 and _starts_ok(name), name
        assert valid_code(code), (name, code)
        assert sector in SECTORS and sector != "-", (name, sector)
        assert office, name
        # a surname or a name the person is known by alone ("Lula", "Jokowi")
        assert surname == "-" or _starts_ok(surname) or surname.startswith(("de ", "von ")), (name, surname)


def test_a_person_and_a_surname_map_to_one_country(people):
    codes, surnames = defaultdict(set), defaultdict(set)
    for name, code, _sector, _office, surname in people:
        codes[name].add(code)
        if surname != "-":
            surnames[surname].add(code)
    assert not {n: c for n, c in codes.items() if len(c) > 1}
    assert not {n: c for n, c in surnames.items() if len(c) > 1}


def test_people_names_are_no_places_countries_or_organizations(people, places, countries, organizations):
    taken = ({text for _code, _kind, text in countries} | {text for text, *_ in organizations}
             | {name for _code, _kind, *names in places for name in names})
    clashes = [n for name, _c, _s, _o, surname in people for n in (name, surname) if n in taken]
    assert not clashes, clashes


def test_people_examples(people):
    lookup = {name: code for name, code, *_ in people}
    surname = {s: code for _name, code, _sector, _office, s in people if s != "-"}
    assert lookup["Vladimir Putin"] == "RUS"
    assert lookup["Kofi Annan"] == "UNO"
    assert lookup["Abu Bakr al-Baghdadi"] == "IMG"
    assert surname["Netanyahu"] == "ISR"
    # family names shared by leaders of several countries or eras name nobody alone
    for shared in ("Kim", "Bush", "Clinton", "Gandhi", "Assad", "Castro", "Aliyev", "Sharif", "Khan"):
        assert shared not in surname, shared


def test_new_armed_groups_and_parties(organization_codes):
    lookup = organization_codes
    assert lookup["Tamil Tigers"] == ("LKA", "REB")
    assert lookup["Moro Islamic Liberation Front"] == ("PHL", "REB")
    assert lookup["Kurdistan Democratic Party"] == ("IRQ", "PTY")
    assert lookup["ISWAP"] == ("IMG", "REB")
    for ambiguous in ("IRA", "NPA", "ADF", "Sinn Fein"):
        assert ambiguous not in lookup, ambiguous


def test_political_organizations_of_1980_2020_news(organization_codes):
    lookup = organization_codes
    assert lookup["COSATU"] == ("ZAF", "LAB")
    assert lookup["Red Brigades"] == ("ITA", "REB")
    assert lookup["Fretilin"] == ("TLS", "PTY")
    assert lookup["SLORC"] == ("MMR", "GOV")
    assert lookup["Stasi"] == ("DEU", "SPY")
    assert lookup["Hizballah"] == lookup["Hezbollah"] == ("LBN", "REB")
    assert lookup["MUJAO"] == ("IMG", "REB")  # al-Qaeda offshoots stay transnational
    assert lookup["Charter 77"] == ("CZE", "CVL")  # a dissident group of one country is CVL of it
    assert len({code for code, _sector in lookup.values()}) > 150
    # acronyms and names shared by organizations of several countries stay out
    for ambiguous in ("CGT", "CUT", "UGT", "TUC", "NUM", "PAC", "UDF", "PDP", "APC", "CBI", "CSIS", "MST",
                      "General People's Congress", "Colorado Party", "National Liberation Army", "Freedom Party"):
        assert ambiguous not in lookup, ambiguous
