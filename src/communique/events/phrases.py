"""What a phrase refers to: the entities a noun phrase, a pronoun or a collective reference
names in the document ("the DPRK and Russia", "the founder of the movement", "both sides",
"protesters in Zimbabwe"), resolved through :mod:`communique.actors` and, for unnamed groups,
the place of the act. :class:`PhraseReader` holds these rules; the argument finder inherits
them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import replace
from typing import TYPE_CHECKING

from communique.actors.resolve import DocActors
from communique.events.context import CodingContext
from communique.events.lexicon import Trigger
from communique.events.places import (
    CIVILIAN_SECTORS,
    PLACE_NOUNS,
    _located_by_capital,
    _named_place,
    _place_noun_state,
    _state_in_phrase,
    act_place,
    sole_state,
    states_named,
)
from communique.events.referents import (
    _capital_modifier,
    _family_state,
    _states_joined_in_phrase,
)
from communique.events.syntax import (
    _children,
    _generic,
    _governing_subject,
    _prep_objects,
    _role,
)
from communique.events.vocabulary import (
    COLLECTIVE_NOUNS,
    GENERIC_ACTORS,
    MEMBER_NOUNS,
    PRONOUNS,
    QUANTITY_NOUNS,
)
from communique.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token


# People of a group its modifier names ("opposition leaders", "union members"), and the group
# itself ("the opposition party").
GROUP_PEOPLE = frozenset({"leader", "member", "officer", "commander", "chief", "figure", "representative",
                          "organizer", "organiser", "delegate", "party", "movement", "coalition", "alliance"})


def _titled_person(token: Token, actors: DocActors) -> Entity | None:
    """The last person named before ``token`` whose title contains the title phrase it
    heads ("the Foreign Minister" → the person whose office says "Foreign Minister")."""
    words = [c.lower_ for c in token.lefts if c.dep_ == "compound"] + [token.lower_]
    phrase = " ".join(words)
    for entity in actors.before(token.idx):
        if entity.kind == "person" and entity.end <= token.idx and entity.office and phrase in entity.office.lower():
            return entity
    return None


# Sectors of a state's own authorities, who act at home.
AUTHORITY_SECTORS = frozenset({"COP", "GOV", "JUD", "LEG"})


class PhraseReader(ABC):
    """Resolves phrases to the entities they refer to. The event coder supplies
    :meth:`_triggers` (a phrase that names an act refers to no one)."""

    @abstractmethod
    def _triggers(self, token: Token, every: bool = False, conditions: bool = True) -> tuple[Trigger, ...]:
        """The trigger readings of ``token``, which the event coder supplies (see
        :meth:`communique.events.coder.EventCoder._triggers`)."""

    def entities(self, token: Token, ctx: CodingContext, depth: int = 0) -> list[Entity]:
        """Entities that the phrase headed by ``token`` refers to (conjuncts included)."""
        out: list[Entity] = []
        own = ctx.actors.by_token.get(token.i)
        # "between the DPRK and Russian Federation" parses as DPRK(nmod) + conj under Federation.
        coordinated = [c for c in token.children if c.dep_ in {"nmod", "compound"}
                       and any(g.dep_ == "cc" for g in c.children) and ctx.actors.by_token.get(c.i) != own]
        guessed: set[int] = set()
        for t in [*coordinated, *[x for c in coordinated for x in c.conjuncts], token, *token.conjuncts]:
            for entity in self._one(t, ctx, depth):
                # "American and Philippine troops" is one phrase naming two countries' troops:
                # the same name with another country is another party.
                if all((entity.entity_name, entity.code) != (e.entity_name, e.code) for e in out):
                    if ctx.actors.is_guessed(t.i):
                        guessed.add(len(out))
                    out.append(entity)
        stated = {e.code for i, e in enumerate(out) if i not in guessed and e.code}
        if guessed and len(stated) == 1:
            # "the DPRK Embassy and the Socialist Union of Patriotic Youth": a body whose
            # country the text never states goes with the one it is named beside.
            code = next(iter(stated))
            out = [replace(e, code=code) if i in guessed else e for i, e in enumerate(out)]
        return out

    def _one(self, t: Token, ctx: CodingContext, depth: int) -> list[Entity]:
        if depth > 4:
            return []
        found = ctx.actors.at(t.i)
        if found is not None:
            if found.code is None and found.kind == "person":
                # "X, the UN relief coordinator, said": the apposition gives the country.
                for appos in _children(t, "appos"):
                    described = next((e for e in self.entities(appos, ctx, depth + 1) if e.code), None)
                    if described is not None:
                        return [replace(found, code=described.code, sector=found.sector or described.sector,
                                        organization=found.organization or (described.entity_name if described.kind == "organization" else None))]
            if found.code is None and found.kind == "organization":
                # "the ministry of foreign affairs ... of the United Arab Emirates"
                head = t
                while head.head.i != head.i and ctx.actors.by_token.get(head.head.i) == ctx.actors.by_token.get(t.i):
                    head = head.head
                code = _state_in_phrase(head, ctx.actors) or next(
                    (e.code for c in head.children if c.dep_ == "poss" and (e := ctx.actors.at(c.i)) is not None
                     and e.kind == "state" and e.code), None)  # "Peru's Congress"
                if code:
                    return [replace(found, code=code)]
            if found.kind == "state" and t.ent_type_ == "NORP" and t.tag_ in {"NNPS", "NNS"}:
                # "ethnic Hungarians in Romania", "Albanians demonstrated in Serbia": a people
                # acting in another country is a community of that country (PLOVER codes
                # ethnic groups by the state they live in), not the state of their name.
                code = _state_in_phrase(t, ctx.actors) or act_place(t.sent, ctx.actors)
                if code and code != found.code:
                    return [_generic(t, code, "CVL")]
            return [found]
        lower = t.lower_
        lemma = t.lemma_.lower()
        if lower in {"him", "her"} and t.pos_ == "PRON":
            # "lodged a protest with him": the last person named before.
            for entity in ctx.actors.before(t.idx):
                if entity.kind == "person" and entity.end <= t.idx:
                    return [entity]
            return []
        if lower == "his" and t.dep_ == "poss":
            # "Akayev said his government was ready": the last person named before it in the
            # sentence ("her", a pronoun whatever its role, is read just above)
            person = next((e for e in ctx.actors.before(t.idx) if e.kind == "person" and t.sent.start_char <= e.start), None)
            return [person] if person is not None else []
        if lower in {"its", "their"} and t.dep_ == "poss":
            # "thanked China for its assistance": the last state or body named before it
            for entity in ctx.actors.before(t.idx):
                if entity.kind in {"state", "organization"} and entity.code and t.sent.start_char <= entity.start:
                    return [entity]
        if lower in PRONOUNS and t.pos_ == "PRON":
            # "Switzerland said it had expelled ...": the subject of the clause above.
            above = _governing_subject(t)
            if above is not None and depth < 4:
                referents = self.entities(above, ctx, depth + 1)
                if referents:
                    return referents
            return list(ctx.last_subject)
        determiners = {c.lower_ for c in t.children if c.dep_ in {"det", "nummod", "predet", "amod"}}
        plural = t.tag_ in {"NNS", "NNPS"}
        if plural and determiners & {"both", "two"} and (lemma in COLLECTIVE_NOUNS | {"party", "minister", "delegation", "official"} or ctx.is_title(t)):
            # "both sides", "the two ministers": the parties of the last meeting, else the
            # two states the story is about.
            return list(ctx.last_parties) if len(ctx.last_parties) > 1 else list(ctx.pair)
        if plural and lemma in COLLECTIVE_NOUNS and "the" in determiners:
            return list(ctx.pair)
        if not plural and "the" in determiners and ctx.is_title(t) and not _prep_objects(t, "of"):
            # "the Secretary", "the Foreign Minister": the person named earlier with that title.
            person = _titled_person(t, ctx.actors)
            # "President Lula hosted the Argentine president": a title of another nationality
            # is another person.
            nationality = {e.code for c in t.children if c.dep_ in {"amod", "compound"}
                           and (e := ctx.actors.at(c.i)) is not None and e.kind == "state"}
            if person is not None and (not nationality or person.code in nationality):
                return [person]
        # "the founder of the movement", "members of the delegation", "DPRK Ambassador"
        of = _prep_objects(t, "of")
        if (lemma in QUANTITY_NOUNS or t.like_num) and (of or lemma not in GENERIC_ACTORS):
            return [e for obj in of for e in self.entities(obj, ctx, depth + 1)]
        # ("Kenyan farmers", "French paper workers": a civilian group the nationality places,
        # though "Farmer" and "Worker" are titles before a name)
        is_role = lemma in MEMBER_NOUNS or ctx.is_title(t) and not (
            t.tag_ in {"NNS", "NNPS"} and GENERIC_ACTORS.get(lemma) in CIVILIAN_SECTORS)
        if lemma == "delegation" and not of:
            # "a delegation led by / headed by X": X's side
            for led in t.children:
                if led.dep_ == "acl" and led.lemma_.lower() in {"lead", "head"}:
                    for agent in (a for c in led.children if c.dep_ == "agent" for a in _children(c, "pobj")):
                        leaders = [e for e in self.entities(agent, ctx, depth + 1) if e.code]
                        if leaders:
                            return [_role(t, e) for e in leaders]
        if is_role:
            # "a delegation from Ghana"; but "its ambassador from Baku", "the Peruvian ambassador
            # from Caracas" are their own state's, recalled from there
            owned = any(c.dep_ == "poss" or (c.dep_ in {"amod", "compound", "nmod"} and ctx.actors.at(c.i) is not None)
                        for c in t.children)
            for obj in of or ([] if owned else _prep_objects(t, "from")):
                inner = self.entities(obj, ctx, depth + 1)
                if inner:
                    return [_role(t, e) for e in inner]
        # "Hungarian and Romanian officials", "the Iranian foreign minister", "Chinese troops"
        modifiers = [m for c in t.children if c.dep_ in {"compound", "amod", "nmod", "poss"} for m in (c, *c.conjuncts)
                     if not _located_by_capital(m)]
        # "Saudi-led forces", "the US-led coalition": the state that leads them (not "Russian-
        # backed separatists", who are not Russia's own).
        modifiers += [g for c in t.children if c.dep_ == "amod" and c.lower_ == "led"
                      for g in c.children if g.dep_ in {"npadvmod", "compound", "nmod", "amod"}]
        inner = [e for m in modifiers if (e := ctx.actors.at(m.i)) is not None]
        if not inner:
            # "the two countries' officials", "its diplomats" (but "eased their blockade of X",
            # "lifted its closure of X" are not aimed at their owner)
            inner = [e for m in modifiers if m.dep_ == "poss" and not (
                m.pos_ == "PRON" and t.pos_ == "NOUN" and (self._triggers(t) or _prep_objects(t, "of")))
                     for e in self._one(m, ctx, depth + 1)]
        sector = GENERIC_ACTORS.get(lemma)
        if sector is None and lemma.endswith("worker"):
            sector = "LAB"  # "dockworkers", "steelworkers", "autoworkers"
        if sector is None and t.tag_ in {"NNP", "NNPS"} and lemma.endswith("s"):
            # "Rebels in X rejected ...": a capitalized plural the tagger takes for a name
            sector = GENERIC_ACTORS.get(lemma[:-1])
        if sector is None and (lemma in GROUP_PEOPLE or (t.pos_ == "NOUN" and not inner)):
            # "opposition leaders", "union members", "rebel commanders", "union demands": the
            # group the noun's modifier names (a group's people also by an adjective)
            deps = {"compound", "amod"} if lemma in GROUP_PEOPLE else {"compound"}
            sector = next((GENERIC_ACTORS[c.lemma_.lower()] for c in t.children
                           if c.dep_ in deps and c.pos_ in {"NOUN", "ADJ", "PROPN"} and c.lemma_.lower() in GENERIC_ACTORS), None)
        if sector is None and lemma in {"party", "coalition", "alliance"} and t.tag_ == "NN" and not t.ent_type_:
            sector = "PTY"  # "the ruling party in Hanoi", "the ruling coalition in Bucharest"
        if sector is None and t.ent_type_ == "NORP" and t.tag_ in {"NNPS", "NNS"}:
            sector = "CVL"  # "Muslims", "Kurds": a community, of the place it acts in
        if sector is not None and inner and not any(e.code for e in inner):
            # "the Biden administration": a name that gives no country; the leaders' family
            # name may ("the Assad government"), or else the place.
            code = (_state_in_phrase(t, ctx.actors) or _family_state(t, inner) or ctx.sentence_place.get(t.sent.start)
                    or ctx.actors.fallback_country or (sole_state(t.head, ctx) if t.dep_ in {"nsubj", "nsubjpass"} else None))
            if code:
                return [_generic(t, code, sector)]
        if inner:
            return [_role(t, e) if is_role else (_generic(t, e.code, sector) if sector else e) for e in inner]
        if sector is not None:
            # "protesters in Zimbabwe", "police", "a Moscow court": people of the place their
            # phrase names, or of the place where the event happens.
            several = _states_joined_in_phrase(t, ctx.actors)
            if len(several) > 1:
                return [_generic(t, code, sector) for code in several]  # "officials from Sudan and Chad"
            code = _state_in_phrase(t, ctx.actors) or _capital_modifier(t, ctx.actors) or ctx.sentence_place.get(t.sent.start) \
                or ctx.actors.fallback_country
            if code is None and t.dep_ in {"nsubj", "nsubjpass"}:
                # "Islamic militants killed 100 villagers ..., Algerian newspapers said"
                code = sole_state(t.head, ctx)
            if code is None and t.dep_ == "pobj" and t.head.dep_ == "agent" and sector in AUTHORITY_SECTORS:
                # "Shacks in the Harare township were razed by police": a state's own
                # authorities act where the one state the sentence names is
                named = states_named(t.sent, ctx)
                code = next(iter(named)) if len(named) == 1 else None
            return [_generic(t, code, sector)] if code else []
        if any(c.lower_ == "the" for c in t.children) and t.pos_ == "NOUN":
            # A definite description naming an earlier organization: "the movement", "the
            # forces" (but "the actions" names no "Action Service": a plural matches as written).
            for entity in ctx.actors.before(t.idx):
                words = entity.entity_name.lower().split()
                if entity.kind == "organization" and (lower in words or (t.tag_ == "NN" and lemma in words)):
                    return [entity]
        if t.pos_ == "PROPN" and t.ent_type_ in {"", "PERSON"} and not _children(t, "compound"):
            # 'Odinga "noted that ..."': a surname the model did not tag, of a person named before
            for entity in ctx.actors.before(t.idx):
                if entity.kind == "person" and entity.end <= t.idx and entity.entity_name.split()[-1] == t.text:
                    return [entity]
        if lemma in PLACE_NOUNS:
            # "shelled the Damascus suburb of Ghouta", "the town of Kunduz": a place in a state
            place = _named_place(t, ctx.actors) or _place_noun_state(t, ctx.actors)
            if place is not None and place.code:
                return [place]
        for appos in _children(t, "appos"):
            # "X, the head of the UN agency, said": a name the text resolves only by its
            # apposition acts as what the apposition says it is.
            what = [e for e in self.entities(appos, ctx, depth + 1) if e.code]
            if what:
                return [_role(appos, e) if e.kind != "person" else e for e in what]
        return []
