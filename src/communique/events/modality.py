"""Modality of a trigger: negated, future, hypothetical, committed, conditional, or told as the
background cause of the news; and the promise, threat or refusal that a committed future act
makes now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.events.ontology import QUAD
from communique.events.vocabulary import (
    COMMITMENT_WORDS,
    FUTURE_AUX,
    GENERIC_AGENTS,
    HISTORY_MODIFIERS,
    HYPOTHETICAL_AUX,
    INTENT_VERBS,
    PERFORMING_VERBS,
    PLAN_NOUNS,
    REPORTING_VERBS,
    UNDERGOING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Modality:
    """How a trigger is asserted: negated, future, hypothetical; ``committed`` when the actor
    binds itself to the act ("will", "is ready to"), ``conditional`` when the act hangs on an
    "unless"/"if" clause."""

    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    committed: bool = False
    conditional: bool = False
    background: bool = False  # told as the cause of the news ("after", "in response to")


def _reported(token: Token) -> bool:
    """Whether a clause is the content of a reporting verb ("X said it would ...")."""
    node = token
    for _ in range(3):
        if node.dep_ not in {"ccomp", "conj"} or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in REPORTING_VERBS:
            return True
    return False


# Modifiers of an act's noun that put it ahead ("a planned rally", "the upcoming talks").
PLANNED_MODIFIERS = frozenset({"planned", "proposed", "upcoming", "forthcoming", "scheduled", "impending", "intended",
                               "possible", "potential", "prospective", "would-be"})
# Words that present what follows as the cause of the news: "in response to", "after".
CAUSE_HEADS = frozenset({"response", "reply", "retaliation", "respond", "retaliate", "reaction", "react"})
CAUSE_PREPS = frozenset({"after", "following", "amid", "since", "despite"})


def _recent(date: str | None, published: str | None, days: int = 14) -> bool:
    """Whether a resolved event date lies within ``days`` before publication."""
    if not date or not published or len(date) < 10:
        return False
    try:
        gap = (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(date[:10])).days
    except ValueError:
        return False
    return 0 <= gap <= days


def _is_cause(token: Token) -> bool:
    """Whether a trigger names the cause or background of the news rather than the news:
    "in response to the expulsion", "responding to sanctions imposed by ...", "after the
    attack"."""
    node = token
    if node.dep_ in {"acl", "relcl"}:
        node = node.head  # "sanctions imposed by ..." → "sanctions"
    for _ in range(3):
        if node.dep_ in {"compound", "amod"}:
            node = node.head
            continue
        if node.dep_ != "pobj":
            return False
        prep = node.head
        if prep.lower_ in CAUSE_PREPS:
            return True
        if prep.lower_ in {"to", "for", "of"} and prep.head.lemma_.lower() in CAUSE_HEADS:
            return True
        if prep.lower_ == "of" and prep.head.lower_ == "wake":
            return True
        node = prep.head
    return False


