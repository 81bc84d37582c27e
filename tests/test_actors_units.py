"""Actor helpers that need no model: affiliations, organizations, aliases, titles, canonical entries."""

from __future__ import annotations

import pytest

from communique.actors import ActorResolver, DocActors, load_gazetteer
from communique.actors.resolve import _abbreviates, _same_person
from communique.records import Entity


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(
    ("title", "organization"),
    [
        ("Counselor of the DPRK Embassy in the Russian Federation", "DPRK Embassy"),
        ("Foreign Ministry spokesperson", "Foreign Ministry"),
        ("Deputy Minister of Defence of the Republic of Kenya", "Republic of Kenya"),
        ("artist of the Latvian Executive Committee", "Latvian Executive Committee"),
        ('member of the Central Committee of the "Rodina" movement', 'Central Committee of the "Rodina" movement'),
        ("head of the Tunisian Red Crescent (TRC)", "Tunisian Red Crescent (TRC)"),
        ("Acting Minister of Water Affairs of the Malian transitional government", "Malian transitional government"),
        ("foreign editor for Examplewire.com", "Examplewire.com"),
        ("NATO Secretary General", "NATO"),
        ("Russian ambassador to Chile", None),
        ("Minister of Foreign Affairs", None),
        ("envoy of Lebanese Prime Minister Rami Saad", None),
    ],
)
def test_organization_of_a_title(resolver: ActorResolver, title: str, organization: str | None) -> None:
    assert resolver.organization(title) == organization


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ambassador of the DPRK to the Russian Federation", "PRK"),
        ("UN Security Council", "UNO"),
        ("National Security Council", None),
        ("Former U.N. Secretary-General", "UNO"),
        ("Coordination Committee of the DPRK ISG", "ISM"),
        ("European Council", "EUR"),
    ],
)
def test_affiliation_country(resolver: ActorResolver, text: str, code: str | None) -> None:
    assert resolver.affiliation(text)[0] == code


@pytest.mark.parametrize(
    ("name", "earlier", "same"),
    [
        ("Volkov", "Alexander Volkov", True),
        ("Wang", "Wang Lei", True),
        ("Antony Reed", "Antony J. Reed", True),
        ("Sergei Ivanov", "Sergey Ivanov", True),
        ("V. Putin", "Vladimir Putin", True),
        ("Alexandr Morozov", "Alexander Morozov", True),
        ("Kim Jong Il", "Kim Jong Un", False),
        ("Anna Ivanova", "Maria Ivanova", False),
    ],
)
def test_same_person(name: str, earlier: str, same: bool) -> None:
    assert _same_person(name, earlier) is same


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [("TRC", "Tunisian Red Crescent", True), ("DPRK", "Democratic People's Republic of Korea", True),
     ("JRC", "Jordanian Red Crescent", True), ("UNSC", "Jordanian Red Crescent", False)],
)
def test_acronyms(acronym: str, name: str, expected: bool) -> None:
    assert _abbreviates(acronym, name) is expected


def test_title_countries() -> None:
    gaz = load_gazetteer()
    assert gaz.title_country("Secretary of State") == "USA"
    assert gaz.title_country("Secretary of State for Defence") is None
    assert gaz.title_country("Foreign Minister") is None


def test_lowercase_and_abbreviated_titles_are_known() -> None:
    gaz = load_gazetteer()
    for text in ("state councillor and foreign minister", "Col. Tom Baker", "head of the office", "counterpart"):
        assert gaz.title_at(text) is not None, text
    assert gaz.title_at("Chairs of the board") is None  # whole words only


def test_canonical_keeps_one_entry_per_person_with_the_fullest_title() -> None:
    actors = DocActors(entities=[
        Entity("Ana Silva", "Ana Silva", "person", code="BRA", sector="GOV", office="Minister"),
        Entity("Brazil", "Brazil", "state", code="BRA", sector="GOV"),
        Entity("Silva", "Ana Silva", "person", code="BRA", sector="GOV", office="Brazilian Minister of Foreign Affairs",
               organization="Brazil"),
        Entity("Minister Silva", "Ana Silva", "person", code="BRA", sector="GOV", office="Minister"),
    ])
    canonical = actors.canonical()
    assert [e.entity_name for e in canonical] == ["Ana Silva", "Brazil"]
    assert canonical[0].office == "Brazilian Minister of Foreign Affairs"
    assert canonical[0].organization == "Brazil"
    assert canonical[0].entity_text == "Ana Silva"  # the first mention's text and offsets
