"""Memory stays flat over many documents: the strings a batch adds to spaCy's shared vocabulary
are forgotten once it is coded (spaCy memory zones), and the records keep their text."""

from __future__ import annotations

import pytest

from communique import pipeline
from communique.records import CodedDocument, RawDocument

STORY = ("OSLO, May 3 (Nordic Wire) -- Foreign Minister {name} of Norway met the Swedish foreign "
         "minister in Oslo on Tuesday and signed an agreement on fisheries.")
# Invented surnames: no model or earlier test has seen them.
NAMES = ["Quennimark Zorblatov", "Vessiru Panthaldor", "Oskelmo Brimvaddet", "Tarquelin Nossevik"]


def _raw(name: str) -> RawDocument:
    return RawDocument(source=name, text=STORY.format(name=name), published="2024-05-03")


def _names(result: CodedDocument) -> str:
    return " ".join(entity.entity_name or "" for entity in result.actors)


@pytest.mark.slow
def test_new_words_leave_no_strings_behind_and_the_records_keep_them():
    nlp = pipeline.load_model()
    list(pipeline.process([_raw("Jonas Gahr")]))  # warm up the lazy parts
    before = len(nlp.vocab.strings)
    results = list(pipeline.process([_raw(name) for name in NAMES[:2]]))
    assert len(nlp.vocab.strings) == before
    assert "Zorblatov" not in nlp.vocab.strings
    for name, result in zip(NAMES, results):
        assert isinstance(result, CodedDocument) and name.split()[1] in _names(result)
        assert result.events and name.split()[1] in result.to_dict()["events"][0]["event_text"]


@pytest.mark.slow
def test_interleaved_calls_and_a_callers_zone():
    nlp = pipeline.load_model()
    list(pipeline.process([_raw("Jonas Gahr")]))
    before = len(nlp.vocab.strings)
    # Two process() calls, each stopped between its results while the other codes: the one that
    # finds the other's zone open codes its batch at once, before that zone can end.
    one = pipeline.process([_raw(name) for name in NAMES[:2]], batch_size=1)
    two = pipeline.process([_raw(name) for name in NAMES[2:]], batch_size=1)
    order = [next(one), next(two), next(one), next(two)]
    assert next(one, None) is None and next(two, None) is None
    for name, result in zip([NAMES[0], NAMES[2], NAMES[1], NAMES[3]], order):
        assert name.split()[1] in _names(result)
    between = pipeline.code(STORY.format(name=NAMES[0]), published="2024-05-03")
    assert NAMES[0].split()[1] in _names(between)
    with nlp.memory_zone():  # a caller's zone: process() opens none inside it
        inside = pipeline.code(STORY.format(name=NAMES[3]), published="2024-05-03")
        assert "Nossevik" in nlp.vocab.strings
    assert NAMES[3].split()[1] in _names(inside)
    assert len(nlp.vocab.strings) == before
