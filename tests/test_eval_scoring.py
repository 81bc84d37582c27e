"""Evaluation: event matching, counts, recall figures, and agreement with the reference scorer."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.errors import GoldFormatError
from communique.eval import event_matches, read_gold, score

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "score.py"


def _e(code):
    return {"name": f"official of {code}", "country": code}


def gold_event(type_, actors, recipients, *, symmetric=False, date=None):
    return {
        "type": type_,
        "actor": [_e(c) for c in actors],
        "recipient": [_e(c) for c in recipients],
        "symmetric": symmetric,
        "date": date,
    }


def sys_event(type_, actors, recipients, *, date=None):
    return {
        "event": type_,
        "actor": [{"entity_name": "x", "code": c} for c in actors],
        "recipient": [{"entity_name": "y", "code": c} for c in recipients],
        "date": date,
    }


def counts(p, r, f1, tp, fp, fn):
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def test_directed_event_needs_actor_and_recipient_in_place():
    gold = gold_event("CONSULT", ["NOR"], ["SWE"])
    assert event_matches(gold, sys_event("CONSULT", ["NOR"], ["SWE"]))
    assert not event_matches(gold, sys_event("CONSULT", ["SWE"], ["NOR"]))
    assert not event_matches(gold, sys_event("CONSULT", ["NOR", "SWE"], []))


def test_symmetric_event_compares_one_unordered_set():
    gold = gold_event("CONSULT", ["NOR"], ["SWE"], symmetric=True)
    assert event_matches(gold, sys_event("CONSULT", ["SWE"], ["NOR"]))
    assert event_matches(gold, sys_event("CONSULT", ["NOR", "SWE"], []))
    assert not event_matches(gold, sys_event("CONSULT", ["NOR"], ["DNK"]))


def test_type_must_be_equal_and_system_type_is_case_insensitive():
    gold = gold_event("AGREE", ["NOR"], ["SWE"])
    assert event_matches(gold, sys_event("agree", ["NOR"], ["SWE"]))
    assert event_matches(gold, sys_event(["AGREE", "CONSULT"], ["NOR"], ["SWE"]))
    assert not event_matches(gold, sys_event("CONSULT", ["NOR"], ["SWE"]))


def test_country_and_type_are_read_from_every_field_the_reference_reads():
    gold = gold_event("SUPPORT", ["NOR"], ["SWE"])
    system = {
        "event_type": "support",
        "actor": [{"country_code": "nor"}],
        "recipient": [{"country": "swe"}],
    }
    assert event_matches(gold, system)


def test_dates_must_agree_only_where_both_are_given():
    gold = gold_event("CONSULT", ["NOR"], ["SWE"], date="2024-01-02")
    assert event_matches(gold, sys_event("CONSULT", ["NOR"], ["SWE"], date="2024-01-02"))
    assert event_matches(gold, sys_event("CONSULT", ["NOR"], ["SWE"], date="2024-01-02T09:30:00"))
    assert event_matches(gold, sys_event("CONSULT", ["NOR"], ["SWE"], date=None))
    assert not event_matches(gold, sys_event("CONSULT", ["NOR"], ["SWE"], date="2024-01-03"))
    undated = gold_event("CONSULT", ["NOR"], ["SWE"], date=None)
    assert event_matches(undated, sys_event("CONSULT", ["NOR"], ["SWE"], date="1999-12-31"))


def test_each_gold_event_matches_at_most_once():
    gold = {"text": "t", "events": [gold_event("CONSULT", ["NOR"], ["SWE"])]}
    twice = [sys_event("CONSULT", ["NOR"], ["SWE"]), sys_event("CONSULT", ["NOR"], ["SWE"])]
    result = score([gold], [{"events": twice}])
    assert result["events"] == counts(0.5, 1.0, 0.667, tp=1, fp=1, fn=0)


def test_each_system_event_is_used_at_most_once():
    gold_events = [gold_event("CONSULT", ["NOR"], ["SWE"]), gold_event("CONSULT", ["NOR"], ["SWE"])]
    system = {"events": [sys_event("CONSULT", ["NOR"], ["SWE"])]}
    result = score([{"text": "t", "events": gold_events}], [system])
    assert (result["events"]["tp"], result["events"]["fn"]) == (1, 1)


def test_per_type_counts():
    golds = [
        {"text": "a", "events": [gold_event("CONSULT", ["NOR"], ["SWE"]),
                                 gold_event("AGREE", ["NOR"], ["SWE"])]},
        {"text": "b", "events": [gold_event("SUPPORT", ["DNK"], ["FIN"])]},
    ]
    systems = [
        {"events": [sys_event("CONSULT", ["NOR"], ["SWE"]), sys_event("REJECT", ["SWE"], ["NOR"])]},
        {"events": [sys_event("SUPPORT", ["DNK"], ["FIN"]),
                    sys_event("consult", ["DNK"], ["FIN"])]},
    ]
    result = score(golds, systems)
    assert result["per_type"] == {
        "AGREE": {"tp": 0, "fp": 0, "fn": 1, "f1": 0.0},
        "CONSULT": {"tp": 1, "fp": 1, "fn": 0, "f1": 0.667},
        "REJECT": {"tp": 0, "fp": 1, "fn": 0, "f1": 0.0},
        "SUPPORT": {"tp": 1, "fp": 0, "fn": 0, "f1": 1.0},
    }
    assert result["events"] == counts(0.5, 0.667, 0.571, tp=2, fp=2, fn=1)


def test_people_recall_with_titles():
    gold = {"text": "t", "events": [], "people": [
        {"name": "Kari Nordmann", "title": "Minister of Foreign Affairs of Norland"},
        {"name": "Ola Hansen", "title": "Minister of Defence"},
        {"name": "Per Berg"},
        {"name": "Liv Dahl", "title": "Prime Minister"},
    ]}
    system = {"events": [], "actors": [
        # Full name and a title sharing most of its words: a hit.
        {"entity_name": "Foreign Minister Kari Nordmann", "office": "Minister of Foreign Affairs"},
        # Right name, wrong office: a miss.
        {"entity_name": "Ola Hansen", "office": "Ambassador to Sudmark"},
        # No gold title: the name alone decides.
        {"entity_name": "Per Berg", "office": None},
        # Surname only: a miss.
        {"entity_name": "Dahl", "office": "Prime Minister"},
    ]}
    assert score([gold], [system])["people_recall"] == 0.5


def test_recall_figures_are_none_without_gold_items():
    result = score([{"text": "t", "events": []}], [{"events": []}])
    assert result["people_recall"] is None
    assert result["agreements_recall"] is None
    assert result["statements_recall"] is None
    assert result["events"] == counts(0.0, 0.0, 0.0, tp=0, fp=0, fn=0)


def test_read_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    first = {"text": "a", "events": []}
    second = {"text": "b", "events": [gold_event("CONSULT", ["NOR"], ["SWE"])]}
    path.write_text(json.dumps(first) + "\n\n" + json.dumps(second) + "\n", encoding="utf-8")
    assert read_gold(path) == [first, second]


@pytest.mark.parametrize("line", ["{not json", '{"text": "no events"}', '["text", "events"]'])
def test_read_gold_rejects_malformed_lines_with_their_line_number(tmp_path, line):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "a", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=":2:"):
        read_gold(path)


# Gold and system output exercising every part of the rule, in the fields each side may use.
GOLDS = [
    {
        "id": "g1",
        "published": "2024-01-02",
        "text": "The ministers of Norland and Sudmark met in Oslo.",
        "events": [
            gold_event("CONSULT", ["NOR"], ["SWE"], symmetric=True, date="2024-01-02"),
            gold_event("AGREE", ["NOR"], ["SWE"], date=None),
            gold_event("SUPPORT", ["DNK"], ["NOR"], date="2024-01-01"),
        ],
        "agreements": [
            {"title": "Fishing Quota Agreement", "parties": ["NOR", "SWE"], "clauses": 7},
            {"title": "Border Accord", "parties": ["NOR", "SWE"], "clauses": None},
        ],
        "statements": [
            {"speaker": _e("NOR"), "claim": "the fishing talks were constructive"},
            {"speaker": _e("SWE"), "claim": "a draft text is ready"},
        ],
        "people": [
            {"name": "Kari Nordmann", "title": "Foreign Minister", "country": "NOR"},
            {"name": "Ola Hansen", "title": "Defence Minister", "country": "SWE"},
        ],
    },
    {
        "id": "g2",
        "published": None,
        "text": "Envoys met in Bergen.",
        "events": [gold_event("CONSULT", ["FIN"], ["DNK"], date="2023-05-03")],
    },
]
SYSTEMS = [
    {
        "events": [
            {"event": "CONSULT", "actor": [{"code": "SWE"}], "recipient": [{"country": "NOR"}],
             "date": "2024-01-02"},
            {"event_type": "agree", "actor": [{"country_code": "NOR"}],
             "recipient": [{"code": "SWE"}], "date": "2023-12-30"},
            {"type": ["SUPPORT"], "actor": [{"code": "DNK"}], "recipient": [{"code": "NOR"}],
             "date": "2024-01-02"},
            {"event": "CONSULT", "actor": [{"code": "NOR"}], "recipient": [{"code": "SWE"}],
             "date": None},
        ],
        "agreements": [{"title": "Agreement on Fishing Quotas", "clauses": [1, 2, 3, 4, 5, 6]}],
        "statements": [
            {"speaker": {"code": "NOR"}, "text": "The fishing talks were constructive, he said."},
            {"speaker": {"code": "NOR"}, "claim": "a draft text is ready"},
        ],
        "actors": [
            {"entity_name": "Kari Nordmann", "office": "Ambassador to Sudmark"},
            {"entity_name": "Ola Hansen", "office": "Minister of Defence"},
        ],
    },
    {
        "events": [{"event": "CONSULT", "actor": [{"code": "FIN"}], "recipient": [{"code": "DNK"}],
                    "date": "2023-05-03T00:00:00"}],
    },
]


def test_score_of_the_fixture():
    result = score(GOLDS, SYSTEMS)
    assert result["events"] == counts(0.6, 0.75, 0.667, tp=3, fp=2, fn=1)
    assert result["per_type"]["SUPPORT"] == {"tp": 0, "fp": 1, "fn": 1, "f1": 0.0}
    assert result["agreements_recall"] == 0.5
    assert result["clause_count_ok"] == 1.0
    assert result["statements_recall"] == 0.5
    assert result["people_recall"] == 0.5


@pytest.mark.skipif(not REFERENCE.is_file(), reason=f"reference scorer not found at {REFERENCE}")
def test_agrees_with_reference_scorer(tmp_path):
    gold_path, system_path = tmp_path / "gold.jsonl", tmp_path / "system.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in GOLDS), encoding="utf-8")
    system_path.write_text("".join(json.dumps(s) + "\n" for s in SYSTEMS), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold_path), str(system_path), "--json"],
        capture_output=True, text=True, check=True, timeout=60,
    )
    systems = [json.loads(line) for line in system_path.read_text(encoding="utf-8").splitlines()]
    ours = score(read_gold(gold_path), systems)
    assert json.dumps(ours, indent=1) == proc.stdout.strip()
