"""Helpers over the dependency parse shared by the event coder's modules: a token's part of
speech as a trigger, its children by dependency, the objects of a preposition, passives,
subjects, and the entity that a phrase's own words make ("protesters", "the ministry's officials")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.vocabulary import PARTICLE_DEPS, STATE_MEASURE_WORDS
from communique.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _pos(token: Token) -> str | None:
    if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
        return "VERB"
    if token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children):
        return "VERB"  # "Thousands of Kenyans rally against ...": a verb the tagger took for a noun
    if token.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in token.children):
        return "VERB"  # "Copenhagen froze development aid": an adjective has no object
    if token.pos_ == "NOUN" and token.lower_.endswith("ing") and any(c.dep_ == "ccomp" for c in token.children):
        return "VERB"  # "a crowd demanding that X concede": a noun has no clause of its own
    if token.pos_ in {"NOUN", "PROPN"}:
        return "NOUN"
    return None


# Children that are another clause, not an argument: the words below them are not the
# trigger's objects ("confirmed their respect ... and support each other's efforts").
OTHER_CLAUSE_DEPS = frozenset({"conj", "cc", "punct", "parataxis", "mark"})


def _neighbour_lemmas(token: Token) -> set[str]:
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in OTHER_CLAUSE_DEPS:
            continue
        # the lemma and the word as written: a row listing only "talks" or "relations" also
        # holds for the plural the tagger lemmatizes to "talk"
        words.update((child.lemma_.lower(), child.lower_))
        if child.dep_ in PARTICLE_DEPS or (child.dep_ == "prep" and not any(g.dep_ == "pobj" for g in child.children)):
            # "gave in", "pulled out of": a particle, written "~in" in the lexicon, unlike the
            # preposition of "gave $5 million in aid"
            words.add("~" + child.lower_)
        elif child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            words.add("~to")  # "declined to meet", unlike "exports declined to $5 billion"
        for grandchild in child.children:
            words.update((grandchild.lemma_.lower(), grandchild.lower_))
            if grandchild.dep_ == "prep" and (grandchild.lower_ in {"of", "on"} or grandchild.lower_ == "in" and _amount(child)):
                # "provided tons of food aid", "captured part of a stronghold", "provided 50
                # million euros in assistance", "imposed restrictions on the press"
                words.update(w for o in grandchild.children if o.dep_ == "pobj" for w in (o.lemma_.lower(), o.lower_))
    if token.dep_ in {"acl", "relcl"}:
        words.add(token.head.lemma_.lower())
    if token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"}:
        # "staged a strike", "a strike was called": "^stage" in the lexicon is the verb a noun is the object of
        words.update(("^" + token.head.lemma_.lower(), "^" + token.head.lower_))
    return words


def _amount(token: Token) -> bool:
    """Whether ``token`` heads a sum ("50 million euros", "$5 billion")."""
    return token.like_num or any(c.dep_ in {"nummod", "quantmod"} or c.like_num for c in token.children)


def _slot_filled(token: Token, preps: tuple[str, ...]) -> bool:
    """Whether one of a trigger's recipient slots has a word in it: a direct object ("obj") or
    a preposition with its object."""
    for child in token.children:
        if child.dep_ == "dobj" and "obj" in preps:
            return True
        if child.dep_ == "prep" and child.lower_ in preps and any(
                g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"} for g in child.children):
            return True  # not "called up reservists on Sunday": a date is no one to call on
        if child.dep_ == "dobj" and any(p.dep_ == "prep" and p.lower_ in preps and any(
                o.ent_type_ not in {"DATE", "TIME"} for o in _children(p, "pobj")) for p in child.children):
            # "rallied its allies against X": the parser often hangs the verb's phrase on its object
            return True
    return False


def _state_measure(token: Token) -> bool:
    """Whether what a passive verb imposes is a measure only a state takes: a curfew, a state
    of emergency, martial law."""
    return any(t.lemma_.lower() in STATE_MEASURE_WORDS for s in _children(token, "nsubjpass") for t in s.subtree)


def _subject_word(token: Token) -> str | None:
    """The lower-cased subject word of a verb trigger (of the verb a noun trigger hangs on)."""
    verb = token.head if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"dobj", "pobj"} else token
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0].lower_
        if verb.dep_ not in {"xcomp", "conj", "prep", "pcomp"} or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _governing_subject(pronoun: Token) -> Token | None:
    """For a pronoun subject in a reported clause, the subject of the reporting clause:
    "Syria says it is willing" → Syria."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    node = pronoun.head
    for _ in range(6):
        if node.dep_ not in {"ccomp", "xcomp", "conj", "advcl", "pcomp", "prep"} or node.head.i == node.i:
            return None
        node = node.head
        # "X was quoted as saying he would ...": the speaker is the passive's subject
        deps = {"nsubj", "nsubjpass"} if node.lemma_.lower() in QUOTED_VERBS else {"nsubj"}
        subjects = [c for c in node.children if c.dep_ in deps and c.i < pronoun.i and c.pos_ != "PRON"]
        if subjects:
            return subjects[0]
    return None


