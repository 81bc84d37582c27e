"""Events said rather than named: acts a sentence reports through what someone says.

"X said that Y must do Z" is a demand (REQUEST); a warning that hostile acts will be answered is
a threat (THREATEN); calling someone's act a crime or a provocation accuses them (ACCUSE); saying
that a party pursues illegitimate acts charges it (ACCUSE). :class:`SpeechActs` holds these
patterns; :class:`communique.events.coder.EventCoder` inherits them and builds their events.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING

from communique.events.arguments import ArgumentFinder
from communique.events.context import CodingContext
from communique.events.lexicon import Trigger
from communique.events.modality import Modality, modality_of
from communique.events.referents import _namesake
from communique.events.syntax import _children, _is_passive, _pos, _prep_objects
from communique.events.vocabulary import (
    CHARGED_ACTS,
    DISMISSIVE_WORDS,
    HOSTILE_ACT_NOUNS,
    NECESSITY_WORDS,
    OBLIGATION_AUX,
    READY_WORDS,
    REPORTING_VERBS,
    RESPONSE_HEADS,
    RESPONSE_NOUNS,
    WARNING_AUX,
)
from communique.records import Entity, Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class SpeechActs(ArgumentFinder):
    """The patterns of acts done by saying; the event coder supplies trigger readings and
    builds the events."""

    @abstractmethod
    def _build(self, token: Token, trig: Trigger, sent: Span, index: int, ctx: CodingContext, actor: list[Entity],
               recipient: list[Entity], stated: bool, joint: bool, modality: Modality) -> Event:
        """An event of ``trig`` at ``token`` (see :meth:`communique.events.coder.EventCoder._build`)."""

    def _obligation(self, token: Token, sent: Span, index: int, ctx: CodingContext) -> Event | None:
        """"X said that Y must/should do Z" is a demand by X on Y (REQUEST)."""
        if token.dep_ != "ccomp" or token.head.lemma_.lower() not in REPORTING_VERBS | {"insist", "demand"}:
            return None
        if any(c.dep_ == "neg" for c in token.children):
            return None
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in token.children):
            obliged = _children(token, "nsubj", "nsubjpass")  # "Y must do Z"
        elif token.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in NECESSITY_WORDS for c in token.children):
            # "it was critical for Y to do Z"
            obliged = [o for t in token.subtree if t.lower_ == "for"
                       for o in (t.children if t.dep_ == "prep" else t.head.children if t.dep_ == "mark" else ())
                       if o.dep_ in {"pobj", "nsubj"}][:1]
        else:
            return None
        if not obliged:
            return None
        recipient = [e for e in self.entities(obliged[0], ctx) if e.code]
        actor, stated = self._subject(token.head, ctx)
        if not recipient or not actor:
            return None
        trig = Trigger(token.head.lemma_.lower(), "VERB", "REQUEST", None, "100", frozenset(), ())
        return self._build(token.head, trig, sent, index, ctx, actor, recipient, stated, joint=False, modality=Modality())

    def _warned_response(self, token: Token, sent: Span, index: int, ctx: CodingContext) -> Event | None:
        """A warning that hostile acts will be answered is a threat (THREATEN) to whoever would
        act: "any hostile steps by X will receive a firm response", "... will be met with a
        resolute response", "Y is ready to respond to further hostile actions". The speaker
        threatens; the doer of the hostile acts, else the addressee of the warning, else the
        other state the text is about, is threatened."""
        lemma = token.lemma_.lower()
        if lemma in RESPONSE_NOUNS and _pos(token) == "NOUN":
            verb = token.head
            if token.dep_ == "pobj" and verb.lower_ == "with":
                verb = verb.head
            if token.dep_ not in {"dobj", "pobj"} or verb.lemma_.lower() not in RESPONSE_HEADS:
                return None
            if not any(c.dep_ == "aux" and c.lower_ in WARNING_AUX for c in verb.children) or _children(verb, "neg"):
                return None
            acts = [s for s in _children(verb, "nsubj", "nsubjpass") if s.lemma_.lower() in HOSTILE_ACT_NOUNS]
            if not acts:
                return None
            actor: list[Entity] = []
            stated = False
            node, addressees = verb, []
            for _ in range(4):
                if node.dep_ not in {"ccomp", "parataxis"} or node.head.i == node.i:
                    break
                node = node.head
                if node.lemma_.lower() in REPORTING_VERBS | {"warn"}:
                    if _is_passive(node):
                        addressees += _children(node, "nsubjpass")  # "X has been told that ..."
                        continue
                    actor, stated = self._subject(node, ctx)
                    addressees += _children(node, "dobj")  # "warned X that ..."
                    break
        elif lemma in {"respond", "react"} and _pos(token) == "VERB":
            ready = token.dep_ == "xcomp" and token.head.lemma_.lower() in READY_WORDS
            if not (ready or any(c.dep_ == "aux" and c.lower_ in WARNING_AUX for c in token.children)) or _children(token, "neg"):
                return None
            acts = [o for o in _prep_objects(token, "to") if o.lemma_.lower() in HOSTILE_ACT_NOUNS]
            if not acts:
                return None
            actor, stated = self._subject(token, ctx)
            if not actor and ready:
                actor, stated = self._subject(token.head.head, ctx)
            addressees = []
        else:
            return None
        if actor and not any(a.code for a in actor):
            # "the Russian Foreign Ministry ... the Foreign Ministry said": the body named before
            actor = [_namesake(a, ctx) for a in actor]
        actor = [a for a in actor if a.code]
        if not actor:
            return None
        codes = {a.code for a in actor}
        recipient = [e for act in acts for child in act.children
                     if child.dep_ in {"poss", "amod", "compound"} or (child.dep_ == "prep" and child.lower_ in {"of", "by", "from"})
                     for e in (self.entities(child, ctx) if child.dep_ != "prep" else
                               [e for o in _children(child, "pobj") for e in self.entities(o, ctx)])
                     if e.code and e.code not in codes]
        recipient = recipient or [e for a in addressees for e in self.entities(a, ctx) if e.code and e.code not in codes]
        if not recipient and len(ctx.pair) == 2 and codes & {e.code for e in ctx.pair}:
            recipient = [e for e in ctx.pair if e.code not in codes]
        if not recipient:
            return None
        trig = Trigger(lemma, _pos(token) or "NOUN", "THREATEN", None, "130", frozenset(), ())
        return self._build(token, trig, sent, index, ctx, actor, recipient, stated, joint=False, modality=Modality())

    def _dismissal(self, token: Token, sent: Span, index: int, ctx: CodingContext) -> Event | None:
        """Calling someone's act groundless, illegal or provocative is an accusation (ACCUSE)
        aimed at whoever the act's phrase names: "called the Freedonian claims baseless",
        "described the measures of X as illegal", "rejected X's decision, calling it
        groundless" (the pronoun stands for the object of the verb it hangs on)."""
        verdicts = [c for c in token.children if c.dep_ in {"oprd", "acomp", "xcomp"}]
        verdicts += [g for c in _children(token, "prep") if c.lower_ == "as" for g in c.children if g.dep_ in {"amod", "pobj", "acomp"}]
        if not any(v.lemma_.lower() in DISMISSIVE_WORDS or v.lower_ in DISMISSIVE_WORDS for v in verdicts) or _children(token, "neg"):
            return None
        objects = _children(token, "dobj")
        if objects and objects[0].pos_ == "PRON" and token.dep_ in {"advcl", "conj", "xcomp"}:
            objects = _children(token.head, "dobj")
        if not objects or objects[0].pos_ == "PRON":
            return None
        actor, stated = self._subject(token, ctx)
        if actor and not any(a.code for a in actor):
            actor = [_namesake(a, ctx) for a in actor]
        actor = [a for a in actor if a.code]
        codes = {a.code for a in actor}
        recipient = [e for e in self._inside(objects[0], ctx) if e.code and e.code not in codes]
        if not actor or not recipient:
            return None
        trig = Trigger(token.lemma_.lower(), "VERB", "ACCUSE", None, "111", frozenset(), ())
        return self._build(token, trig, sent, index, ctx, actor, recipient, stated, joint=False, modality=modality_of(token))

    def _charged_statement(self, token: Token, sent: Span, index: int, ctx: CodingContext) -> Event | None:
        """A speaker saying that a party pursues illegitimate, hostile or illegal acts accuses it
        (ACCUSE): "Freedonia said the Sylvanian side continues its hostile policy", "'X takes
        illegal measures against our citizens,' the ministry said"."""
        head = token.head
        if token.dep_ != "ccomp" or head.lemma_.lower() not in REPORTING_VERBS or _children(head, "neg") \
                or _children(token, "neg") or self._triggers(token):
            return None
        objects = _children(token, "dobj")
        # "its policy of illegitimate measures", not "measures against illegal fishing"
        phrase = objects + [o for obj in objects for p in _children(obj, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
        # "Y had committed war crimes", "Y was harbouring militants": a charge in itself
        charges = CHARGED_ACTS.get(token.lemma_.lower(), frozenset())
        charged = any(w.lemma_.lower() in charges for o in objects for w in (o, *_children(o, "compound", "amod")))
        if not charged and not any(c.dep_ == "amod" and c.lemma_.lower() in DISMISSIVE_WORDS for o in phrase for c in o.children):
            return None
        subjects = _children(token, "nsubj")
        actor, stated = self._subject(head, ctx)
        if actor and not any(a.code for a in actor):
            actor = [_namesake(a, ctx) for a in actor]
        actor = [a for a in actor if a.code]
        codes = {a.code for a in actor}
        recipient = [e for s in subjects for e in self.entities(s, ctx) if e.code and e.code not in codes]
        if not actor or not recipient:
            return None
        trig = Trigger(head.lemma_.lower(), "VERB", "ACCUSE", None, "112" if charged else "111", frozenset(), ())
        return self._build(head, trig, sent, index, ctx, actor, recipient, stated, joint=False, modality=Modality())
