"""The sentence typer (a learned model) and the coder's back-off to it, on sentences we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.events.typer import NONE, SentenceTyper, fit, load_typer

ROOT = Path(__file__).resolve().parents[1]


def _typer(weights: dict[str, dict[str, float]], labels=("NONE", "RETREAT", "SANCTION")) -> SentenceTyper:
    """A hand-made model: a sentence with one of ``weights``' features leans to its labels."""
    index = {label: i for i, label in enumerate(labels)}
    return SentenceTyper(labels, (1.0,) + (0.0,) * (len(labels) - 1),
                         {f: tuple((index[label], w) for label, w in ws.items()) for f, ws in weights.items()})


def test_probabilities_sum_to_one_and_follow_the_weights():
    typer = _typer({"w=release": {"RETREAT": 4.0}})
    leaning = typer.probabilities(frozenset({"w=release", "w=unknown"}))
    assert sum(leaning.values()) == pytest.approx(1.0)
    assert max(leaning, key=leaning.__getitem__) == "RETREAT"
    # no known feature: the biases decide
    unknown = typer.probabilities(frozenset({"w=weather"}))
    assert max(unknown, key=unknown.__getitem__) == NONE


def test_the_model_file_round_trips():
    typer = _typer({"w=release": {"RETREAT": 4.0, "SANCTION": -0.5}, "hd=impose>tariff": {"SANCTION": 2.25}})
    again = SentenceTyper.from_tsv(typer.to_tsv())
    assert again == typer


def test_a_malformed_model_file_says_how_to_fix_it():
    with pytest.raises(ValueError, match="train_typer.py"):
        SentenceTyper.from_tsv("<bias>\tNONE\n")


def test_fit_learns_which_features_tell_the_labels_apart():
    examples = [(frozenset({"w=release", "w=prisoner", f"w=x{i}"}), "RETREAT") for i in range(6)]
    examples += [(frozenset({"w=tariff", "w=impose", f"w=y{i}"}), "SANCTION") for i in range(6)]
    examples += [(frozenset({"w=museum", f"w=z{i}"}), NONE) for i in range(6)]
    typer = fit(examples, steps=100)
    assert set(typer.labels) == {"RETREAT", "SANCTION", NONE}
    for feats, label in [({"w=prisoner"}, "RETREAT"), ({"w=impose"}, "SANCTION"), ({"w=museum"}, NONE)]:
        p = typer.probabilities(frozenset(feats))
        assert max(p, key=p.__getitem__) == label
    # features seen once are not in the model
    assert "w=x0" not in typer.weights


def test_fit_needs_two_labels():
    with pytest.raises(ValueError, match="two labels"):
        fit([(frozenset({"w=a"}), NONE), (frozenset({"w=a"}), NONE)])


def test_the_shipped_model_was_trained_on_the_current_sentences():
    """Changing the training files without retraining (python scripts/train_typer.py) fails here."""
    probes = [p for p in (ROOT / "bench/probes").glob("*.jsonl") if p.name not in {"h_mixed.jsonl", "m_mixed.jsonl"}]
    nones = list((ROOT / "bench/typer").glob("none_*.jsonl"))
    count = sum(1 for path in [*probes, *nones] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    header = (ROOT / "src/communique/data/sentence_typer.tsv").read_text(encoding="utf-8").splitlines()[1]
    assert f"on {count} sentences" in header
    for path in nones:  # every NONE sentence is labelled so
        assert {json.loads(line)["event"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()} == {NONE}


@pytest.mark.slow
def test_the_shipped_model_reads_events_and_their_absence():
    from communique.nlp import load_model

    nlp, typer = load_model(), load_typer()

    def top(text: str) -> str:
        p = typer.probabilities(nlp(text)[:])
        return max(p, key=p.__getitem__)

    assert top("Chile's foreign minister held a telephone conversation with his Peruvian counterpart on Monday.") == "CONSULT"
    assert top("The Philippines lodged a complaint with China over the water cannon incident near the shoal.") == "ACCUSE"
    assert top("The aid budget of Norway rose by four percent last year, officials said.") == NONE


@pytest.mark.slow
def test_the_back_off_codes_a_sentence_the_rules_leave_empty(monkeypatch):
    """"released the documents": the lexicon's release needs captives as its object, so the rules
    code nothing; a typer that reads the sentence as a release lets the trigger through, with
    the subject as actor and a confidence below the rules'."""
    from communique import pipeline
    from communique.events import EventCoder

    def events(coder: EventCoder):
        monkeypatch.setattr(pipeline, "_coder", lambda: coder)
        return pipeline.code("Colombia released the documents to Venezuela on Friday.").events

    assert events(EventCoder()) == ()
    (event,) = events(EventCoder(typer=_typer({"w=release": {"RETREAT": 4.0}})))
    assert (event.event, event.trigger) == ("RETREAT", "released")
    assert [a.code for a in event.actor] == ["COL"]
    assert event.confidence <= 0.3
    # a typer that reads no event, or another type than any trigger word can have, codes nothing
    assert events(EventCoder(typer=_typer({}))) == ()
    assert events(EventCoder(typer=_typer({"w=release": {"SANCTION": 4.0}}))) == ()


@pytest.mark.slow
def test_sentences_without_an_event_stay_empty_with_the_shipped_typer(monkeypatch):
    from communique import pipeline
    from communique.events import EventCoder

    monkeypatch.setattr(pipeline, "_coder", lambda: EventCoder(back_off=True))
    for text in ("Two decommissioned attack helicopters stand outside the air force museum in Lagos.",
                 "The aid budget of Norway rose by four percent last year, officials said."):
        assert pipeline.code(text).events == ()


def test_the_back_off_is_off_unless_asked_for(monkeypatch):
    from communique import pipeline

    monkeypatch.delenv("COMMUNIQUE_BACK_OFF", raising=False)
    pipeline._coder.cache_clear()
    try:
        assert pipeline._coder().typer is None
        monkeypatch.setenv("COMMUNIQUE_BACK_OFF", "1")
        pipeline._coder.cache_clear()
        assert pipeline._coder().typer is not None
    finally:
        pipeline._coder.cache_clear()


@pytest.mark.slow
def test_the_back_off_keeps_the_rules_checks(monkeypatch):
    """The back-off lifts only a trigger's object condition: a call with no one called on, or
    "declined to comment", stays no event however sure the typer is."""
    from communique import pipeline
    from communique.events import EventCoder

    sure = _typer({"w=call": {"REQUEST": 9.0}, "w=decline": {"REJECT": 9.0}}, labels=("NONE", "REQUEST", "REJECT"))
    monkeypatch.setattr(pipeline, "_coder", lambda: EventCoder(typer=sure))
    assert pipeline.code("Chile and Peru called for regional stability.").events == ()
    assert pipeline.code("The Bolivian foreign ministry declined to comment on the report.").events == ()
