"""The trigger lexicon and the context words: data files of the package, read once.

``data/event_lexicon.tsv`` maps a word's lemma to the PLOVER event it may report (with its
mode, CAMEO code, the objects it needs and the prepositions of its recipient);
``data/contexts.tsv`` maps words to PLOVER contexts.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from communique.events.ontology import cameo_table

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Trigger", "contexts", "load_contexts", "load_lexicon", "load_object_classes"]


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    event: str
    mode: str | None
    cameo: str | None
    objects: frozenset[str]
    preps: tuple[str, ...]


@lru_cache(maxsize=1)
def load_object_classes() -> dict[str, frozenset[str]]:
    """Object classes (``data/object_classes.tsv``): "@captives" → its words."""
    text = resources.files("communique.data").joinpath("object_classes.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name.strip(): frozenset(words.lower().split()) for name, words in rows}


def _objects(cell: str) -> frozenset[str]:
    """A row's objects, its classes spelt out ("@captives" → prisoner, prisoners, ...)."""
    classes = load_object_classes()
    words: set[str] = set()
    for word in cell.lower().split():
        words.update(classes.get(word, (word,)))
    return frozenset(words)


@lru_cache(maxsize=1)
def load_lexicon() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Trigger lexicon keyed by (lemma, "VERB" | "NOUN")."""
    text = resources.files("communique.data").joinpath("event_lexicon.tsv").read_text(encoding="utf-8")
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        row = [*row, "", "", ""][:7]
        lemma, pos, event, mode, cameo, objects, preps = (cell.strip() for cell in row)
        trigger = Trigger(lemma, pos, event, mode or None, cameo or None,
                          _objects(objects), tuple(preps.split()))
        table.setdefault((lemma, pos), []).append(trigger)
    for (lemma, pos), triggers in list(table.items()):
        for variant in _other_spellings(lemma):
            table.setdefault((variant, pos), [replace(t, lemma=variant) for t in triggers])
    # A reading restricted to certain objects ("seize a town") is tried before the general one.
    return {key: tuple(sorted(value, key=lambda t: not t.objects)) for key, value in table.items()}


# Words whose British and American spellings differ other than by -ise/-ize.
_SPELLING_PAIRS = (("maneuver", "manoeuvre"), ("defense", "defence"), ("offense", "offence"), ("program", "programme"))


def _other_spellings(lemma: str) -> set[str]:
    """The lemma as the other side of the Atlantic spells it: "mobilization" and
    "mobilisation", "criticize" and "criticise", "maneuver" and "manoeuvre"."""
    out = set()
    for american, british in (("ization", "isation"), ("ize", "ise"), ("yze", "yse"), *_SPELLING_PAIRS):
        if lemma.endswith(american):
            out.add(lemma[: -len(american)] + british)
        elif lemma.endswith(british):
            out.add(lemma[: -len(british)] + american)
    return out - {lemma}


@lru_cache(maxsize=1)
def load_contexts() -> dict[str, str]:
    """Context words (``data/contexts.tsv``): lemma → PLOVER context."""
    text = resources.files("communique.data").joinpath("contexts.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {lemma.strip(): context.strip() for lemma, context in rows}


def contexts(token: Token, cameo: str | None) -> tuple[str, ...]:
    """PLOVER contexts of an event: its CAMEO code's, and those its clause's words name
    ("nuclear" → cbrn, "trade" → economic)."""
    words = load_contexts()
    found: list[str] = []
    mapped = cameo_table().get(cameo or "")
    if mapped is not None and mapped.context:
        found.append(mapped.context)
    clause = token.head if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"dobj", "pobj", "nsubjpass"} else token
    for t in clause.subtree:
        context = words.get(t.lemma_.lower()) or words.get(t.lower_)
        if context and context not in found:
            found.append(context)
    return tuple(found)