def modality_of(token: Token) -> Modality:
    """How the trigger ``token`` is asserted (see :class:`Modality`)."""
    chain = [token]
    if token.dep_ in {"xcomp", "conj"}:
        chain.append(token.head)
    negated = future = hypothetical = committed = conditional = False
    for node in chain:
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
                negated = True
            if child.dep_ in {"aux", "auxpass"} and low in FUTURE_AUX:
                future = committed = True
            elif child.dep_ in {"aux", "auxpass"} and low == "would" and _reported(node):
                future = committed = True  # "said it would impose": the future of the past
            elif child.dep_ in {"aux", "auxpass"} and low in HYPOTHETICAL_AUX:
                hypothetical = True
            if child.dep_ == "mark" and low in {"if", "unless", "whether"}:
                hypothetical = True
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in child.children):
                conditional = True  # "will withdraw unless ...": a threat or a conditional promise
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in COMMITMENT_WORDS:
        future = committed = True  # "is willing to withdraw", "is ready to contribute"
        negated = negated or any(c.dep_ == "neg" for c in head.children)
        if head.dep_ == "acomp":
            negated = negated or any(c.dep_ == "neg" for c in head.head.children)
    elif token.dep_ == "xcomp" and head.lemma_.lower() in INTENT_VERBS:
        future = True
    elif token.dep_ == "xcomp" and head.lemma_.lower() == "hesitate" and any(c.dep_ == "neg" for c in head.children):
        # "would not hesitate to strike": not hesitating is resolving to (a commitment when
        # said of the future, the act itself when "did not hesitate")
        resolve = modality_of(head)
        ahead = resolve.future or resolve.hypothetical
        return Modality(future=ahead, committed=ahead, conditional=resolve.conditional, background=resolve.background)
    background = _is_cause(token)  # "in response to the expulsion": told as the cause
    if token.dep_ in {"xcomp", "advcl", "conj"} and token.head.i != token.i and not (future or hypothetical):
        # "plans to visit Baghdad to hold talks": the purpose of a plan is a plan too.
        above = modality_of(token.head) if token.head.pos_ in {"VERB", "AUX"} else None
        if above is not None and (above.future or above.hypothetical) and not above.committed:
            future, hypothetical = above.future, above.hypothetical
    if token.dep_ in {"xcomp", "ccomp"} and token.head.i != token.i and not negated and token.head.pos_ in {"VERB", "AUX"}:
        # "hadn't got a single shell fired at it", "did not say that X attacked": what a
        # negated clause contains is not asserted either.
        negated = any(c.dep_ == "neg" for c in token.head.children)
    if token.dep_ == "acl" and not negated:
        # "hadn't got a single shell fired at it", "saw no missile launched": an act told
        # as what someone never had or saw did not happen.
        thing = token.head
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in thing.children) or (
            thing.dep_ == "dobj" and thing.head.lemma_.lower() in UNDERGOING_VERBS
            and any(c.dep_ == "neg" for c in thing.head.children))
    if token.dep_ == "relcl" and token.head.lemma_.lower() in GENERIC_AGENTS and any(
            c.dep_ == "det" and c.lower_ in {"a", "an", "any", "every", "no"} for c in token.head.children):
        hypothetical = True  # "a country which surrenders ...", "any state that attacks ...": a kind, not an act
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj" and token.head.pos_ in {"VERB", "AUX"} and not (future or hypothetical or negated):
        # "would tighten the blockade", "did not hold talks": the verb's modality is the act's.
        return modality_of(token.head)
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "pobj" and token.head.head.pos_ in {"VERB", "AUX"} \
            and token.head.head.lemma_.lower() in PERFORMING_VERBS and not (future or hypothetical or negated):
        # "will not take part in the exercises": the performing verb's modality is the act's
        # (not "did not comment on the attack").
        verb = token.head.head
        above = modality_of(verb)
        if above.negated or above.future:
            return above
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass"}:
        # "talks will be held", "the visits would take place": the verb's tense is the noun's.
        for aux in token.head.children:
            if aux.dep_ in {"aux", "auxpass"} and aux.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX:
                future = True
            if aux.dep_ == "mark" and aux.lower_ in {"if", "unless"}:
                hypothetical = True  # "if the attacks continued"
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "pobj" and token.head.lower_ == "in" \
            and token.head.head.dep_ == "dobj" and token.head.head.head.pos_ in {"VERB", "AUX"} and not (future or hypothetical or negated):
        # "would make available 500 million marks in loans": the sum's verb gives the tense
        return modality_of(token.head.head.head)
    if token.pos_ in {"NOUN", "PROPN"}:
        if any(c.lower_ in HISTORY_MODIFIERS for c in token.children):
            hypothetical = True  # reported history, not news
        if any(c.dep_ == "amod" and c.lower_ in PLANNED_MODIFIERS for c in token.children):
            future = True  # "ahead of a planned rally", "the proposed talks": not yet held
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in PLAN_NOUNS:
            future = True
    elif token.dep_ in {"acl", "relcl"} and token.head.lemma_.lower() in PLAN_NOUNS:
        future = True  # "ways to provide assistance", "plans to visit"
    return Modality(negated, future, hypothetical, committed, conditional, background)


def _stated_intent(event: str, modality: Modality) -> tuple[str, str] | None:
    """The event a committed future act makes now, with its CAMEO code, if any.

    "will provide aid" is a promise (AGREE), "would impose martial law" and "will withdraw
    unless ..." are threats (THREATEN), "will not withdraw" is a refusal (REJECT). Plans and
    expectations ("plans to visit") commit nobody and stay future.
    """
    if not modality.committed or modality.hypothetical or event == "THREATEN":
        return None
    if event == "AGREE" and not modality.negated and not modality.conditional:
        return "AGREE", "030"  # "said it would accept the mediation": the acceptance is stated now
    if modality.negated:
        return ("REJECT", "120") if QUAD[event] in (1, 2) else None
    if modality.conditional or QUAD[event] == 4:
        return "THREATEN", "130"
    if QUAD[event] in (1, 2):
        return "AGREE", "030"
    return None
