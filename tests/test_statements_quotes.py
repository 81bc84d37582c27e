"""Quotation finding and statement scoring: no spaCy model."""

from __future__ import annotations

import pytest

from communique.eval import score
from communique.records import CodedDocument
from communique.statements import find_quotes
from statement_records import oslo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said: "We agree." She said “No way.”', ["We agree.", "No way."]),
        ("«Non,» dit-il. „Ja“, sagte sie.", ["Non,", "Ja"]),
        # An unpaired straight quote is ignored; pairing restarts in each paragraph.
        ('The "first" and a stray " mark.\n\nThen "second".', ["first", "second"]),
        # Single quotes are apostrophes or scare quotes, not quotations.
        ("The ministry's 'leaks' policy", []),
        # Marks inside a curly quotation do not end it.
        ('“He called it "absurd" and left,” she said.', ['He called it "absurd" and left,']),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == expected
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_a_quotation_across_sentences_is_one_quote() -> None:
    text = '"The talks were useful. We meet again in May," the envoy said.'
    (quote,) = find_quotes(text)
    assert quote.text == "The talks were useful. We meet again in May,"
    assert quote.words == 9


def _gold(claim: str, country: str | None) -> dict:
    return {
        "id": "g1",
        "text": "",
        "events": [],
        "statements": [
            {"speaker": {"name": "x", "country": country, "sector": "GOV"}, "claim": claim}
        ],
    }


@pytest.mark.parametrize(
    ("claim", "country", "recall"),
    [
        ("the talks with Iceland had failed", "NOR", 1.0),
        ("talks with Iceland failed, the ministry said", "NOR", 1.0),  # half the words are enough
        ("the talks with Iceland had failed", "ISL", 0.0),  # the speaker's country must agree
        ("the talks with Iceland had failed", None, 1.0),  # unless gold gives none
        ("Reykjavik owes Oslo nothing", "NOR", 0.0),
    ],
)
def test_our_statement_records_are_what_the_scorer_reads(
    claim: str, country: str | None, recall: float
) -> None:
    coded: CodedDocument = oslo()
    assert score([_gold(claim, country)], [coded.to_dict()])["statements_recall"] == recall
