"""What a clause says, for the event coder's choices: whether a call is for closer ties, a
decision or vow has hostile content, a refusal turns down an unnamed group's demand; the weight
of an act by the clause it sits in; the domestic counterpart an unnamed addressee stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.arguments import ArgumentFinder
from communique.events.context import CodingContext
from communique.events.lexicon import Trigger
from communique.events.modality import Modality
from communique.events.ontology import QUAD
from communique.events.places import CIVILIAN_SECTORS, states_named
from communique.events.syntax import _children, _generic, _prep_objects
from communique.events.vocabulary import COMMITMENT_WORDS, GENERIC_ACTORS, VOW_VERBS
from communique.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Where prisoners are held: "freed from prison", "released from custody".
CUSTODY_NOUNS = frozenset({"prison", "jail", "gaol", "custody", "detention", "captivity"})
# Verbal and yielding acts whose unnamed addressee across state and society is of the actor's
# own state: "the opposition accused the government", "the government gave in to union demands".
DOMESTIC_ADDRESS_TYPES = frozenset({"CONCEDE", "REQUEST", "ACCUSE", "REJECT"})
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL"})


def _domestic_counterpart(token: Token, trig: Trigger, actor: list[Entity], sent: Span, ctx: CodingContext) -> list[Entity]:
    """The unnamed group on the other side of state and society from an actor of one state, in
    the trigger's recipient slot ("accused the government", "gave in to union demands", "bowing
    to pressure from minority groups", "granted women the right to drive"), as a group of the
    actor's state (PLOVER codes domestic parties by their state). Nothing when the sentence
    names another state, whose people or government it may be."""
    codes = {a.code for a in actor if a.code}
    if len(codes) != 1:
        return []
    state_side = all(a.kind == "state" or a.sector in STATE_SECTORS for a in actor)
    if not state_side and not all(a.kind == "group" and a.sector in CIVILIAN_SECTORS for a in actor):
        return []
    if states_named(sent, ctx) - codes:
        return []
    slots = []
    for child in token.children:
        if child.dep_ in {"dobj", "dative"} and ("obj" in trig.preps or "to" in trig.preps):
            slots.append(child)
        elif child.dep_ == "prep" and child.lower_ in trig.preps:
            slots.extend(_children(child, "pobj"))
        elif child.dep_ == "ccomp":
            slots.extend(_children(child, "nsubj"))  # "demanded that the opposition call off ..."
    for slot in slots:
        nouns = [slot, *_children(slot, "compound", "poss"),
                 *(o for p in _children(slot, "prep") if p.lower_ in {"from", "of", "by"} for o in _children(p, "pobj"))]
        for noun in nouns:
            sector = GENERIC_ACTORS.get(noun.lemma_.lower())
            if noun.pos_ != "NOUN" or sector is None or ctx.actors.at(noun.i) is not None:
                continue
            if (sector in STATE_SECTORS and not state_side) or (sector in CIVILIAN_SECTORS and state_side):
                return [_generic(noun, next(iter(codes)), sector)]
    return []


# Verbs of arriving, which make a visit only somewhere other than home.
ARRIVAL_VERBS = frozenset({"arrive", "return"})
CLOSER = frozenset({"strengthen", "strengthening", "expand", "expansion", "deepen", "deepening", "develop",
                    "development", "boost", "enhance", "promote", "improve", "improvement"})
TIES = frozenset({"tie", "ties", "relation", "relations", "cooperation", "friendship", "partnership", "exchange", "exchanges"})


def _calls_for_closer_ties(token: Token) -> bool:
    """Whether a call is for closer ties ("called for strengthening ties with X")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for content in prep.children:
                if (content.lemma_.lower() in CLOSER or content.lower_ in CLOSER) and any(
                        t.lemma_.lower() in TIES or t.lower_ in TIES for t in content.subtree):
                    return True
    return False


