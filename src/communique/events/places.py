"""Places and the parties they give: the country where a sentence's act happens ("in Minsk"),
the country of an actor the text names without one, and the recipient of an act that names none
(the state where it happens, or the actor's own compatriots)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from communique.actors.gazetteer import load_gazetteer
from communique.actors.resolve import DocActors
from communique.events.context import CodingContext
from communique.events.syntax import _children, _generic, _governing_subject, _prep_objects
from communique.events.vocabulary import GENERIC_ACTORS, PLACE_PREPS, QUANTITY_NOUNS
from communique.records import Entity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span, Token


def _located_by_capital(token: Token) -> bool:
    """Whether a capital names where the noun it modifies is, not whose it is ("the London
    embassy", "a Kabul hotel"); countries and their adjectives do name the owner ("the DPRK
    embassy")."""
    return token.dep_ in {"compound", "nmod"} and load_gazetteer().countries.get(token.text, ("", ""))[1] == "capital"


# Prepositions of a group's own phrase that place it ("leaders in the camps around Nyala",
# "a mob on the edge of Mexico City").
PHRASE_PLACE_PREPS = frozenset({"in", "from", "throughout", "across", "of", "around", "near", "at", "on", "outside", "along"})
# Modifiers that name a noun's owner or place ("Britain's 16th Brigade", "the Damascus police").
OWNER_DEPS = frozenset({"compound", "poss"})


def _modifier_places(token: Token, actors: DocActors, deps: frozenset[str]) -> Iterator[Entity]:
    """Places named by ``token``'s modifiers of the dependencies ``deps``, in order ("Bangkok's
    airport", "the Iraqi city", "police in Damascus days after")."""
    return (e for c in token.children if c.dep_ in deps and (e := actors.place_at(c.i)) is not None)


def _state_in_phrase(token: Token, actors: DocActors) -> str | None:
    """Country of a state named in a noun phrase's place modifier ("groups in Zimbabwe")."""
    frontier = [token]
    for _ in range(3):  # "the ministry of foreign affairs and cooperation of the UAE"
        nxt = []
        for node in frontier:
            for prep in node.children:
                if prep.dep_ == "prep" and prep.lower_ in PHRASE_PLACE_PREPS:
                    for obj in _children(prep, "pobj"):
                        # (or a place the parser made a modifier: "police in Damascus days after";
                        # or the owner of a unit: "paratroopers from Britain's 16th Brigade")
                        entity = actors.place_at(obj.i) or _place_noun_state(obj, actors) or next(
                            _modifier_places(obj, actors, OWNER_DEPS), None)
                        if entity is not None and entity.code:
                            return entity.code
                        nxt.extend([obj, *obj.conjuncts])
        frontier = nxt
    return None


def _placed(actor: list[Entity], sent: Span, ctx: CodingContext) -> list[Entity]:
    """Actors whose country the text never states, given the country where they act.

    "President X imposed a curfew in Algiers": a leader, a party or a rebel movement with no
    stated country is, in news of a country's own affairs, of the country where it acts
    (PLOVER codes domestic actors by their state). Foreign actors nearly always have their
    country stated, so the place is a safe guess only for those that have none.
    """
    code = act_place(sent, ctx.actors)
    if code is None:
        return actor
    return [replace(e, code=code) if e.kind in {"person", "organization", "group"} else e for e in actor]


def sole_state(act: Token, ctx: CodingContext) -> str | None:
    """The one state ``act``'s sentence names, where it names it outside the act: the
    country the story is told of ("..., the official Egyptian news agency said").

    A state named only in the act itself ("lifted sanctions on Iranian officials", "in view
    of the situation in Ukraine") is what the act is about, and says nothing of who did it.
    """
    sent = act.sent
    named = [e for e in ctx.actors.within(sent.start_char, sent.end_char) if e.kind == "state" and e.code]
    if len({e.code for e in named}) != 1:
        return None
    # (the subject of a passive is what the act is done to: "Three Nigerian soldiers were killed")
    subject = {t.idx for c in act.children if c.dep_ == "nsubj" for t in c.subtree}
    inside = {t.idx for t in act.subtree} - subject
    return named[0].code if any(e.start not in inside for e in named) else None


def _of_sole_state(actor: list[Entity], token: Token, ctx: CodingContext) -> list[Entity]:
    """People, groups and bodies the text gives no country, of the one state their sentence
    names (see :func:`sole_state`): "Interior Minister X banned all rallies, the official
    Egyptian news agency said"."""
    # (a body only when its name says what it is: "the Landless Workers' Movement", not a
    # misread dateline "Abu-Dhabi")
    if not all(e.kind in {"person", "group"} or e.kind == "organization" and e.sector for e in actor):
        return actor
    code = sole_state(token, ctx)
    return [replace(e, code=code) for e in actor] if code else actor


# Acts whose target, when the text names none, is the country where they happen: "evacuated
# settlements in X", "lifted a curfew in X", "tanks fired at targets in X".
PLACE_TARGET_TYPES = frozenset({"AID", "RETREAT", "CONCEDE", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# Verbal acts aimed at an unnamed group ("threatened protesters", "rejected the protesters'
# demands"), which is the actor's own people.
GROUP_TARGET_TYPES = frozenset({"THREATEN", "REJECT"})
# Acts done at home to one's own state when no other target is named: protesters protest to
# their government, police arrest and disperse their own citizens.
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE"})


# Sectors of unnamed groups of civilians, who address their own state's authorities.
CIVILIAN_SECTORS = frozenset({"CVL", "LAB", "EDU", "REL", "OPP", "MED", "BUS", "JRN", "REF"})
# Words that make an authority a foreign state's mission rather than one's own government.
MISSION_WORDS = frozenset({"embassy", "consulate", "mission", "ambassador", "envoy", "consul"})


def states_named(sent: Span, ctx: CodingContext) -> set[str]:
    """Countries of the states ``sent`` names."""
    return {e.code for e in ctx.actors.within(sent.start_char, sent.end_char) if e.kind == "state" and e.code}


def _compatriots(token: Token, recipient: list[Entity], sent: Span, ctx: CodingContext) -> list[Entity]:
    """The unnamed civilian group subject of ``token`` as a group of the one state its
    recipient's authorities belong to, or nothing."""
    # "the government was criticized by rights groups": the agent of a passive, too
    subjects = _children(token, "nsubj") or [o for c in _children(token, "agent") for o in _children(c, "pobj")]
    if not subjects:
        return []
    subject = subjects[0]
    if subject.pos_ == "PRON":
        subject = _governing_subject(subject) or subject  # "they are willing to ..."
    if subject.lemma_.lower() in QUANTITY_NOUNS or subject.like_num:
        subject = next(iter(_prep_objects(subject, "of")), subject)  # "a group of elders"
    sector = GENERIC_ACTORS.get(subject.lemma_.lower())
    codes = {r.code for r in recipient if r.code}
    if sector not in CIVILIAN_SECTORS or len(codes) != 1:
        return []
    if not all(r.kind == "state" or r.sector in {"GOV", "LEG", "JUD"} for r in recipient) or any(
            t.lemma_.lower() in MISSION_WORDS for t in sent):
        return []
    if states_named(sent, ctx) - codes:
        return []
    return [_generic(subject, next(iter(codes)), sector)]


# Sectors of the people an attack on a state's own officials, forces or institutions targets
# (party officials too, unlike the state side of a domestic address in events/content.py).
OFFICIAL_TARGET_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY"})


def _local_attackers(token: Token, passive: bool, recipient: list[Entity], sent: Span, ctx: CodingContext) -> list[Entity]:
    """The unnamed attackers ("gunmen", "an assailant", "a mob") of a violent act on a state's
    own leader, officials or forces, in a sentence that names no other state, as a group of
    that state: "Gunmen tried to assassinate Pakistan's former prime minister" (PLOVER codes
    attackers nobody names by the country where they strike, and that is the target's)."""
    verb = token
    for _ in range(3):  # "tried to assassinate", "attempted to kill"
        holders = [o for p in _children(verb, "agent") for o in _children(p, "pobj")] if passive and verb.i == token.i \
            else _children(verb, "nsubj")
        if holders or verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if not holders:
        return []
    subject = holders[0]
    if subject.lemma_.lower() in QUANTITY_NOUNS | {"squad", "band", "gang"} or subject.like_num:
        subject = next(iter(_prep_objects(subject, "of")), subject)  # "a squad of gunmen"
    sector = GENERIC_ACTORS.get(subject.lemma_.lower())
    codes = {r.code for r in recipient if r.code}
    if sector is None or len(codes) != 1 or any(t.lemma_.lower() in MISSION_WORDS for t in sent):
        return []
    if not all(r.kind in {"person", "organization"} and r.sector in OFFICIAL_TARGET_SECTORS or r.office and r.kind != "group"
               for r in recipient):
        return []  # "gunmen kidnapped two German tourists": foreigners are often attacked abroad
    if states_named(sent, ctx) - codes:
        return []
    return [_generic(subject, next(iter(codes)), sector)]


def _uncoded_inside(token: Token, ctx: CodingContext) -> list[Entity]:
    """The first person or organization without a country named inside the object of a
    verb trigger."""
    for obj in _children(token, "dobj"):
        for t in obj.subtree:
            entity = ctx.actors.at(t.i)
            if entity is not None and entity.kind in {"person", "organization"} and not entity.code:
                return [entity]
    return []


def _home_recipient(actor: list[Entity], recipient: list[Entity], event: str, sent: Span,
                    ctx: CodingContext, target: Token | None = None) -> list[Entity]:
    """The recipient of an act whose named recipient has no country, or that names none.

    A person, body or unnamed group the text gives no country is, like an actor, of the place
    where the act happens ("rallies in Gaza against the party's leader X"). With no recipient
    at all, a material act's target is the state where it happens ("lifted the curfew in X"),
    and a protest or a coercive act with no place and one acting country is domestic
    ("police dispersed demonstrators": the demonstrators are the police's compatriots), as is
    an unnamed group on the receiving end ("gunmen killed three policemen").
    """
    if recipient:
        placed = _placed(recipient, sent, ctx)
        if any(r.code for r in placed) or not (event in DOMESTIC_TYPES or all(r.kind == "group" for r in placed)):
            return placed
    elif event not in PLACE_TARGET_TYPES:
        codes = {a.code for a in actor if a.code}
        if event in GROUP_TARGET_TYPES and target is not None and len(codes) == 1:
            # "the Guards threatened protesters with a crackdown": an unnamed group a threat
            # names, in a sentence that places it nowhere, is of the threatening state.
            return [_generic(target, next(iter(codes)), GENERIC_ACTORS[target.lemma_.lower()])]
        return recipient
    else:
        place = _place_entity(sent, ctx.actors)
        if place is not None:
            return [place]
    codes = {a.code for a in actor if a.code}
    if len(codes) == 1 and not recipient and target is not None and event in PLACE_TARGET_TYPES:
        return [_generic(target, next(iter(codes)), GENERIC_ACTORS[target.lemma_.lower()])]
    if len(codes) != 1 or not (event in DOMESTIC_TYPES or (recipient and all(r.kind == "group" for r in recipient))):
        return recipient
    code = next(iter(codes))
    if recipient:
        return [replace(r, code=code) if r.kind in {"person", "organization", "group"} else r for r in recipient]
    home = next((e for e in ctx.actors.entities if e.kind == "state" and e.code == code), None)
    return [replace(home, sector="GOV")] if home is not None else []


def act_place(sent: Span, actors: DocActors, preps: frozenset[str] = PLACE_PREPS) -> str | None:
    """Country of the place where a sentence's act happens (see :func:`_place_entity`)."""
    entity = _place_entity(sent, actors, preps)
    return entity.code if entity is not None else None


def _place_entity(sent: Span, actors: DocActors, preps: frozenset[str] = PLACE_PREPS) -> Entity | None:
    """The state or place where a sentence's act happens: "in"/"at" a place that modifies a
    verb or one of its arguments ("curfew in Algiers", "arrested in Kabul"), not a place
    nested deeper in a phrase ("in view of the situation in Ukraine"), which is what the act
    is about."""
    for token in sent:
        prep = token.head
        if prep.lower_ == "of" and prep.head.lower_ in preps:
            prep = prep.head  # "outside of the city"
        if token.dep_ == "pobj" and (prep.lower_ in preps or token.lemma_.lower() in STREET_NOUNS and _named_place(token, actors)):
            # "in Basra", "in the Iraqi city of Basra", "in the city of Basra"; the streets of
            # a city are in it whatever the preposition ("took to the streets of Basra")
            if token.lemma_.lower() in MISSION_WORDS:
                # "outside the US embassy in Nairobi": a mission is where its host city is, not
                # in the state that owns it
                entity = next((e for o in _prep_objects(token, "in") if (e := actors.place_at(o.i)) is not None), None)
            else:
                entity = actors.place_at(token.i) or next(_modifier_places(token, actors, frozenset({"amod", "compound"})), None) \
                    or _named_place(token, actors) or _place_noun_state(token, actors)
            held = prep.head
            if entity is not None and entity.code and (
                    held.pos_ in {"VERB", "AUX"} or held.dep_ in {"dobj", "nsubj", "nsubjpass", "ROOT"}):
                return entity
    return None


# Prepositions of a route or an area, which place a sentence that has no "in"/"at" place
# ("marched through central Caracas", "blocked the highway between Lima and ...").
ROUTE_PREPS = frozenset({"through", "across", "along", "around", "outside", "near", "between", "throughout", "inside",
                         "into", "toward", "towards"})


def place_country(sent: Span, actors: DocActors, preps: frozenset[str] = PLACE_PREPS) -> str | None:
    """Country of the first place named after "in"/"at" (or ``preps``) in a sentence ("in
    Minsk" → BLR)."""
    for token in sent:
        if token.dep_ == "pobj" and token.head.lower_ in preps:
            entity = actors.place_at(token.i) or _named_place(token, actors)
            if entity is None or not entity.code:
                entity = _place_noun_state(token, actors)
            if entity is not None and entity.code:
                return entity.code
    return None


# A city's streets, where crowds act: a place whatever the preposition ("to", "through").
STREET_NOUNS = frozenset({"street", "streets"})
# Where prisoners are held, named by the state that holds them ("in Israeli jails").
PRISON_NOUNS = frozenset({"prison", "jail", "gaol"})
# Nouns that a place's name follows after "of" ("the city of Basra", "the province of Aceh").
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "port", "capital",
                         "island", "county", "governorate", "prefecture", "municipality", "area", "enclave", "territory",
                         "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "outskirts", "suburb", "suburbs", *STREET_NOUNS, *PRISON_NOUNS})


def _named_place(token: Token, actors: DocActors) -> Entity | None:
    """The place a place noun names: "city" in "the city of Basra" → Basra."""
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    for obj in _prep_objects(token, "of"):
        entity = actors.place_at(obj.i)
        if entity is not None:
            return entity
    return None


def _place_noun_state(token: Token, actors: DocActors) -> Entity | None:
    """The state a place noun's own modifier names: "in India's Chhattisgarh state", "in the
    central Mali village of Moura", "in the Kenyan capital" (a province, town or capital of
    that state, whatever the place's own name resolves to)."""
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    for child in token.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"}:
            entity = actors.place_at(child.i)
            if entity is not None and entity.code:
                return entity
    return None
