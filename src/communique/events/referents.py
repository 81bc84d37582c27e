"""Who a phrase stands for, outside the argument finder: a leaders' family name or a capital
modifying a group ("the Assad government", "a Moscow court"), several states in a group's
phrase, the frames around an attack (a campaign of, claiming responsibility), weapons as
subjects, the reporting force, the unnamed target of an act, the two states a document is about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from communique.actors.gazetteer import load_gazetteer
from communique.actors.resolve import DocActors
from communique.events.context import CodingContext
from communique.events.ontology import QUAD
from communique.events.places import _located_by_capital
from communique.events.syntax import _children, _pos, _prep_objects
from communique.events.vocabulary import GENERIC_ACTORS, QUANTITY_NOUNS, REPORTING_VERBS
from communique.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.events.arguments import ArgumentFinder


# Nouns for a leader's government that a family name may modify: "the Bush administration".
REGIME_NOUNS = frozenset({"administration", "government", "regime", "cabinet", "dynasty"})


def _family_state(token: Token, inner: list[Entity]) -> str | None:
    """Country of the listed leaders whose family name modifies a government noun ("the Clinton
    administration", "the Castro regime"), when all of them were of one country."""
    if token.lemma_.lower() not in REGIME_NOUNS:
        return None
    families = load_gazetteer().family_countries
    codes = {families.get(e.entity_name) for e in inner if e.kind == "person"}
    return codes.pop() if len(codes) == 1 else None


def _capital_modifier(token: Token, actors: DocActors) -> str | None:
    """Country of a capital or another city that modifies an unnamed group's noun: "a Moscow
    court", "Kabul police", "Geneva prosecutors"."""
    for child in token.children:
        if _located_by_capital(child):
            return load_gazetteer().countries[child.text][0]
    for child in token.children:
        place = actors.places.get(child.i) if child.dep_ in {"compound", "nmod"} else None
        if place is not None and place.code:
            return place.code
    return None


# Nouns that an act follows after "of" when they only count, frame or portion it ("a campaign
# of bombings", "a wave of arrests", "a tranche of a loan"): the act's doer is theirs.
SERIES_NOUNS = frozenset({"campaign", "wave", "series", "spate", "string", "spree", "policy", "programme", "program",
                          # parts and lots: "released a tranche of a loan", "a new round of talks"
                          "tranche", "installment", "instalment", "shipment", "consignment", "batch", "package",
                          "round"})
# "claimed responsibility for the attack", "took credit for the bombing".
CREDIT_NOUNS = frozenset({"responsibility", "credit"})
CLAIMING_VERBS = frozenset({"claim", "accept", "admit", "take", "assume", "acknowledge"})


def _states_joined_in_phrase(token: Token, actors: DocActors) -> list[str]:
    """Countries of coordinated states in a group's "from"/"of" phrase ("officials from
    Sudan and Chad"), in order, each once."""
    codes: list[str] = []
    for prep in _children(token, "prep"):
        if prep.lower_ in {"from", "of"}:
            for obj in _children(prep, "pobj"):
                for place in (obj, *obj.conjuncts):
                    entity = actors.place_at(place.i)
                    if entity is not None and entity.code and entity.code not in codes:
                        codes.append(entity.code)
    return codes


def _namesake(entity: Entity, ctx: CodingContext) -> Entity:
    """An organization with no country, given the country of the one body in the text whose
    fuller name ends with its name ("the Russian Foreign Ministry ... the Foreign Ministry")."""
    name = entity.entity_name.lower().removeprefix("the ").strip()
    if entity.code or entity.kind != "organization" or not name:
        return entity
    codes = {e.code for e in ctx.actors.entities
             if e.code and e.kind == "organization" and e.entity_name.lower().endswith(" " + name)}
    return replace(entity, code=codes.pop()) if len(codes) == 1 else entity


WEAPON_NOUNS = frozenset({"bomb", "bombing", "device", "mine", "minefield", "explosion", "blast", "rocket", "missile",
                          "shell", "shelling", "drone", "airstrike", "strike", "attack", "raid", "ambush", "fire"})


def _weapon_subject(token: Token, coder: ArgumentFinder) -> Token | None:
    """The subject of a violent verb when it is a weapon or an attack, not an actor
    ("a roadside bombing killed ...", "US Predator attacks have killed ...")."""
    # "A car bomb exploded outside the barracks, killing two officers": the participle's
    # doer is the subject of the clause it hangs on
    verbs = [token, token.head] if token.dep_ == "advcl" and token.tag_ == "VBG" else [token]
    for subject in (c for verb in verbs for c in verb.children):
        if subject.dep_ == "nsubj" and (subject.lemma_.lower() in WEAPON_NOUNS or any(
                QUAD[t.event] == 4 for t in coder._triggers(subject))):
            return subject
    return None


AUTHORITY_NOUNS = frozenset({"police", "policeman", "authority", "army", "military", "troop", "force"})


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the verb that reports a clause: "X was arrested, police said" → police."""
    candidates = [token.head] if token.dep_ == "ccomp" else []
    candidates += [c for c in token.children if c.dep_ in {"parataxis", "ccomp"}]
    for verb in candidates:
        if verb.lemma_.lower() in REPORTING_VERBS:
            subjects = _children(verb, "nsubj")
            if subjects:
                return subjects[0]
    return None


def _unnamed_target(token: Token, coder: ArgumentFinder) -> Token | None:
    """The unnamed group an act is done to, if its object is one: "killed three policemen",
    "villagers were killed in an attack"."""
    holder = token.head.head if token.dep_ == "pobj" and _pos(token) == "NOUN" else token
    # "opened fire to disperse demonstrators": the object of a purpose that is itself a
    # material conflict (not "to protect the villagers")
    purposes = [c for c in holder.children if c.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in c.children)
                and any(QUAD[t.event] == 4 for t in coder._triggers(c))]
    for obj in [*holder.children, *(o for p in purposes for o in p.children if o.dep_ == "dobj")]:
        if obj.dep_ in {"dobj", "nsubjpass"}:
            if obj.lemma_.lower() in QUANTITY_NOUNS or obj.like_num:
                obj = next(iter(_prep_objects(obj, "of")), obj)  # "dozens of villagers"
            if obj.lemma_.lower() in GENERIC_ACTORS and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
                return obj  # not "withdrew its troops": the actor's own
    return None


def bilateral_pair(actors: DocActors) -> tuple[Entity, ...]:
    """The two states a document is mostly about, for "both sides" and "the two countries"."""
    counts = Counter(e.code for e in actors.entities if e.kind == "state" and e.code)
    pair = [code for code, _ in counts.most_common(2)]
    out = []
    for code in pair:
        out.append(next(e for e in actors.entities if e.kind == "state" and e.code == code))
    return tuple(out)