def _infinitive_complements(token: Token) -> list[Token]:
    """The to-infinitives that complete ``token``: its xcomp, and the to-infinitive the parser
    made an adverbial clause or a clause of its own ("have sworn to fight", "appealed to X to
    free", "wants Ukraine to stay out")."""
    return [c for c in token.children if c.dep_ == "xcomp" or (
        c.dep_ in {"advcl", "ccomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]


def _has_content(token: Token) -> bool:
    """Whether an AGREE trigger states what is promised ("agreed to extend the mandate",
    "is committed to opening up", "offered concessions"): a commitment of one party, which
    needs no second one, unlike a bare "agreed" that reports a meeting of minds."""
    if _infinitive_complements(token):
        return True
    for child in token.children:
        if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ == "to" and _children(child, "pobj", "pcomp")):
            return True
        if child.dep_ == "ccomp" and token.lemma_.lower() in VOW_VERBS:
            return True  # "promised that he would not seek another term"
    return False


def _hostile_content(token: Token, coder: ArgumentFinder) -> bool:
    """Whether the act promised by a vow is material conflict ("vowed to retaliate", not
    "pledged not to attack")."""
    for clause in {*_children(token, "ccomp", "acl"), *_infinitive_complements(token)}:
        if not _children(clause, "neg"):
            # the act itself, or the means it names ("vowed to bring the country to a
            # standstill with a general strike")
            for node in (clause, *clause.conjuncts, *_prep_objects(clause, "with")):
                if any(QUAD[t.event] == 4 for t in coder._triggers(node)):
                    return True
    return False


# Prepositions that make the act they govern the time of the sentence's main act.
TIME_PREPS = frozenset({"during", "after", "before", "following", "amid", "ahead", "since", "until", "despite"})
ACCEPTING_VERBS = frozenset({"accept"})


def negated_acceptance(trig: Trigger, modality: Modality) -> bool:
    """Whether a trigger refuses by not accepting ("did not accept the plan", "will not accept
    mediation")."""
    return trig.lemma in ACCEPTING_VERBS and modality.negated and not modality.hypothetical


# Sectors of unnamed groups that are not the state: rebels, the opposition, civilians.
NON_STATE_SECTORS = frozenset({"REB", "OPP", "CVL", "LAB", "EDU", "REL", "MED", "BUS"})


def _unnamed_owner(token: Token) -> Token | None:
    """The unnamed group whose demand or proposal a refusal turns down: "dismissed opposition
    demands", "rejected the protesters' demands"."""
    for obj in _children(token, "dobj"):
        for owner in obj.children:
            if owner.dep_ in {"poss", "compound"} and owner.lemma_.lower() in GENERIC_ACTORS:
                return owner
    return None


def _refused_content(token: Token, coder: ArgumentFinder) -> bool:
    """Whether what a vow promises is not to cooperate ("vowed never to recognise X")."""
    for clause in {*_children(token, "ccomp"), *_infinitive_complements(token)}:
        if _children(clause, "neg") and any(QUAD[t.event] in (1, 2) for t in coder._triggers(clause, every=True)):
            return True
    return False


def _clause_weight(token: Token) -> float:
    """Main-clause acts are what a sentence reports; acts in relative or adverbial clauses
    ("where 24 people were killed") are background, so they weigh less; so are acts named as
    the time of another ("pledged ... during Xi's visit to Moscow")."""
    if token.dep_ == "pobj" and token.head.lower_ in TIME_PREPS and token.head.head.pos_ in {"VERB", "AUX"}:
        return -0.2
    node = token
    for _ in range(6):
        if node.dep_ == "ROOT":
            return 0.1
        if node.dep_ in {"relcl", "advcl", "acl", "pcomp"} or (node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ == "NOUN"):
            return -0.1
        if node.dep_ not in {"conj", "xcomp", "ccomp", "dobj", "nsubj", "nsubjpass", "compound", "amod", "prep", "pobj"}:
            return 0.0
        node = node.head
    return 0.0


# "is ready to broaden cooperation with X", "is determined to reach a settlement with X": a
# commitment to work something out with a partner, whatever the verb (CAMEO 030).
COOPERATION_INTENT = Trigger("intent", "VERB", "AGREE", None, "030", frozenset(), ("with",))
# Words of a conflict that a party may be "ready" to have "with" another ("ready to go to war").
CONFLICT_WORDS = frozenset({"war", "conflict", "confrontation", "battle", "fight", "hostility", "showdown", "clash",
                            "retaliate"})


def intent_with_partner(token: Token, coder: ArgumentFinder) -> bool:
    """Whether ``token`` is an act a party declares itself ready, willing or determined to do
    together "with" another, named by a verb that is no trigger of its own ("ready to broaden
    cooperation with Uzbekistan", "prepared to set up joint zones with Vietnam"). Nothing
    hostile may be in it ("ready to go to war with X")."""
    head = token.head
    if token.dep_ != "xcomp" or token.pos_ != "VERB" or not (
            head.lower_ in COMMITMENT_WORDS or head.lemma_.lower() in COMMITMENT_WORDS):
        return False
    inside = list(token.subtree)
    if any(node.lemma_.lower() in CONFLICT_WORDS for node in inside) or any(
            QUAD[t.event] >= 3 for node in inside for t in coder._triggers(node, every=True)):
        return False
    return any(node.dep_ == "prep" and node.lower_ == "with" and any(
        o.pos_ == "PROPN" or o.ent_type_ in {"GPE", "NORP", "ORG"} for o in _children(node, "pobj")) for node in inside)
