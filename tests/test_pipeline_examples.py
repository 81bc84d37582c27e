"""End to end on the two example articles and on texts we wrote (real model: slow)."""

from __future__ import annotations

import pytest

import communique
from communique.records import RawDocument

pytestmark = pytest.mark.slow

KCNA = "004_c184dba52402bfdb.txt"
RSTV = "000_188856d1e9c907ac.txt"


def _events(coded):
    return {(e.event, frozenset(a.code for a in e.actor), frozenset(r.code for r in e.recipient), e.date) for e in coded.events}


def test_signing_is_support_dated_from_publication(examples_dir):
    coded = communique.code((examples_dir / KCNA).read_text(), published="2000-07-21")
    signing = [e for e in coded.events if e.event == "SUPPORT"]
    assert len(signing) == 1
    event = signing[0]
    assert {a.entity_name for a in event.actor} == {"Kim Jong Il", "V. V. Putin"}
    assert {a.code for a in event.actor} == {"PRK", "RUS"}
    assert event.date == "2000-07-19" and event.date_precision == "day"
    # The evidence offsets point at the sentence in the cleaned text.
    evidence = event.evidence[0]
    assert coded.doc.text[evidence.start : evidence.end].strip() == evidence.text
    assert "signed" in evidence.text


def test_no_year_means_no_date(examples_dir):
    coded = communique.code((examples_dir / KCNA).read_text())
    assert coded.doc.published is None
    assert any("no year" in note for note in coded.doc.notes)
    assert all(e.date is None for e in coded.events)


def test_people_get_titles_and_countries(examples_dir):
    coded = communique.code((examples_dir / RSTV).read_text())
    people = {a.entity_name: a for a in coded.actors if a.kind == "person"}
    shin = people["Shin Hong Chol"]
    assert shin.office == "Ambassador Extraordinary and Plenipotentiary of the DPRK to the Russian Federation"
    assert (shin.code, shin.sector) == ("PRK", "GOV")
    assert people["Kim Yong Jin"].sector == "MIL"
    # "Comrade Kiyashchenko" is the Alexander Kiyashchenko named earlier, not a new person.
    assert "Kiyashchenko" not in people and "Comrade Kiyashchenko" not in people


def test_visit_actor_is_the_visitor(examples_dir):
    coded = communique.code((examples_dir / RSTV).read_text())
    consult = [e for e in coded.events if e.event == "CONSULT" and any(r.code == "PRK" for r in e.recipient)]
    assert consult, coded.events
    assert consult[0].actor[0].code == "RUS"


def test_one_event_per_real_event():
    text = (
        "Oslo, March 3 (NTB) -- Norway and Sweden held talks in Oslo on Monday. "
        "The talks between Norway and Sweden lasted four hours. "
        "Sweden also signed a fisheries agreement with Norway."
    )
    coded = communique.code(text, published="2025-03-05")
    consults = [e for e in coded.events if e.event == "CONSULT"]
    assert len(consults) == 1
    assert len(consults[0].evidence) == 2
    assert consults[0].date == "2025-03-03"
    assert any(e.event == "SUPPORT" for e in coded.events)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("France accused Germany of spying on its ministers.", ("ACCUSE", {"FRA"}, {"DEU"})),
        ("Japan urged China to release the fishermen.", ("REQUEST", {"JPN"}, {"CHN"})),
        ("Canada imposed sanctions on Iran on Tuesday.", ("SANCTION", {"CAN"}, {"IRN"})),
        ("Egypt rejected the proposal by Ethiopia.", ("REJECT", {"EGY"}, set())),
    ],
)
def test_event_types_from_our_sentences(sentence, expected):
    coded = communique.code(sentence, published="2025-01-10")
    got = {(e.event, frozenset(a.code for a in e.actor), frozenset(r.code for r in e.recipient)) for e in coded.events}
    event, actor, recipient = expected
    assert any(g[0] == event and g[1] == frozenset(actor) and (not recipient or g[2] == frozenset(recipient)) for g in got), got


def test_negated_and_hypothetical_events_are_not_coded():
    coded = communique.code(
        "Peru did not sign the treaty with Chile. Bolivia would attack Paraguay if provoked.",
        published="2025-01-10",
    )
    assert coded.events == ()


def test_non_english_documents_are_kept_but_not_coded():
    results = list(communique.process([RawDocument(source="ru", text="Россия и Китай подписали соглашение о сотрудничестве в Москве в понедельник.")]))
    assert results[0].doc.language == "ru"
    assert results[0].events == ()
    assert any("not coded" in n for n in results[0].doc.notes)
