"""Reading the parse around a reporting verb: who speaks, and where a claim's words end.

Helpers of :mod:`communique.statements.extract`; they take spaCy tokens and return tokens or
character offsets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique.statements.verbs import INTENT_HEADS, UNREAL_AUX

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.actors.resolve import DocActors

_EDGE_WORDS = frozenset({"that", "but", "and"})
_TRIM = " \t\n,;:\"'“”‘’«»„-—–"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding punctuation, quotation marks and a leading "that"."""
    while True:
        before = (start, end)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        m = re.match(r"(\w+)[\s,]", text[start:end])
        if m and m.group(1).lower() in _EDGE_WORDS:
            start += m.end()
        # A final full stop, but not the one of an abbreviation ("the U.S.").
        if (
            end - start > 1
            and text[end - 1] == "."
            and not re.search(r"(?:^|[\s.])[A-Z]\.$", text[start:end])
        ):
            end -= 1
        if (start, end) == before:
            return start, end


def is_unreal(verb: Token) -> bool:
    """Negated, future, conditional or merely intended speech is not a statement."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in UNREAL_AUX:
            return True
        if (
            child.dep_ == "aux"
            and child.lower_ == "to"
            and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in INTENT_HEADS
        ):
            return True
    return verb.dep_ in {"amod", "compound", "nmod"}


def is_time(token: Token) -> bool:
    """A time phrase on the verb ("on Friday", "Thursday"): when it was said, not what."""
    if token.dep_ in {"npadvmod", "advmod"}:
        return token.ent_type_ in {"DATE", "TIME"}
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)
    return False


def speaker_token(verb: Token, actors: DocActors | None = None) -> Token | None:
    """The phrase that names who speaks: the subject, a passive agent, or the noun a
    participle modifies ("rebels claiming …"); with ``actors``, also a name right after a
    verb that the parser gave no subject ("…,” said Per Olsen)."""
    found = _grammatical_speaker(verb)
    if found is not None or actors is None:
        return found
    # The name may start one token late when the parser misread a first name ("said Per Olsen").
    for after in verb.doc[verb.i + 1 : verb.i + 3]:
        index = actors.by_token.get(after.i)
        if index is not None and actors.entities[index].kind in {"person", "organization"}:
            last = after
            while last.i + 1 < len(verb.doc) and actors.by_token.get(last.i + 1) == index:
                last = verb.doc[last.i + 1]
            return last
        if not after.text[:1].isupper():
            break
    return None


def _grammatical_speaker(verb: Token) -> Token | None:
    node = verb
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects:
            # A misparse may give two subjects; the one next to the verb is the speaker.
            before = [c for c in subjects if c.i < node.i]
            return before[-1] if before else subjects[0]
        if any(c.dep_ == "auxpass" for c in node.children):
            passive = [c for c in node.children if c.dep_ == "nsubjpass"]
            if passive and node.lemma_.lower() == "quote":
                return passive[0]  # "X was quoted (by an agency) as saying"
            for prep in (c for c in node.children if c.dep_ == "agent"):
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
            return None
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ == "VBG"):
            # "the ministry, which said …", "rebels claiming …" (not "diplomats declared …")
            return node.head if node.head.pos_ in {"NOUN", "PROPN", "PRON"} else None
        if node.dep_ == "pcomp" and node.head.head.i != node.head.i:
            node = node.head.head  # "quoted as saying"
            quoted = [c for c in node.children if c.dep_ == "dobj"]
            if node.lemma_.lower() == "quote" and quoted:
                return quoted[0]  # "the agency quoted X as saying"
            continue
        if node.dep_ in {"advcl", "conj", "xcomp"} and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def phrase_span(token: Token | None) -> tuple[int, int]:
    if token is None:
        return (0, 0)
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
