"""Protests told without a protest word: a crowd's violence (a riot), a crowd gathering while
it demands, civilians fighting at a protest, and the demand a protest is for, which is its
cause rather than a second event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.lexicon import Trigger
from communique.events.places import CIVILIAN_SECTORS, MISSION_WORDS
from communique.events.syntax import _children
from communique.events.vocabulary import GENERIC_ACTORS, REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.events.arguments import ArgumentFinder

__all__ = ["MISSION_PREPS", "OBSTRUCTING_VERBS", "PROTEST_ACT", "PROTEST_SITES", "RIOTING_CROWDS", "civilian_subject",
           "civilians_at_protest", "civilians_fight_forces", "crowd_demanding", "protest_purpose", "protesters_act"]

PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "picketer"})
PROTEST_ACT = Trigger("protesters", "VERB", "PROTEST", "demonstrate", "141", frozenset(), ("against", "outside", "at", "obj"))


# Prepositions that place a protest at a foreign mission ("rallied outside the US embassy"), and
# the sites whose owner it is against ("outside the United Nations office").
MISSION_PREPS = ("outside", "at", "near", "before", "to")
PROTEST_SITES = MISSION_WORDS | {"office", "offices", "headquarters", "compound"}
# Crowds whose violence is a riot, not an armed attack ("rioters torched cars", "angry crowds
# stormed the building"); so is a group its words call rioting ("rioting supporters of X").
RIOTING_CROWDS = PROTESTER_NOUNS | {"crowd", "mob"}
RIOTING_WORDS = frozenset({"riot", "rioting", "rioter"})
# Armed bodies a riot word names by their duty ("riot police", "riot troops"), not as rioters.
ARMED_SECTORS = frozenset({"COP", "MIL"})


# Verbs of a crowd's voice that make its gathering a protest ("crowds gathered, demanding ...").
DEMANDING_VERBS = frozenset({"demand", "call", "chant", "shout", "denounce", "condemn", "protest", "decry"})


def crowd_demanding(token: Token) -> bool:
    """Whether a crowd acts while demanding or chanting: "Large crowds gathered in X calling
    for the ouster of Y"."""
    return protesters_act(token, RIOTING_CROWDS) and any(
        c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() in DEMANDING_VERBS for c in token.children)


def _subject_verb(token: Token) -> Token:
    """The verb whose subject ``token`` shares: a verb joined by "and" to one with a subject
    ("rioters torched cars and attacked shops")."""
    if token.dep_ == "conj" and not _children(token, "nsubj", "nsubjpass") and token.head.pos_ == "VERB":
        return token.head
    return token


def _of_objects(token: Token) -> list[Token]:
    return [o for p in _children(token, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]


def _crowd_heads(subject: Token) -> list[Token]:
    """A subject and the group its "of" phrase names ("hundreds of villagers")."""
    return [subject, *_of_objects(subject)]


def protesters_act(token: Token, crowds: frozenset[str] = PROTESTER_NOUNS) -> bool:
    """Whether ``token`` is a verb whose subject is a crowd of protesters acting (not speaking,
    not acted upon); a verb joined to such a verb by "and" shares its subject."""
    if token.pos_ != "VERB" or token.lemma_.lower() in REPORTING_VERBS:
        return False
    token = _subject_verb(token)
    subjects = _children(token, "nsubj")
    if not subjects and token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ == "NOUN":
        subjects = [token.head]  # "with rioters storming the mayor's office"
    for subject in subjects:
        heads = _crowd_heads(subject)
        heads += [o2 for h in heads[1:] for o2 in _of_objects(h)]
        if crowds is RIOTING_CROWDS and any(c.dep_ in {"amod", "compound"} and c.lower_ in RIOTING_WORDS for c in subject.children) \
                and GENERIC_ACTORS.get(subject.lemma_.lower()) not in ARMED_SECTORS:
            return True  # "rioting supporters", but "riot police" are police
        return any(h.lemma_.lower() in crowds for h in heads)
    return False


def civilians_at_protest(token: Token, coder: ArgumentFinder) -> bool:
    """Whether an unnamed group of civilians acts during a protest or to protest: "miners
    clashed with police during a protest over pensions", "students occupied the campus
    to protest tuition fees"."""
    subjects = _children(token, "nsubj")
    if not subjects or GENERIC_ACTORS.get(subjects[0].lemma_.lower()) not in CIVILIAN_SECTORS:
        return False
    if any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in DEMANDING_VERBS for c in token.children):
        return True
    return any(p.lower_ in {"during", "at", "in", "amid"} and any(
        t.event == "PROTEST" for o in _children(p, "pobj") for t in coder._triggers(o, every=True))
        for p in _children(token, "prep"))