# Passive verbs whose subject is the one who speaks ("was quoted as saying", "was cited as").
QUOTED_VERBS = frozenset({"quote", "cite"})


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children) or token.dep_ == "acl" and token.tag_ == "VBN"


def _nominal(subject: Token) -> Token:
    """The noun a verb-headed subject stands for: "The agency operating in X said ..." is
    parsed with "operating" as the subject and "agency" as its own subject."""
    if subject.pos_ == "VERB" and subject.tag_ in {"VBG", "VBN"}:
        inner = [c for c in subject.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < subject.i]
        if inner:
            return inner[0]
    if subject.lower_.endswith("ing") and subject.pos_ == "NOUN":
        # "NATO ambassadors meeting in Brussels demanded ...": the people, parsed as a compound
        people = [c for c in subject.children if c.dep_ == "compound" and c.tag_ in {"NNS", "NNPS"}]
        if people:
            return people[-1]
    return subject


def _stray_agent(token: Token) -> list[Token]:
    """The agent of a passive that the parser hung on the verb above it: "X has been accused
    of misusing funds, much of it believed embezzled, by officials" (a by-phrase after the
    passive, on an active verb, which cannot have an agent of its own)."""
    head = token.head
    if token.dep_ not in {"ccomp", "conj", "advcl"} or head.i == token.i or _is_passive(head):
        return []
    return [o for c in head.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" and c.i > token.i
            for o in _children(c, "pobj")]


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


# The first word of a two-word preposition ("out of", "away from", "back to"), which the
# parser hangs on the verb with the real preposition below it.
COMPOUND_PREP_HEADS = frozenset({"out", "away", "back"})


def _prep_objects(token: Token, prep: str) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
            out.extend(_children(child, "pobj", "pcomp"))
        elif child.lower_ in COMPOUND_PREP_HEADS and child.dep_ in {"prep", "prt", "advmod"} and not _children(child, "pobj"):
            # "pulled its troops out of Niger"
            out.extend(o for p in _children(child, "prep") if p.lower_ == prep for o in _children(p, "pobj", "pcomp"))
    return out


def _own_phrase(token: Token) -> Span:
    """The phrase ``token`` heads, without the phrases coordinated with it: "Government
    negotiators" of "Government negotiators and Zapatista rebels"."""
    end = token.right_edge.i
    for child in token.children:
        if child.dep_ in {"cc", "conj"} and child.i > token.i:
            end = min(end, child.left_edge.i - 1)
    while end > token.i and token.doc[end].is_punct:
        end -= 1
    return token.doc[token.left_edge.i : end + 1]


def _generic(token: Token, code: str | None, sector: str | None) -> Entity:
    """An unnamed group ("protesters in Zimbabwe") as the whole phrase ``token`` heads."""
    phrase = _own_phrase(token)
    return Entity(entity_text=phrase.text, entity_name=phrase.text, kind="group", code=code, sector=sector,
                  start=phrase.start_char, end=phrase.end_char)


def _unnamed(name: str, code: str | None, sector: str | None, token: Token) -> list[Entity]:
    """A group the text leaves unnamed ("authorities", "protesters"), at the act's word
    ``token``; none without a country."""
    if not code:
        return []
    return [Entity(entity_text=name, entity_name=name, kind="group", code=code, sector=sector,
                   start=token.idx, end=token.idx + len(token))]


def _role(token: Token, entity: Entity) -> Entity:
    """``entity`` as named by the role phrase ``token`` heads ("members of the delegation")."""
    phrase = _own_phrase(token)
    return Entity(
        entity_text=phrase.text, entity_name=entity.entity_name, kind=entity.kind,
        code=entity.code, sector=entity.sector, office=token.text if entity.kind != "person" else entity.office,
        organization=entity.entity_name if entity.kind == "organization" else entity.organization,
        start=phrase.start_char, end=phrase.end_char,
    )
