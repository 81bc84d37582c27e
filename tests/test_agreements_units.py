"""Agreement helpers that need no model: coarse dates, background, list lines, scoring our records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from communique.agreements.clauses import list_after
from communique.agreements.extract import _coarse_date, _is_background
from communique.eval import score
from communique.records import Agreement, CodedDocument, Document, Entity, Evidence, Span

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "score.py"


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("June this year", "2024-11-20", ("2024-06", "month")),
        ("in December", "2024-11-20", ("2023-12", "month")),  # a later month is last year's
        ("in November", "2024-11-20", ("2024-11", "month")),
        ("March last year", "2024-11-20", ("2023-03", "month")),
        ("in May 2019", None, ("2019-05", "month")),
        ("in 2019", "2024-11-20", ("2019", "year")),
        ("in June", None, (None, None)),  # no year to put it in
        ("recently", "2024-11-20", (None, None)),
    ],
)
def test_coarse_dates(expression, published, expected):
    assert _coarse_date(expression, published) == expected


@pytest.mark.parametrize(
    ("date", "published", "background"),
    [
        ("2024-06", "2024-11-20", True),
        ("2024-10", "2024-11-20", False),  # 20 days after the end of October: still news
        ("2024-11-18", "2024-11-20", False),
        ("2024-09-01", "2024-11-20", True),
        ("2019", "2024-11-20", True),
        ("2024-06", None, False),  # without a publication date nothing is background
        (None, "2024-11-20", False),
    ],
)
def test_background_dates(date, published, background):
    assert _is_background(date, published) is background


def test_list_lines_after_a_lead_and_where_they_stop():
    text = ("The sides agreed to:\n\n1. open a consulate;\n\n2) train border guards\n(c) share data\n"
            "- meet yearly\n• publish reports\nThe talks ended on Friday.\n")
    doc = spacy.blank("en")(text)
    items = [text[s:e] for s, e in list_after(doc, 0, len(text), paragraphs=False)]
    assert items == ["1. open a consulate;", "2) train border guards", "(c) share data", "- meet yearly",
                     "• publish reports"]


def test_paragraphs_after_a_colon_lead_stop_at_a_line_that_is_not_a_sentence():
    text = "It says:\n\nThe parties shall meet.\n\nThey shall trade.\n\nShare this article\nMore news.\n"
    doc = spacy.blank("en")(text)
    items = [text[s:e] for s, e in list_after(doc, 0, len(text), paragraphs=True)]
    assert items == ["The parties shall meet.", "They shall trade."]


def test_no_list_means_no_items():
    text = "They signed an accord.\nThe talks ended on Friday.\n"
    doc = spacy.blank("en")(text)
    assert list_after(doc, 0, len(text), paragraphs=False) == []


def _coded(n_clauses: int) -> CodedDocument:
    text = "Norland and Sudmark signed a Fishing Quota Agreement. " + " ".join(
        f"Clause {i}." for i in range(n_clauses))
    doc = Document(id="d1", text=text, source="t")
    clauses = tuple(Span(start=54 + 10 * i, end=62 + 10 * i, text=f"Clause {i}") for i in range(n_clauses))
    agreement = Agreement(
        id="d1-a01", doc_id="d1", title="Fishing Quota Agreement", kind="agreement",
        parties=(Entity("Norland", "Norland", "state", code="NOR"), Entity("Sudmark", "Sudmark", "state", code="SWE")),
        evidence=(Evidence(sentence=0, start=0, end=53, text=text[:53]),), clauses=clauses,
    )
    return CodedDocument(doc=doc, agreements=(agreement,))


GOLD = [{"id": "g", "text": "…", "events": [],
         "agreements": [{"title": "Agreement on Fishing Quotas", "parties": ["NOR", "SWE"], "clauses": 7}]}]


@pytest.mark.parametrize(("n_clauses", "ok"), [(7, 1.0), (6, 1.0), (8, 1.0), (5, 0.0), (0, 0.0)])
def test_our_agreement_records_are_scored_by_title_and_clause_count(n_clauses, ok):
    result = score(GOLD, [_coded(n_clauses).to_dict()])
    assert result["agreements_recall"] == 1.0
    assert result["clause_count_ok"] == ok


@pytest.mark.skipif(not REFERENCE.is_file(), reason=f"reference scorer not found at {REFERENCE}")
def test_reference_scorer_reads_our_agreement_records_the_same_way(tmp_path):
    gold_path, system_path = tmp_path / "gold.jsonl", tmp_path / "system.jsonl"
    gold_path.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    system_path.write_text(json.dumps(_coded(6).to_dict()) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(REFERENCE), str(gold_path), str(system_path), "--json"],
                          capture_output=True, text=True, check=True, timeout=60)
    reference = json.loads(proc.stdout)
    assert (reference["agreements_recall"], reference["clause_count_ok"]) == (1.0, 1.0)