# Verbs by which a state sanctions and a crowd or party protests.
OBSTRUCTING_VERBS = frozenset({"blockade", "block", "boycott"})
# Civilians, unarmed: when they fight the forces of order, they riot.
UNARMED_SECTORS = CIVILIAN_SECTORS | {"OPP", "LEG"}
# The forces of order a crowd fights ("clashed with police", "stoned gendarmes").
ORDER_FORCES = frozenset({"police", "policeman", "policemen", "gendarme", "gendarmes", "troops", "soldier", "soldiers",
                          "force", "forces", "officer", "officers", "guard", "guards"})
# Acts of a crowd's violence that make no armed attack of it.
RIOTING_VERBS = frozenset({"clash", "stone", "pelt", "riot", "torch", "loot", "ransack", "storm"})


def civilian_subject(token: Token) -> bool:
    """Whether ``token``'s subject is an unnamed group of civilians ("villagers", "students",
    "opposition lawmakers"): a common noun whose sector is civilian."""
    return any(h.pos_ == "NOUN" and GENERIC_ACTORS.get(h.lemma_.lower()) in UNARMED_SECTORS
               for subject in _children(token, "nsubj") for h in _crowd_heads(subject))


def civilians_fight_forces(token: Token) -> bool:
    """Whether unnamed civilians fight the forces of order: "Kurdish villagers stoned
    gendarmes", "youths set up barricades and clashed with police"."""
    if not civilian_subject(_subject_verb(token)):
        return False
    targets = _children(token, "dobj") + [o for p in _children(token, "prep") if p.lower_ in {"with", "at", "on", "to"}
                                          for o in _children(p, "pobj")]
    # ("set fire to a police vehicle", "stormed a police station": what the forces own)
    words = {w.lower_ for t in targets for w in (t, *(c for c in t.children if c.dep_ in {"compound", "amod"}))}
    return token.lemma_.lower() in RIOTING_VERBS and not targets or bool(words & ORDER_FORCES)


def protest_purpose(token: Token, coder: ArgumentFinder) -> bool:
    """Whether a demand is what a protest is for: "marched to demand elections", "a strike
    demanding the minister's resignation", "protesters stormed the palace, demanding ..."."""
    if token.dep_ not in {"advcl", "xcomp", "acl"} or token.tag_ not in {"VB", "VBG"} or token.head.i == token.i:
        return False
    head = token.head
    if head.pos_ in {"NOUN", "PROPN"}:
        return head.lemma_.lower() in PROTESTER_NOUNS or any(t.event == "PROTEST" for t in coder._triggers(head, every=True))
    readings = coder._triggers(head, every=True)
    if any(t.event == "PROTEST" for t in readings) or protesters_act(head, RIOTING_CROWDS):
        return True
    if any(t.event == "ASSAULT" for t in readings) and civilians_at_protest(head, coder):
        return True  # "farmers attacked police to demand compensation": a riot (see _event)
    # "began a hunger strike to demand ...", "went on strike to demand ...": the act is the verb's object
    objects = _children(head, "dobj") + [o for p in _children(head, "prep") for o in _children(p, "pobj")]
    return any(t.event == "PROTEST" for o in objects for t in coder._triggers(o, every=True))
