"""Trigger selection: the lexicon's readings that a word has in its sentence.

A word reads as the events the lexicon lists for its lemma (or the word as written, a British
spelling, the stem of a past the lemmatizer does not know, a hyphenated whole), kept only where
its object condition holds ("lift" sanctions, "seize" a town). Nouns the lexicon lists only as
verbs read through their verb when their "of" phrase names its object ("the exchange of
prisoners"). :class:`TriggerReader` holds this; the event coder inherits it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from communique.events.content import _infinitive_complements
from communique.events.lexicon import Trigger
from communique.events.syntax import _children, _neighbour_lemmas, _pos, _prep_objects, _slot_filled
from communique.events.vocabulary import (
    GERUND_NOUN_DEPS,
    NOT_TRIGGER_ENTITIES,
    STANCE_DEPS,
    STANCE_PEOPLE,
)
from communique.nlp import verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# "gave X ten days to withdraw or face air strikes": an ultimatum, whatever the verb of giving.
ULTIMATUM = Trigger("ultimatum", "VERB", "THREATEN", None, "139", frozenset(), ("obj", "to"))
ULTIMATUM_VERBS = frozenset({"give", "grant", "allow"})
# What the one given a deadline is told to expect otherwise ("or face", "or risk").
PENALTY_VERBS = frozenset({"face", "risk", "suffer", "bear"})


def _ultimatum(token: Token) -> bool:
    """Whether ``token`` gives someone time to do something "or face" the consequences."""
    if token.lemma_.lower() not in ULTIMATUM_VERBS or token.pos_ not in {"VERB", "AUX"}:
        return False
    return any(t.lemma_.lower() in PENALTY_VERBS and t.dep_ == "conj" and t.i > token.i
               and any(c.dep_ == "cc" and c.lower_ == "or" for c in t.head.children)
               for t in token.subtree)


class TriggerReader:
    """The trigger readings of a token, from :attr:`lexicon` (keyed by lemma and part of speech)."""

    lexicon: dict[tuple[str, str], tuple[Trigger, ...]]

    def _triggers(self, token: Token, every: bool = False, conditions: bool = True) -> tuple[Trigger, ...]:
        """The token's readings whose object condition holds: the first one, or with ``every``
        all of them in the lexicon's order of preference (``conditions=False``: whatever their
        object conditions)."""
        pos = _pos(token)
        if pos == "VERB" and _ultimatum(token):
            return (ULTIMATUM,)
        if pos is None or token.ent_type_ in NOT_TRIGGER_ENTITIES and not (pos == "VERB" and token.ent_type_ == "ORG"):
            return ()  # "in March" is a date, not a march; "the Solidarity Group" is a name
        if pos == "NOUN" and token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
            return ()  # "the ceasefire arrangement", "sanctions hygiene": a modifier, not an act
        if pos == "NOUN" and token.lemma_.lower() in STANCE_PEOPLE and token.dep_ not in STANCE_DEPS:
            # "supporters of X blocked roads", "fired at opposition supporters": people named by
            # their stance, who act or are acted on; "X is a supporter of Y" states the stance
            return ()
        if pos == "VERB" and token.tag_ == "VBG" and token.dep_ in GERUND_NOUN_DEPS and not _children(
                token, "nsubj", "dobj", "aux", "auxpass") and ((token.lower_, "NOUN") in self.lexicon or _prep_objects(token, "of")):
            # "Fighting between the army and the rebels spread", "announced the severing of
            # relations": a gerund used as a noun
            pos = "NOUN"
        found = self.lexicon.get((token.lemma_.lower(), pos)) or self.lexicon.get((token.lower_, pos)) or ()
        if not found and pos == "VERB" and token.pos_ not in {"VERB", "AUX"}:
            found = self.lexicon.get((verb_lemma(token.lower_), pos), ())  # the lemma of a mistagged verb
        if not found and pos == "VERB" and token.lower_.endswith("ed"):
            # "cordoned", "targetted", "teargassed": a past the lemmatizer does not know
            stem = token.lower_[:-2]
            found = next((f for word in (stem, stem[:-1] if stem[-1:] == stem[-2:-1] else None, stem + "e")
                          if word and (f := self.lexicon.get((word, pos)))), ())
        if not found and token.i - 2 >= token.sent.start and (token.nbor(-1).tag_ == "HYPH" or token.nbor(-1).text == "-"):
            # "sit-in", "walk-out", "co-operated": the tokenizer splits a hyphenated word; the
            # lexicon lists it whole
            first = token.nbor(-2).lower_
            found = self.lexicon.get((f"{first}-{token.lower_}", pos)) or self.lexicon.get((first + token.lower_, pos)) \
                or self.lexicon.get((first + token.lemma_.lower(), pos)) or ()
        if not found and pos == "NOUN":
            found = self._verb_as_noun(token)
        neighbours = None
        out = []
        for trig in found:
            if trig.objects and conditions:
                neighbours = neighbours if neighbours is not None else _neighbour_lemmas(token)
                # "recognized Kosovo", and in the passive "Kosovo was recognized by ..."
                # ("wanted the United Nations to mediate": the parser makes the one asked the
                # infinitive's subject)
                objects = _children(token, "dobj", "nsubjpass") + [
                    s for c in _infinitive_complements(token) for s in _children(c, "nsubj")]
                person = "@person" in trig.objects and any(c.ent_type_ == "PERSON" or c.pos_ == "PROPN" for c in objects)
                # "vowed to fight on" has no object; "fighting corruption" has the wrong one
                bare = "@intransitive" in trig.objects and not any(c.dep_ == "dobj" for c in token.children)
                # "rallied its allies against X" acts on someone; "rallied against X" is a protest
                transitive = "@transitive" in trig.objects and any(c.dep_ == "dobj" for c in token.children)
                if not (trig.objects & neighbours or person or bare or transitive):
                    continue
            out.append(trig)
        while len(out) > 1 and "!" in out[0].preps and not _slot_filled(token, out[0].preps):
            # "protested to the ambassador" complains to someone; "protested to demand ..."
            # has no one to complain to, so the next reading speaks ("!": a recipient is needed)
            out.pop(0)
        return tuple(out if every else out[:1])

    def _verb_as_noun(self, token: Token) -> tuple[Trigger, ...]:
        """A noun the lexicon lists only as a verb ("the exchange of prisoners", "the return of
        the islands") reads the verb's object-bound readings when its "of" phrase names one
        of their objects; the "of" phrase is then the verb's object."""
        patients = {o.lemma_.lower() for p in _children(token, "prep") if p.lower_ == "of" for o in _children(p, "pobj")}
        if not patients:
            return ()
        out = []
        readings = self._gerund_readings(token)
        # a gerund is the act itself ("the freeing of the hostages"), whatever its object
        gerund = bool(readings) and not self.lexicon.get((token.lemma_.lower(), "VERB"))
        for trig in readings:
            if trig.objects & patients or (gerund and not trig.objects):
                preps = tuple("of" if p == "obj" else p for p in trig.preps)
                if "with" in preps and "between" not in preps:
                    preps = (*preps, "between")  # "exchanged prisoners with", "the exchange ... between"
                out.append(replace(trig, pos="NOUN", preps=preps if "of" in preps else (*preps, "of")))
        return tuple(out)

    def _gerund_readings(self, token: Token) -> tuple[Trigger, ...]:
        """The verb readings of a noun: of its lemma ("the exchange of"), or, for a gerund the
        tagger lemmatizes as a noun ("the lifting of sanctions", "the easing of restrictions",
        "the freeing of"), of the verb it is made from."""
        found = self.lexicon.get((token.lemma_.lower(), "VERB"), ())
        lower = token.lower_
        if found or not lower.endswith("ing") or len(lower) < 6 or (token.dep_ == "pobj" and token.head.lower_ == "for"):
            return found  # "soldiers kept for the training of X": a purpose, not an act
        stem = lower[:-3]
        for verb in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
            if verb and (found := self.lexicon.get((verb, "VERB"), ())):
                return found
        return ()
