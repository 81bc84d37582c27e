"""The event coder: trigger words + dependency arguments → PLOVER events.

For each sentence, a lexicon of trigger lemmas (``data/event_lexicon.tsv``) proposes events;
the dependency parse gives their arguments: the subject (or the ``by`` agent of a passive) is
the actor, the direct object or the objects of the trigger's prepositions the recipient.
Arguments resolve to entities through :mod:`communique.actors`, including coordinated phrases
("the DPRK and Russia"), title phrases ("the founder of the movement"), pronouns, and
collective references ("both sides", "the two countries"). A sentence without a subject
inherits the actor of the previous sentences. Mentions of one event in a document are merged
into one event with several evidence spans.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from communique.actors.gazetteer import load_gazetteer
from communique.actors.resolve import DocActors
from communique.events.dates import resolve_date
from communique.events.lexicon import Trigger, contexts, load_lexicon
from communique.events.merge import merge, pairwise
from communique.events.ontology import QUAD, intensity
from communique.nlp import ents_in
from communique.records import Document, Entity, Event, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Types whose infinitive or clausal complement is their content, not a separate event:
# "agreed to cooperate" is one AGREE, "urged X to withdraw" one REQUEST.
FRAMING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"})
# Types whose "with"/"between" partners act together rather than receive.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "CONCEDE"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})
OBLIGATION_AUX = frozenset({"must", "should"})
# "any hostile steps will receive a firm response", "is ready to respond to hostile actions"
RESPONSE_NOUNS = frozenset({"response", "retaliation", "answer", "rebuff", "countermeasure", "reprisal", "reaction"})
RESPONSE_WORDS = RESPONSE_NOUNS | {"respond", "react"}
RESPONSE_HEADS = frozenset({"receive", "meet", "face", "get", "draw", "invite", "trigger", "provoke", "prompt", "incur"})
HOSTILE_ACT_NOUNS = frozenset({"action", "act", "step", "move", "measure", "provocation", "aggression", "attack",
                               "attempt", "encroachment", "violation", "infringement", "intrusion", "incursion",
                               "threat", "sanction", "interference", "escalation"})
WARNING_AUX = frozenset({"will", "would", "shall", "'ll"})
MET_WITH_NOUNS = RESPONSE_NOUNS | {"criticism", "resistance", "skepticism", "scepticism", "opposition", "protest",
                                   "protests", "anger", "outrage", "silence", "approval", "applause", "force", "fire"}
# "called the claims groundless", "described the measures as illegal"
LABELLING_VERBS = frozenset({"call", "describe", "term", "label", "deem", "characterize", "characterise"})
DISMISSIVE_WORDS = frozenset({"groundless", "baseless", "unfounded", "absurd", "illegal", "illegitimate", "unlawful",
                              "unacceptable", "provocative", "unjustified", "unjustifiable", "irresponsible",
                              "outrageous", "slanderous", "fabricated", "preposterous", "ridiculous", "despicable",
                              "criminal", "barbaric", "shameful", "unfriendly", "hostile", "reckless", "lawless"})
# "hadn't got a single shell fired at it": what one never had or saw done
UNDERGOING_VERBS = frozenset({"have", "get", "see", "witness", "experience", "suffer", "record", "face"})
# "a country which surrenders ...": a kind of actor described, not one that acted
GENERIC_AGENTS = frozenset({"country", "state", "nation", "government", "regime", "people", "power", "leader",
                            "party", "army", "force", "side"})
# "declined to comment / elaborate / go into specifics": a reporter's question left unanswered
NO_COMMENT_VERBS = frozenset({"comment", "elaborate", "specify", "go", "disclose", "identify", "name", "speculate",
                              "detail", "divulge", "reveal", "answer"})
# "said X continues its illegitimate measures", "said X takes hostile steps"
PURSUING_VERBS = frozenset({"continue", "pursue", "take", "adopt", "carry", "conduct", "persist", "keep", "implement",
                            "maintain", "commit", "stage", "escalate", "step"})
READY_WORDS = frozenset({"ready", "prepared", "determined"})
NECESSITY_WORDS = frozenset({"critical", "important", "necessary", "essential", "imperative", "vital", "crucial"})
# Verbs without a passive: as a participle after a noun ("a delegation left for X") the noun acts.
MOTION_VERBS = frozenset({"leave", "arrive", "depart", "return", "travel", "come", "go"})
# Verbs whose subject performs the material act named by their object ("launched an attack",
# "imposed sanctions", "staged a protest").
PERFORMING_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "wage", "make", "begin", "start",
                              "continue", "resume", "order", "intensify", "escalate", "step", "hold", "impose",
                              "deliver", "send", "announce", "declare", "organize", "organise", "lead", "fire",
                              "unleash", "perform", "commit", "undertake", "extend", "tighten", "enforce", "adopt",
                              "introduce", "approve", "renew", "expand", "join", "have", "converge", "gather",
                              "attend", "participate", "take"})
# Their inflected forms, for when the lemmatizer slips ("staged" → "stag").
PERFORMING_FORMS = frozenset(form for v in PERFORMING_VERBS for form in (
    v + "s", v + "d" if v.endswith("e") else v + "ed", v[:-1] + "ing" if v.endswith("e") else v + "ing"))
# Prepositions that give a frame's circumstances, not its content.
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "following", "during", "since", "amid", "despite", "until",
                                "at", "in", "near", "outside", "ahead"})
# Prepositions that place an event in a country ("in Minsk", "near Samarra").
PLACE_PREPS = frozenset({"in", "at"})
NEAR_PREPS = PLACE_PREPS | {"near", "outside", "around", "inside"}
# Prepositions that introduce what an act is against or about.
TOPIC_PREPS = frozenset({"against", "over", "about", "on", "regarding", "concerning"})
# Reactions whose object, when a material act, is an event of its own ("condemned the launch").
REACTION_TYPES = frozenset({"ACCUSE", "PROTEST", "REJECT"})
# Words that frame an intent as AGREE unless the intended act is hostile.
DECISION_WORDS = frozenset({"decide", "decision"})
# Promises that turn into threats when what is promised is violence.
VOW_VERBS = frozenset({"vow", "swear", "pledge", "promise"})
# Material conflict whose doer the text may leave unnamed ("were killed", "airstrikes on X").
UNKNOWN_ACTOR_TYPES = frozenset({"ASSAULT"})
INTENT_VERBS = frozenset({"plan", "intend", "expect", "hope", "want", "seek", "aim", "prepare", "wish"})
# Participles that after "is" describe their subject's stance, not something done to it:
# "Chile is committed to ...", "is determined to ...".
STATIVE_PARTICIPLES = frozenset({"commit", "determine", "resolve", "prepare", "dedicate", "oblige"})
# Words that turn "to X" into a commitment by the subject: "is willing to withdraw".
COMMITMENT_WORDS = frozenset({"willing", "ready", "prepared", "determined", "resolved"})
# Verbs that report speech: "would" under them is the future of the past, not a hypothesis.
REPORTING_VERBS = frozenset({"say", "announce", "declare", "state", "confirm", "tell", "add", "report", "warn",
                             "insist", "reiterate", "stress", "note", "claim", "indicate", "vow", "pledge"})
COLLECTIVE_NOUNS = frozenset({"side", "country", "nation", "state", "leader", "government"})
# Modifiers that put a noun trigger in the past ("the historical visit") or in the future.
HISTORY_MODIFIERS = frozenset({"historical", "historic", "past", "previous", "former", "earlier"})
PLAN_NOUNS = frozenset({"plan", "need", "proposal", "idea", "prospect", "possibility", "preparation", "way", "option", "measure"})
# Dependency links along which a clause is the content of a framing trigger above it.
CONTENT_LINKS = frozenset({"xcomp", "ccomp", "conj", "acl", "pcomp", "pobj", "prep", "dobj"})
# Unnamed groups and their PLOVER sector; their country is that of the place of the event.
GENERIC_ACTORS = {
    "protester": "CVL", "demonstrator": "CVL", "activist": "CVL", "student": "EDU", "worker": "LAB",
    "crowd": "CVL", "civilian": "CVL", "resident": "CVL", "villager": "CVL", "youth": "CVL",
    "farmer": "CVL", "landowner": "CVL", "refugee": "REF", "settler": "CVL", "elder": "CVL",
    "people": "CVL", "citizen": "CVL", "person": "CVL", "man": "CVL", "woman": "CVL", "union": "LAB", "businessman": "BUS", "company": "BUS",
    "police": "COP", "policeman": "COP", "agent": "COP", "guard": "COP",
    "troop": "MIL", "soldier": "MIL", "army": "MIL", "military": "MIL", "force": "MIL",
    "navy": "MIL", "warplane": "MIL", "jet": "MIL", "helicopter": "MIL", "peacekeeper": "MIL",
    "rebel": "REB", "militant": "REB", "insurgent": "REB", "guerrilla": "REB", "separatist": "REB",
    "fighter": "REB", "gunman": "REB", "hacker": "SPY",
    "government": "GOV", "official": "GOV", "authority": "GOV", "diplomat": "GOV", "administration": "GOV",
    "ministry": "GOV", "minister": "GOV", "spokesman": "GOV", "spokesperson": "GOV",
    "lawmaker": "LEG", "parliament": "LEG", "legislature": "LEG", "court": "JUD", "judge": "JUD",
    "opposition": "OPP", "journalist": "JRN", "newspaper": "JRN", "group": "CVL",
    # more unnamed groups that news reports as actors
    "mob": "CVL", "rioter": "CVL", "marcher": "CVL", "striker": "LAB", "miner": "LAB", "employee": "LAB",
    "teacher": "EDU", "doctor": "MED", "nurse": "MED", "trader": "BUS", "shopkeeper": "BUS", "merchant": "BUS",
    "monk": "REL", "cleric": "REL", "priest": "REL", "tribesman": "CVL", "tribe": "CVL", "clan": "CVL",
    "prisoner": "CVL", "inmate": "CVL", "detainee": "CVL", "lawyer": "JUD", "prosecutor": "JUD",
    "militia": "REB", "militiaman": "REB", "extremist": "REB", "attacker": "REB", "assailant": "REB",
    "bomber": "REB", "kidnapper": "REB", "sniper": "REB", "warlord": "REB", "commando": "MIL",
    "marine": "MIL", "paratrooper": "MIL", "sailor": "MIL", "gendarme": "COP", "regime": "GOV", "junta": "GOV",
    "cabinet": "GOV", "legislator": "LEG", "senator": "LEG", "deputy": "LEG",
}
QUANTITY_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
                            "millions", "group", "number", "crowd", "majority"})
# Named-entity types whose words are names, not triggers (the small model sometimes tags a
# sentence-initial verb as ORG, so verbs survive that label).
NOT_TRIGGER_ENTITIES = frozenset({"DATE", "TIME", "ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"})
# Types that need two parties: a consultation with nobody did not happen.
TWO_PARTY_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Dependencies of a phrasal verb's particle ("cracked down", "stepped down").
PARTICLE_DEPS = frozenset({"prt", "advmod"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "who", "which"})
# Nouns that, as the head of "X of <organization>", stand for the organization's people.
MEMBER_NOUNS = frozenset({"member", "members", "delegation", "activist", "activists", "participant",
                          "participants", "representative", "representatives", "official", "officials"})


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


@dataclass
class CodingContext:
    """What the coder remembers while reading a document.

    Other extractors (agreements, statements) build one to resolve their arguments with
    :meth:`EventCoder.entities` exactly as the event coder does.
    """

    document: Document
    actors: DocActors
    last_subject: tuple[Entity, ...] = ()
    last_parties: tuple[Entity, ...] = ()  # both sides of the last two-party event
    pair: tuple[Entity, ...] = ()
    sentence_place: dict[int, str | None] = field(default_factory=dict)
    # Recipient by default of an event that names none, by (type, sentence index).
    default_recipients: dict[tuple[str, int], tuple[Entity, ...]] = field(default_factory=dict)

    def here(self) -> Entity | None:
        """The state of the dateline's place, for "here" in a dispatch."""
        dateline = self.document.dateline
        code = self.actors.fallback_country
        if dateline is None or not dateline.place or code is None:
            return None
        return Entity(entity_text="here", entity_name=dateline.place, kind="state", code=code, sector="GOV")

    def is_title(self, token: Token) -> bool:
        titles = load_gazetteer().titles
        return token.lower_ in titles or token.lemma_.lower() in titles

    def country_of(self, place: str) -> str | None:
        gaz = load_gazetteer()
        bare = place.removeprefix("the ").strip()
        found = gaz.countries.get(place) or gaz.countries.get(bare) or gaz.places.get(place) or gaz.places.get(bare)
        return found[0] if found else None


def _pos(token: Token) -> str | None:
    if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
        return "VERB"
    if token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children):
        return "VERB"  # "Thousands of Kenyans rally against ...": a verb the tagger took for a noun
    if token.pos_ in {"NOUN", "PROPN"}:
        return "NOUN"
    return None


# Children that are another clause, not an argument: the words below them are not the
# trigger's objects ("confirmed their respect ... and support each other's efforts").
OTHER_CLAUSE_DEPS = frozenset({"conj", "cc", "punct", "parataxis", "mark"})


def _neighbour_lemmas(token: Token) -> set[str]:
    words = set()
    for child in token.children:
        if child.dep_ in OTHER_CLAUSE_DEPS:
            continue
        words.add(child.lemma_.lower())
        if child.dep_ in PARTICLE_DEPS or (child.dep_ == "prep" and not any(g.dep_ == "pobj" for g in child.children)):
            # "gave in", "pulled out of": a particle, written "~in" in the lexicon, unlike the
            # preposition of "gave $5 million in aid"
            words.add("~" + child.lower_)
        elif child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            words.add("~to")  # "declined to meet", unlike "exports declined to $5 billion"
        for grandchild in child.children:
            words.add(grandchild.lemma_.lower())
            if grandchild.dep_ == "prep" and grandchild.lower_ == "of":
                # "provided tons of food aid", "captured part of a stronghold"
                words.update(o.lemma_.lower() for o in grandchild.children if o.dep_ == "pobj")
    if token.dep_ in {"acl", "relcl"}:
        words.add(token.head.lemma_.lower())
    return words


def _slot_filled(token: Token, preps: tuple[str, ...]) -> bool:
    """Whether one of a trigger's recipient slots has a word in it: a direct object ("obj") or
    a preposition with its object."""
    for child in token.children:
        if child.dep_ == "dobj" and "obj" in preps:
            return True
        if child.dep_ == "prep" and child.lower_ in preps and any(g.dep_ == "pobj" for g in child.children):
            return True
    return False


def _reported(token: Token) -> bool:
    """Whether a clause is the content of a reporting verb ("X said it would ...")."""
    node = token
    for _ in range(3):
        if node.dep_ not in {"ccomp", "conj"} or node.head is node:
            return False
        node = node.head
        if node.lemma_.lower() in REPORTING_VERBS:
            return True
    return False


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


PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "picketer"})
PROTEST_ACT = Trigger("protesters", "VERB", "PROTEST", "demonstrate", "141", frozenset(), ("against", "outside", "at", "obj"))


def _protesters_act(token: Token) -> bool:
    """Whether ``token`` is a verb whose subject is a crowd of protesters acting (not speaking,
    not acted upon)."""
    if token.pos_ != "VERB" or token.lemma_.lower() in REPORTING_VERBS:
        return False
    for subject in token.children:
        if subject.dep_ != "nsubj":
            continue
        heads = [subject, *[o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]]
        heads += [o2 for h in heads[1:] for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for o2 in p.children if o2.dep_ == "pobj"]
        return any(h.lemma_.lower() in PROTESTER_NOUNS for h in heads)
    return False


def _subject_word(token: Token) -> str | None:
    """The lower-cased subject word of a verb trigger (of the verb a noun trigger hangs on)."""
    verb = token.head if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"dobj", "pobj"} else token
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0].lower_
        if verb.dep_ not in {"xcomp", "conj", "prep", "pcomp"} or verb.head is verb:
            return None
        verb = verb.head
    return None


def _titled_person(token: Token, actors: DocActors) -> Entity | None:
    """The last person named before ``token`` whose title contains the title phrase it
    heads ("the Foreign Minister" → the person whose office says "Foreign Minister")."""
    words = [c.lower_ for c in token.lefts if c.dep_ == "compound"] + [token.lower_]
    phrase = " ".join(words)
    for entity in actors.before(token.idx):
        if entity.kind == "person" and entity.end <= token.idx and entity.office and phrase in entity.office.lower():
            return entity
    return None


def _governing_subject(pronoun: Token) -> Token | None:
    """For a pronoun subject in a reported clause, the subject of the reporting clause:
    "Syria says it is willing" → Syria."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    node = pronoun.head
    for _ in range(4):
        if node.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or node.head is node:
            return None
        node = node.head
        subjects = [c for c in node.children if c.dep_ == "nsubj" and c.i < pronoun.i and c.pos_ != "PRON"]
        if subjects:
            return subjects[0]
    return None


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children) or token.dep_ == "acl" and token.tag_ == "VBN"


def _nominal(subject: Token) -> Token:
    """The noun a verb-headed subject stands for: "The agency operating in X said ..." is
    parsed with "operating" as the subject and "agency" as its own subject."""
    if subject.pos_ == "VERB" and subject.tag_ in {"VBG", "VBN"}:
        inner = [c for c in subject.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < subject.i]
        if inner:
            return inner[0]
    return subject


# Links inside a noun phrase or a coordination of them ("the Sudanese government and the rebels").
LEFT_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "case", "cc", "conj", "punct", "nummod", "appos"})


def _stray_agent(token: Token) -> list[Token]:
    """The agent of a passive that the parser hung on the verb above it: "X has been accused
    of misusing funds, much of it believed embezzled, by officials" (a by-phrase after the
    passive, on an active verb, which cannot have an agent of its own)."""
    head = token.head
    if token.dep_ not in {"ccomp", "conj", "advcl"} or head is token or _is_passive(head):
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


class EventCoder:
    """Codes the events of parsed, actor-resolved documents."""

    def __init__(self) -> None:
        self.lexicon = load_lexicon()

    # -- arguments ------------------------------------------------------------------------------

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
                if all(entity.entity_name != e.entity_name for e in out):
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
                while head.head is not head and ctx.actors.by_token.get(head.head.i) == ctx.actors.by_token.get(t.i):
                    head = head.head
                code = _state_in_phrase(head, ctx.actors)
                if code:
                    return [replace(found, code=code)]
            if found.kind == "state" and t.ent_type_ == "NORP" and t.tag_ in {"NNPS", "NNS"}:
                # "ethnic Hungarians in Romania", "Albanians demonstrated in Serbia": a people
                # acting in another country is a community of that country (PLOVER codes
                # ethnic groups by the state they live in), not the state of their name.
                code = _state_in_phrase(t, ctx.actors) or act_place(t.sent, ctx.actors)
                if code and code != found.code:
                    return [self._generic(t, code, "CVL")]
            return [found]
        lower = t.lower_
        lemma = t.lemma_.lower()
        if lower in {"him", "her"} and t.pos_ == "PRON":
            # "lodged a protest with him": the last person named before.
            for entity in ctx.actors.before(t.idx):
                if entity.kind == "person" and entity.end <= t.idx:
                    return [entity]
            return []
        if lower in {"its", "their"} and t.dep_ == "poss":
            # "thanked China for its assistance": the last state or body named before it
            for entity in ctx.actors.before(t.idx):
                if entity.kind in {"state", "organization"} and entity.code and t.sent.start_char <= entity.start:
                    return [entity]
        if lower in PRONOUNS and t.pos_ == "PRON":
            # "Switzerland said it had expelled ...": the subject of the clause above.
            above = _governing_subject(t)
            if above is not None and depth < 4:
                found = self.entities(above, ctx, depth + 1)
                if found:
                    return found
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
            if person is not None:
                return [person]
        # "the founder of the movement", "members of the delegation", "DPRK Ambassador"
        of = _prep_objects(t, "of")
        if (lemma in QUANTITY_NOUNS or t.like_num) and (of or lemma not in GENERIC_ACTORS):
            return [e for obj in of for e in self.entities(obj, ctx, depth + 1)]
        is_role = lemma in MEMBER_NOUNS or ctx.is_title(t)
        if lemma == "delegation" and not of:
            # "a delegation led by / headed by X": X's side
            for led in t.children:
                if led.dep_ == "acl" and led.lemma_.lower() in {"lead", "head"}:
                    for agent in (a for c in led.children if c.dep_ == "agent" for a in _children(c, "pobj")):
                        found = [e for e in self.entities(agent, ctx, depth + 1) if e.code]
                        if found:
                            return [self._role(t, e) for e in found]
        if is_role:
            for obj in of:
                inner = self.entities(obj, ctx, depth + 1)
                if inner:
                    return [self._role(t, e) for e in inner]
        # "Hungarian and Romanian officials", "the Iranian foreign minister", "Chinese troops"
        modifiers = [m for c in t.children if c.dep_ in {"compound", "amod", "nmod", "poss"} for m in (c, *c.conjuncts)
                     if not _located_by_capital(m)]
        inner = [e for m in modifiers if (e := ctx.actors.at(m.i)) is not None]
        if not inner:
            # "the two countries' officials", "its diplomats"
            inner = [e for m in modifiers if m.dep_ == "poss" for e in self._one(m, ctx, depth + 1)]
        sector = GENERIC_ACTORS.get(lemma)
        if sector is None and t.tag_ == "NNP" and lemma.endswith("s"):
            # "Rebels in X rejected ...": a capitalized plural the tagger takes for a name
            sector = GENERIC_ACTORS.get(lemma[:-1])
        if sector is None and t.ent_type_ == "NORP" and t.tag_ in {"NNPS", "NNS"}:
            sector = "CVL"  # "Muslims", "Kurds": a community, of the place it acts in
        if sector is not None and inner and not any(e.code for e in inner):
            # "the Biden administration": a name that gives no country; the place may.
            code = _state_in_phrase(t, ctx.actors) or ctx.sentence_place.get(t.sent.start) or ctx.actors.fallback_country
            if code:
                return [self._generic(t, code, sector)]
        if inner:
            return [self._role(t, e) if is_role else (self._generic(t, e.code, sector) if sector else e) for e in inner]
        if sector is not None:
            # "protesters in Zimbabwe", "police": people of the place their phrase names, or
            # of the place where the event happens.
            code = _state_in_phrase(t, ctx.actors) or ctx.sentence_place.get(t.sent.start) or ctx.actors.fallback_country
            return [self._generic(t, code, sector)] if code else []
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
        for appos in _children(t, "appos"):
            # "X, the head of the UN agency, said": a name the text resolves only by its
            # apposition acts as what the apposition says it is.
            found = [e for e in self.entities(appos, ctx, depth + 1) if e.code]
            if found:
                return [self._role(appos, e) if e.kind != "person" else e for e in found]
        return []

    @staticmethod
    def _generic(token: Token, code: str | None, sector: str | None) -> Entity:
        phrase = token.doc[token.left_edge.i : token.right_edge.i + 1].text
        return Entity(entity_text=phrase, entity_name=phrase, kind="group", code=code, sector=sector,
                      start=token.left_edge.idx, end=token.right_edge.idx + len(token.right_edge))

    @staticmethod
    def _role(token: Token, entity: Entity) -> Entity:
        phrase = token.doc[token.left_edge.i : token.right_edge.i + 1].text
        return Entity(
            entity_text=phrase, entity_name=entity.entity_name, kind=entity.kind,
            code=entity.code, sector=entity.sector, office=token.text if entity.kind != "person" else entity.office,
            organization=entity.entity_name if entity.kind == "organization" else entity.organization,
            start=token.left_edge.idx, end=token.right_edge.idx + len(token.right_edge),
        )

    def _subject(self, token: Token, ctx: CodingContext) -> tuple[list[Entity], bool]:
        """Actor of a verb: (entities, stated_in_sentence)."""
        stative = _is_passive(token) and token.lemma_.lower() in STATIVE_PARTICIPLES
        passive = _is_passive(token) and not stative
        node: Token | None = token
        for _ in range(4):
            if node is None:
                break
            if passive and node is token:
                agents = _prep_objects(node, "by")
                if agents:
                    return self.entities(agents[0], ctx), True
                stray = [e for agent in _stray_agent(token)[:1] for e in self.entities(agent, ctx) if e.code]
                if stray:
                    return stray, True
            else:
                # "Arriving here were delegations of ...": the subject after an inverted "were".
                # "Chile is committed to ...": a subject the parser hung on the auxiliary, or
                # one it reads as the subject of a passive.
                subjects = _children(node, "nsubj") or [c for c in _children(node, "csubj") if _nominal(c) is not c] \
                    or [a for c in _children(node, "aux") for a in _children(c, "attr")] \
                    or [a for c in _children(node, "aux", "auxpass") for a in _children(c, "nsubj")] \
                    or (_children(node, "nsubjpass") if stative and node is token else [])
                subjects = [_nominal(subject) for subject in subjects]
                for subject in subjects:
                    # Several subjects are a misparse ("a delegation led by minister X left"):
                    # the first that names someone.
                    found = self.entities(subject, ctx)
                    if not found and subject is subjects[-1] and subject.pos_ == "NOUN":
                        # "After the signing of X, the government and the rebels agreed": an
                        # act named as the subject; the parties come after the comma.
                        found = self._left_subject(node, ctx, after=subject.i)
                    if found or subject is subjects[-1]:
                        return found, True
                if node.dep_ == "ROOT":
                    # "At the invitation of X, Chairman of Y, the founder of Z attended ...":
                    # the parser hangs the real subject on X as an apposition.
                    appos = [t for t in node.sent if t.i < node.i and t.dep_ == "appos" and t.head.i < t.i]
                    found = []
                    if appos and not any(t.pos_ == "VERB" for t in node.doc[appos[-1].i : node.i]):
                        found = self.entities(appos[-1], ctx)
                    if not any(e.code for e in found):
                        # "With the signing of X, the government and the rebels have agreed":
                        # the parser hung the subject inside the opening phrase.
                        found = self._left_subject(node, ctx) or found
                    if found:
                        return found, True
            if node.dep_ in {"conj", "xcomp", "advcl", "ccomp", "acl", "pcomp", "relcl", "acomp", "prep"} and node.head is not node:
                if node.dep_ == "relcl" and node.head.ent_type_ in {"DATE", "TIME"}:
                    # "On Monday, when receiving X, Y said ...": the clause belongs to the main verb
                    node = node.head
                    while node.dep_ in {"pobj", "prep", "npadvmod"} and node.head is not node:
                        node = node.head
                    passive = False
                    continue
                if node.dep_ == "relcl":
                    return self.entities(node.head, ctx), True
                if node.dep_ == "acl" and node is token and node.head.pos_ in {"NOUN", "PROPN"} and (
                        node.tag_ in {"VBD", "VBG"} or node.lemma_.lower() in MOTION_VERBS):
                    # "a delegation ... left for Beijing", "protesters burning flags": the noun acts.
                    found = self.entities(node.head, ctx)
                    if found:
                        return found, True
                if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"} and not passive:
                    # "the US decision to expel ...": the noun's owner acts.
                    owners = [e for c in node.head.children if c.dep_ in {"poss", "compound", "amod"}
                              for e in self.entities(c, ctx) if e.code]
                    if owners:
                        return owners, True
                node = node.head
                passive = False
                continue
            break
        return list(ctx.last_subject), False

    def _left_subject(self, verb: Token, ctx: CodingContext, after: int | None = None) -> list[Entity]:
        """The coded parties of the noun phrase just before a verb the parser gave no subject,
        back to the comma or clause start before it: its subject in all but the parse. With
        ``after``, only a phrase that a comma separates from that token."""
        doc, i = verb.doc, verb.i - 1
        while i >= verb.sent.start and doc[i].dep_ in {"aux", "auxpass", "neg", "advmod"}:
            i -= 1
        if i < verb.sent.start or doc[i].pos_ not in {"NOUN", "PROPN"}:
            return []
        start = i
        while start - 1 >= verb.sent.start and doc[start - 1].dep_ in LEFT_PHRASE_DEPS and doc[start - 1].text not in {",", ";", ":"}:
            start -= 1
        if after is not None and not (after < start - 1 and doc[start - 1].text == ","):
            return []
        out: list[Entity] = []
        for t in doc[start : i + 1]:
            if t.pos_ in {"NOUN", "PROPN"} and (t.dep_ == "conj" or not start <= t.head.i <= i):
                for entity in self._one(t, ctx, 1):
                    if entity.code and entity.start >= doc[start].idx and all(entity.entity_name != e.entity_name for e in out):
                        out.append(entity)
        return out

    # -- modality -------------------------------------------------------------------------------

    @staticmethod
    def _modality(token: Token) -> Modality:
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
        background = _is_cause(token)  # "in response to the expulsion": told as the cause
        if token.dep_ in {"xcomp", "advcl", "conj"} and token.head is not token and not (future or hypothetical):
            # "plans to visit Baghdad to hold talks": the purpose of a plan is a plan too.
            above = EventCoder._modality(token.head) if token.head.pos_ in {"VERB", "AUX"} else None
            if above is not None and (above.future or above.hypothetical) and not above.committed:
                future, hypothetical = above.future, above.hypothetical
        if token.dep_ in {"xcomp", "ccomp"} and token.head is not token and not negated and token.head.pos_ in {"VERB", "AUX"}:
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
            return EventCoder._modality(token.head)
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass"}:
            # "talks will be held", "the visits would take place": the verb's tense is the noun's.
            for aux in token.head.children:
                if aux.dep_ in {"aux", "auxpass"} and aux.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX:
                    future = True
        if token.pos_ in {"NOUN", "PROPN"}:
            if any(c.lower_ in HISTORY_MODIFIERS for c in token.children):
                hypothetical = True  # reported history, not news
            if token.dep_ == "pobj" and token.head.head.lemma_.lower() in PLAN_NOUNS:
                future = True
        elif token.dep_ in {"acl", "relcl"} and token.head.lemma_.lower() in PLAN_NOUNS:
            future = True  # "ways to provide assistance", "plans to visit"
        return Modality(negated, future, hypothetical, committed, conditional, background)

    # -- date, place ----------------------------------------------------------------------------

    @staticmethod
    def _date(token: Token, sent: Span, published: str | None) -> tuple[str | None, str | None]:
        best: tuple[int, str, str] | None = None
        for ent in ents_in(sent):
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            date, precision = resolve_date(ent.text, published)
            if date is None:
                continue
            ancestors = {a.i for a in ent.root.ancestors}
            distance = abs(ent.root.i - token.i) - (100 if token.i in ancestors else 0)
            if best is None or distance < best[0]:
                best = (distance, date, precision or "day")
        return (best[1], best[2]) if best else (None, None)

    @staticmethod
    def _place(token: Token, sent: Span) -> str | None:
        for ent in ents_in(sent):
            if ent.label_ in {"GPE", "LOC", "FAC"} and ent.root.head.lower_ in {"in", "at"}:
                head = ent.root.head.head
                if head == token or head.head == token or token.is_ancestor(ent.root):
                    return ent.text
        return None

    # -- coding ---------------------------------------------------------------------------------

    def _triggers(self, token: Token, every: bool = False) -> tuple[Trigger, ...]:
        """The token's readings whose object condition holds: the first one, or with ``every``
        all of them in the lexicon's order of preference."""
        pos = _pos(token)
        if pos is None or token.ent_type_ in NOT_TRIGGER_ENTITIES and not (pos == "VERB" and token.ent_type_ == "ORG"):
            return ()  # "in March" is a date, not a march; "the Solidarity Group" is a name
        if pos == "NOUN" and token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
            return ()  # "the ceasefire arrangement", "sanctions hygiene": a modifier, not an act
        found = self.lexicon.get((token.lemma_.lower(), pos)) or self.lexicon.get((token.lower_, pos)) or ()
        if not found and pos == "NOUN":
            found = self._verb_as_noun(token)
        neighbours = None
        out = []
        for trig in found:
            if trig.objects:
                neighbours = neighbours if neighbours is not None else _neighbour_lemmas(token)
                person = "@person" in trig.objects and any(
                    c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in token.children)
                # "vowed to fight on" has no object; "fighting corruption" has the wrong one
                bare = "@intransitive" in trig.objects and not any(c.dep_ == "dobj" for c in token.children)
                if not (trig.objects & neighbours or person or bare):
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
        for trig in self.lexicon.get((token.lemma_.lower(), "VERB"), ()):
            if trig.objects & patients:
                preps = tuple("of" if p == "obj" else p for p in trig.preps)
                if "with" in preps and "between" not in preps:
                    preps = (*preps, "between")  # "exchanged prisoners with", "the exchange ... between"
                out.append(replace(trig, pos="NOUN", preps=preps if "of" in preps else (*preps, "of")))
        return tuple(out)

    def _is_content_of_frame(self, token: Token) -> bool:
        head = token.head
        if _pos(token) == "NOUN" and token.dep_ in {"dobj", "nsubjpass", "pobj", "compound"} and head is not token:
            governor = head.head if token.dep_ == "pobj" else head
            if token.dep_ == "pobj" and head.lower_ in CIRCUMSTANCE_PREPS:
                return False  # "following a call between X and Y, they agreed": not what was agreed
            frames = self._triggers(governor)
            if frames and frames[0].event in REACTION_TYPES and any(QUAD[t.event] == 4 for t in self._triggers(token)):
                return False  # "condemned the missile launch": the launch happened too
            if frames or (token.dep_ == "nsubjpass" and any(
                    self._triggers(c) for c in head.children if c.dep_ == "acl")):
                return True
        if token.dep_ not in {"xcomp", "ccomp", "acl", "pcomp", "pobj", "dobj", "conj"} or head is token:
            return False
        node = token
        for step in range(8):
            if node.dep_ not in CONTENT_LINKS or node.head is node:
                return False
            if (step == 0 and node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and self._triggers(node.head)
                    and not _children(node.head, "xcomp", "ccomp")):
                return False  # "condemned and rejected": two acts side by side, not a frame
            node = node.head
            frames = self._triggers(node)
            if frames and frames[0].lemma in DECISION_WORDS and any(QUAD[t.event] == 4 for t in self._triggers(token)):
                return False  # "decided to expel": the expulsion is the event
            if any(t.event in FRAMING_TYPES for t in self._triggers(node)):
                return True
        return False

    def _recipients(self, token: Token, trig: Trigger, ctx: CodingContext, passive: bool,
                    exclude: frozenset[str] = frozenset()) -> tuple[list[Entity], bool]:
        """Recipient entities, and whether the partners act jointly ("between"); ``exclude``
        names the actor's entities, which a framing trigger's content does not aim at."""
        holders = [token]
        if _pos(token) == "NOUN" and token.dep_ in {"dobj", "nsubjpass", "pobj"}:
            holders.append(token.head if token.dep_ != "pobj" else token.head.head)
        for child in token.children:
            if child.dep_ in {"acl", "relcl"}:
                holders.append(child)
            elif child.dep_ == "dobj" and child.lemma_.lower() in trig.objects:
                # "reaffirmed its commitment to X": the object that makes the verb a trigger
                # carries the trigger's prepositions
                holders.append(child)
        if _pos(token) == "NOUN":
            holders.extend(token.conjuncts)
        found = self._recipients_in(holders, trig, ctx, passive)
        if found[0]:
            return found
        if trig.event in FRAMING_TYPES:
            # "demanded that Britain apologize", "threatened to cut supplies to Ukraine"
            sent = token.sent
            for clause in _children(token, "ccomp", "xcomp"):
                for node in clause.subtree:
                    if node.dep_ in {"nsubj", "dobj", "pobj", "dative"} and node is not clause:
                        # The actor itself ("threatened to widen its war with X": "its") is
                        # not who the demand or threat is aimed at; look further.
                        named = [e for e in self.entities(node, ctx) if e.entity_name not in exclude]
                        if named and not any(e.code for e in named):
                            # "demanded that President X resign": X is of the place at stake
                            named = _placed(named, sent, ctx)
                        objs = [e for e in named if e.code]
                        if objs:
                            return objs, False
        if trig.pos != "NOUN" and not any(p != "obj" for p in trig.preps):
            return found
        # "a decision to establish ties with X": the partners sit in the content clause.
        for holder in holders:
            for node in holder.subtree:
                if node.dep_ == "prep" and node.lower_ in trig.preps and node.lower_ != "of":
                    objs = [e for o in _children(node, "pobj") for e in self.entities(o, ctx)]
                    if not objs:
                        # "support for the independence of X": the party the thing is of
                        objs = [e for o in _children(node, "pobj") for inner in _prep_objects(o, "of")
                                if (e := ctx.actors.at(inner.i)) is not None and e.code]
                    if not objs and trig.event in JOINT_TYPES:
                        # "commitment to the arrangement approved by X and Y": its parties
                        objs = [e for o in _children(node, "pobj") for acl in o.children if acl.dep_ in {"acl", "relcl"}
                                for agent in _prep_objects(acl, "by") for e in self.entities(agent, ctx) if e.code]
                    if objs:
                        return objs, node.lower_ == "between"
        return [], False

    def _recipients_in(self, holders: list[Token], trig: Trigger, ctx: CodingContext, passive: bool) -> tuple[list[Entity], bool]:
        token = holders[0]
        phrases: list[tuple[Token, str]] = []
        for prep in trig.preps:
            for holder in holders:
                if prep == "obj":
                    objs = _children(holder, "dobj") or (_children(holder, "nsubjpass") if passive else [])
                    if not objs and holder.pos_ == "VERB":
                        # "condemned and rejected the resolution": conjoined verbs share it.
                        objs = [o for c in holder.conjuncts if c.i > holder.i for o in _children(c, "dobj")][:1]
                    if holder.dep_ == "acl" and passive and holder is token:
                        objs = []
                elif prep == "here":
                    # "arrived here": the place of the dateline.
                    here = ctx.here() if any(c.lower_ == "here" for c in holder.children) else None
                    if here is not None:
                        return [here], False
                    objs = []
                elif prep == "of" and _pos(holder) == "NOUN":
                    objs = _prep_objects(holder, "of")
                else:
                    objs = _prep_objects(holder, prep)
                    if prep == "to" and not objs:
                        # "gave Togo food aid": the indirect object is what "to" would name.
                        objs = [c for c in holder.children if c.dep_ == "dative" and c.pos_ in {"NOUN", "PROPN", "PRON"}]
                if prep == "obj" and not passive:
                    # "welcomed this contribution by Japan": a by-phrase the parser hung on the verb
                    phrases.extend((o, "by") for o in _prep_objects(holder, "by"))
                for obj in objs:
                    phrases.append((obj, prep))
                    found = self._agent_of_act(obj, ctx) if trig.event in REACTION_TYPES and prep in {"obj", *TOPIC_PREPS} else []
                    found = found or self.entities(obj, ctx)
                    if not found:
                        # "ties with X", "talks on Y with Z": look one level further down.
                        for inner in obj.children:
                            if inner.dep_ == "prep" and inner.lower_ in trig.preps:
                                found = [e for o in _children(inner, "pobj") for e in self.entities(o, ctx)]
                                if found:
                                    break
                    if prep == "between" and len({e.code for e in found if e.code}) == 1:
                        # "between X, foreign minister of A, and Y, ...": the parser hung Y elsewhere
                        found = found + self._after_and(obj, ctx)
                    if found:
                        return found, prep == "between"
        # "burned the French flag", "condemned the statement released by the Security
        # Council": no argument names a party itself, so take the party named inside one.
        for obj, prep in phrases:
            if prep == "by" and (found := [e for e in self.entities(obj, ctx) if e.code]):
                return found, False
            if prep != "between" and (found := self._inside(obj, ctx)):
                return found, False
        return [], False

    def _agent_of_act(self, obj: Token, ctx: CodingContext) -> list[Entity]:
        """Who did the act a reaction is to: "condemned the arrest of journalists by the
        police" is aimed at the police, not at the journalists."""
        if not self._triggers(obj):
            return []
        by = [e for o in _prep_objects(obj, "by") for e in self.entities(o, ctx) if e.code]
        if not by:
            # "condemned the arrests carried out by the police"
            by = [e for c in obj.children if c.dep_ == "acl" for o in _prep_objects(c, "by")
                  for e in self.entities(o, ctx) if e.code]
        return by

    def _after_and(self, obj: Token, ctx: CodingContext) -> list[Entity]:
        """The party after the "and" that follows ``obj``'s phrase in its sentence."""
        end = obj.right_edge.i + 1
        sent_end = obj.sent.end
        for i in range(end, min(end + 3, sent_end)):
            if obj.doc[i].lower_ == "and":
                for j in range(i + 1, min(i + 6, sent_end)):
                    found = ctx.actors.at(j)
                    if found is not None and found.code:
                        return [found]
                break
        return []

    def _inside(self, phrase: Token, ctx: CodingContext) -> list[Entity]:
        """The first coded actor named inside a phrase, with those coordinated with it."""
        for t in phrase.subtree:
            if t is phrase or ctx.actors.at(t.i) is None:
                continue
            if _located_by_capital(t):
                continue
            head = t
            while head.head is not head and ctx.actors.by_token.get(head.head.i) == ctx.actors.by_token.get(t.i):
                head = head.head
            found = [e for e in self.entities(head, ctx) if e.code]
            if found:
                return found
        return []

    def _noun_actor(self, token: Token, trig: Trigger, ctx: CodingContext) -> tuple[list[Entity], bool]:
        for child in token.children:
            if child.dep_ == "poss":
                found = self.entities(child, ctx)
                if found:
                    return found, True
        for prep in ("by", "of"):
            if prep in trig.preps:
                continue
            for obj in _prep_objects(token, prep):
                found = self.entities(obj, ctx)
                if found:
                    return found, True
        # "the air strike in Syria by the US": the agent hangs on a modifier of the noun.
        for holder in token.children:
            # Not "demonstrations against violations by the army": an agent inside what the
            # act is against or about is that thing's agent.
            if holder.dep_ == "prep" and holder.lower_ not in {"by", *TOPIC_PREPS}:
                for obj in _children(holder, "pobj"):
                    for agent in _prep_objects(obj, "by"):
                        found = self.entities(agent, ctx)
                        if found:
                            return found, True
        governor = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ == "dobj" else None
        if governor is not None and (governor.pos_ == "NOUN" or not _is_passive(governor)):
            # "its opposition to the air strike in Syria by the US", "condemned the launch of
            # a missile by the DPRK": the by-phrase after the act is the act's, wherever the
            # parser hung it.
            for by in governor.children:
                if by.dep_ == "prep" and by.lower_ == "by" and by.i > token.i:
                    found = [e for o in _children(by, "pobj") for e in self.entities(o, ctx)]
                    if found:
                        return found, True
        governor = token.head
        if token.dep_ in {"dobj", "attr"} or (token.dep_ == "pobj" and governor.head.pos_ == "VERB"):
            verb = governor if token.dep_ != "pobj" else governor.head
            if QUAD[trig.event] == 4 and verb.lemma_.lower() not in PERFORMING_VERBS and verb.lower_ not in PERFORMING_FORMS:
                # "Sunak voiced concern over the attack": who speaks of an attack did not make it.
                return [], False
            return self._subject(verb, ctx)
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ in {"ccomp", "xcomp"} and token.head.head is not token.head:
            # "the ministry announced the expulsion of X declared ...": a misparse that hangs
            # the act on the clause below the announcing verb.
            found, stated = self._subject(token.head.head, ctx)
            if stated:
                return found, True
        if QUAD[trig.event] == 4:
            return [], False  # a material act is not the doing of whoever was last the subject
        return list(ctx.last_subject), False

    def code(self, doc_sents: list[Span], document: Document, actors: DocActors) -> list[Event]:
        """All events of one document, merged so that each real event appears once."""
        ctx = CodingContext(document=document, actors=actors, pair=bilateral_pair(actors))
        found: list[Event] = []
        last_place: str | None = None
        for index, sent in enumerate(doc_sents):
            place = place_country(sent, actors)
            if place is None and not any(ent.label_ in {"GPE", "LOC", "FAC"} for ent in sent.ents):
                # A sentence that names no place goes on where the story is ("... in London.
                # One person was arrested, police said.").
                place = last_place
            ctx.sentence_place[sent.start] = last_place = place
            for token in sent:
                for trig in self._triggers(token):
                    if self._is_content_of_frame(token):
                        continue
                    event = self._event(token, trig, sent, index, ctx)
                    if event is not None:
                        found.extend(pairwise(event))
                        parties = (*event.actor, *event.recipient)
                        if event.event in TWO_PARTY_TYPES and len({e.code for e in parties if e.code}) > 1:
                            ctx.last_parties = parties
                demand = self._obligation(token, sent, index, ctx)
                if demand is not None:
                    found.extend(pairwise(demand))
                if token.lemma_.lower() in LABELLING_VERBS and token.pos_ == "VERB":
                    dismissal = self._dismissal(token, sent, index, ctx)
                    if dismissal is not None:
                        found.extend(pairwise(dismissal))
                if token.lemma_.lower() in PURSUING_VERBS and token.dep_ == "ccomp":
                    charge = self._charged_statement(token, sent, index, ctx)
                    if charge is not None:
                        found.extend(pairwise(charge))
                if token.lemma_.lower() in RESPONSE_WORDS:
                    warning = self._warned_response(token, sent, index, ctx)
                    if warning is not None:
                        found.extend(pairwise(warning))
                if _protesters_act(token) and not self._triggers(token):
                    # "Thousands of protesters gathered outside the embassy": what protesters
                    # do together is a protest.
                    event = self._event(token, PROTEST_ACT, sent, index, ctx)
                    if event is not None:
                        found.extend(pairwise(event))
            for token in sent:
                if token.dep_ == "nsubj" and token.head.pos_ in {"VERB", "AUX"}:
                    subject = self.entities(token, ctx)
                    if subject:
                        ctx.last_subject = tuple(subject)
        return [self._defaulted(e, ctx) for e in merge(found, document.id)]

    @staticmethod
    def _defaulted(event: Event, ctx: CodingContext) -> Event:
        """An event with no recipient in any of its mentions, given its default recipient."""
        if event.recipient or (event.symmetric and len({a.code for a in event.actor}) > 1):
            return event
        for evidence in event.evidence:
            home = ctx.default_recipients.get((event.event, evidence.sentence))
            if home:
                names = {a.entity_name for a in event.actor}
                return replace(event, recipient=tuple(r for r in home if r.entity_name not in names) or home, symmetric=False)
        return event

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
            actor, stated = [], False
            node, addressees = verb, []
            for _ in range(4):
                if node.dep_ not in {"ccomp", "parataxis"} or node.head is node:
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
        return self._build(token, trig, sent, index, ctx, actor, recipient, stated, joint=False, modality=self._modality(token))

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
        if not any(c.dep_ == "amod" and c.lemma_.lower() in DISMISSIVE_WORDS for o in phrase for c in o.children):
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
        trig = Trigger(head.lemma_.lower(), "VERB", "ACCUSE", None, "111", frozenset(), ())
        return self._build(head, trig, sent, index, ctx, actor, recipient, stated, joint=False, modality=Modality())

    def _event(self, token: Token, trig: Trigger, sent: Span, index: int, ctx: CodingContext) -> Event | None:
        if token.tag_ == "VB" and token.dep_ == "ROOT" and not _children(token, "nsubj", "aux"):
            return None  # an imperative ("Support us or become a patron") reports nothing
        passive = trig.pos == "VERB" and _is_passive(token)
        if trig.event == "REJECT" and any(x.lemma_.lower() in NO_COMMENT_VERBS for x in _children(token, "xcomp")):
            return None  # "declined to comment", "refused to go into details": no one is rebuffed
        if trig.event == "CONSULT" and trig.pos == "VERB" and any(
                o.lemma_.lower() in MET_WITH_NOUNS for o in _prep_objects(token, "with")):
            return None  # "will be met with a firm response", "met with criticism": no meeting
        if trig.pos == "VERB":
            actor, stated = self._subject(token, ctx)
            if passive and not stated and QUAD[trig.event] == 4:
                actor = []  # "Several people were killed": not the doing of the last subject
        else:
            actor, stated = self._noun_actor(token, trig, ctx)
        if trig.event in JOINT_TYPES and len(ctx.last_parties) > 1 and _subject_word(token) == "they":
            actor = list(ctx.last_parties)  # "X met Y. They agreed to ...": both of them
        # Partners that agree "that their countries should ..." are the actors, not a sign to
        # look for a recipient deeper in what they agreed.
        exclude = frozenset() if trig.event in JOINT_TYPES else frozenset(a.entity_name for a in actor)
        recipient, joint = self._recipients(token, trig, ctx, passive, exclude)
        if trig.mode == "third-party":
            joint = False  # "mediated between X and Y": X and Y are the mediator's partners, not its fellows
        if joint and not stated:
            actor, recipient = recipient, []
        elif joint:
            actor, recipient = actor + [r for r in recipient if r not in actor], []
        if trig.event == "REQUEST" and _calls_for_closer_ties(token):
            # "called for strengthening ties with Russia": an intent to cooperate, not a demand
            trig = replace(trig, event="AGREE", cameo="030", preps=("with",))
            codes = {a.code for a in actor}
            recipient = recipient or [e for prep in _children(token, "prep") if prep.lower_ == "for"
                                      for e in self._inside(prep, ctx) if e.code and e.code not in codes]
            if not recipient:
                return None
        if not recipient and trig.mode == "visit" and trig.pos == "VERB":
            # "a delegation to Russia ... left Pyongyang": where the visitors go
            for subject in _children(token, "nsubj"):
                recipient = [e for o in _prep_objects(subject, "to") for e in self.entities(o, ctx) if e.code]
                if recipient:
                    break
        names = {a.entity_name for a in actor}
        recipient = [r for r in recipient if r.entity_name not in names]
        if not actor and trig.pos == "VERB" and QUAD[trig.event] < 4:
            # "Tribal elders demanded that the Ruritanian ministry ...": an unnamed group of
            # civilians addressing a state's authorities, in a sentence naming no other
            # state, is of that state.
            actor = _compatriots(token, recipient, sent, ctx)
        weapon = _weapon_subject(token, self) if not actor and trig.pos == "VERB" else None
        if weapon is not None:
            # "US drone strikes killed ...": whoever the weapon's phrase names acts.
            actor = self._inside(weapon, ctx)
            stated = bool(actor)
        if not actor and passive and trig.event in {"COERCE", "ASSAULT"}:
            # "One person was arrested, police said": the reporting force made the arrest.
            reporter = _reporting_subject(token)
            if reporter is not None and reporter.lemma_.lower() in AUTHORITY_NOUNS:
                actor = self.entities(reporter, ctx)
                stated = bool(actor)
        if actor and not any(e.code for e in actor):
            actor = _placed(actor, sent, ctx)
        default: tuple[Entity, ...] = ()
        if actor and not recipient and trig.event not in JOINT_TYPES:
            # "dismissed an appeal from President X": a person or body the text gives no
            # country, inside the object, is the recipient if the place of the act gives one.
            recipient = [e for e in _placed(_uncoded_inside(token, ctx), sent, ctx) if e.code]
        if actor and not any(r.code for r in recipient) and trig.event not in JOINT_TYPES:
            home = _home_recipient(actor, recipient, trig.event, sent, ctx, _unnamed_target(token, self))
            if recipient:
                recipient = home
            else:
                # Only a default: another mention of the event may name its recipient, so the
                # default is applied after merging (see :meth:`code`).
                default = tuple(home)
        noun_reported = trig.pos == "NOUN" and token.dep_ in {"nsubj", "nsubjpass", "ROOT"}
        if not actor and trig.event in UNKNOWN_ACTOR_TYPES and any(r.code for r in recipient) and (passive or noun_reported or weapon is not None):
            # "Three soldiers were killed", "airstrikes against X": violence by someone unnamed,
            # who, like any unnamed group, is of the country where the violence happens.
            code = act_place(sent, ctx.actors, NEAR_PREPS)
            unknown = [Entity(entity_text="unidentified attackers", entity_name="unidentified attackers", kind="group",
                              code=code, sector=None, start=token.idx, end=token.idx + len(token))] if code else []
            return self._build(token, trig, sent, index, ctx, unknown, recipient, False, False, self._modality(token))
        if not actor or not any(e.code for e in actor + recipient):
            return None
        if trig.event in TWO_PARTY_TYPES and not recipient and len({e.code or e.entity_name for e in actor}) < 2 \
                and not (trig.event == "AGREE" and _has_content(token)):
            return None
        if "!" in trig.preps and not recipient:
            return None
        modality = self._modality(token)
        if trig.event == "AGREE" and trig.lemma in DECISION_WORDS and _hostile_content(token, self):
            return None  # "the decision to expel diplomats" is the expulsion, coded on its own
        if trig.event == "AGREE" and trig.lemma in VOW_VERBS and _hostile_content(token, self):
            # "vowed to retaliate", "swore to fight on": a promise of violence is a threat.
            trig = replace(trig, event="THREATEN", cameo="130")
        stance = _stated_intent(trig.event, modality)
        if stance is not None:
            # The promise, threat or refusal is what happened; the act itself is future.
            trig = replace(trig, event=stance[0], cameo=stance[1], mode=None)
            modality = Modality()
        if default:
            ctx.default_recipients[(trig.event, index)] = default

        return self._build(token, trig, sent, index, ctx, actor, recipient, stated, joint, modality)

    def _build(self, token: Token, trig: Trigger, sent: Span, index: int, ctx: CodingContext, actor: list[Entity],
               recipient: list[Entity], stated: bool, joint: bool, modality: Modality) -> Event:
        date, precision = self._date(token, sent, ctx.document.published)
        if modality.background and not _recent(date, ctx.document.published):
            # A cause told as background is not news, unless the text dates it in the last
            # two weeks ("following a call between X and Y on 12 February").
            modality = replace(modality, hypothetical=True)
        place = self._place(token, sent)
        mode = trig.mode
        if trig.event == "CONSULT" and mode is None and place is not None:
            place_code = ctx.country_of(place)
            if place_code and any(r.code == place_code for r in recipient) and not any(a.code == place_code for a in actor):
                mode = "visit"
        # Several countries acting with no one on the receiving end act jointly
        # ("the DPRK and Russia signed the declaration").
        several = len({a.code for a in actor if a.code}) > 1
        symmetric = (trig.event in JOINT_TYPES and (joint or not recipient)) or (several and not recipient)
        context = contexts(token, trig.cameo)
        evidence = Evidence(sentence=index, start=sent.start_char, end=sent.end_char, text=sent.text.strip())
        confidence = 0.5 + 0.2 * stated + 0.2 * bool(recipient) + 0.05 * bool(date) + _clause_weight(token) - 0.2 * (not actor)
        return Event(
            id="", doc_id=ctx.document.id, event=trig.event, actor=tuple(actor), recipient=tuple(recipient),
            evidence=(evidence,), trigger=token.text, mode=mode, context=context, quad_code=QUAD[trig.event],
            intensity=intensity(trig.event, trig.cameo), date=date, date_precision=precision,
            location=place, cameo=trig.cameo, symmetric=symmetric, negated=modality.negated, future=modality.future,
            hypothetical=modality.hypothetical, confidence=round(min(max(confidence, 0.05), 0.95), 2),
        )


WEAPON_NOUNS = frozenset({"bomb", "bombing", "device", "mine", "minefield", "explosion", "blast", "rocket", "missile",
                          "shell", "shelling", "drone", "airstrike", "strike", "attack", "raid", "ambush", "fire"})


def _weapon_subject(token: Token, coder: EventCoder) -> Token | None:
    """The subject of a violent verb when it is a weapon or an attack, not an actor
    ("a roadside bombing killed ...", "US Predator attacks have killed ...")."""
    for subject in token.children:
        if subject.dep_ == "nsubj" and (subject.lemma_.lower() in WEAPON_NOUNS or any(
                QUAD[t.event] == 4 for t in coder._triggers(subject))):
            return subject
    return None


CLOSER = frozenset({"strengthen", "strengthening", "expand", "expansion", "deepen", "deepening", "develop",
                    "development", "boost", "enhance", "promote", "improve", "improvement"})
TIES = frozenset({"tie", "ties", "relation", "relations", "cooperation", "friendship", "partnership", "exchange", "exchanges"})


def _calls_for_closer_ties(token: Token) -> bool:
    """Whether a call is for closer ties ("called for strengthening ties with X")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for content in prep.children:
                if content.lemma_.lower() in CLOSER or content.lower_ in CLOSER:
                    if any(t.lemma_.lower() in TIES or t.lower_ in TIES for t in content.subtree):
                        return True
    return False


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


def _located_by_capital(token: Token) -> bool:
    """Whether a capital names where the noun it modifies is, not whose it is ("the London
    embassy", "a Kabul hotel"); countries and their adjectives do name the owner ("the DPRK
    embassy")."""
    return token.dep_ in {"compound", "nmod"} and load_gazetteer().countries.get(token.text, ("", ""))[1] == "capital"


def _has_content(token: Token) -> bool:
    """Whether an AGREE trigger states what is promised ("agreed to extend the mandate",
    "is committed to opening up", "offered concessions"): a commitment of one party, which
    needs no second one, unlike a bare "agreed" that reports a meeting of minds."""
    for child in token.children:
        if child.dep_ in {"xcomp", "dobj"} or (child.dep_ == "prep" and child.lower_ == "to" and _children(child, "pobj", "pcomp")):
            return True
    return False


def _hostile_content(token: Token, coder: EventCoder) -> bool:
    """Whether the act promised by a vow is material conflict ("vowed to retaliate")."""
    for clause in token.children:
        if clause.dep_ in {"xcomp", "ccomp", "acl"}:
            for node in (clause, *clause.conjuncts):
                if any(QUAD[t.event] == 4 for t in coder._triggers(node)):
                    return True
    return False


def _clause_weight(token: Token) -> float:
    """Main-clause acts are what a sentence reports; acts in relative or adverbial clauses
    ("where 24 people were killed") are background, so they weigh less."""
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


def _stated_intent(event: str, modality: Modality) -> tuple[str, str] | None:
    """The event a committed future act makes now, with its CAMEO code, if any.

    "will provide aid" is a promise (AGREE), "would impose martial law" and "will withdraw
    unless ..." are threats (THREATEN), "will not withdraw" is a refusal (REJECT). Plans and
    expectations ("plans to visit") commit nobody and stay future.
    """
    if not modality.committed or modality.hypothetical or event in {"AGREE", "THREATEN"}:
        return None
    if modality.negated:
        return ("REJECT", "120") if QUAD[event] in (1, 2) else None
    if modality.conditional or QUAD[event] == 4:
        return "THREATEN", "130"
    if QUAD[event] in (1, 2):
        return "AGREE", "030"
    return None


def _state_in_phrase(token: Token, actors: DocActors) -> str | None:
    """Country of a state named in a noun phrase's place modifier ("groups in Zimbabwe")."""
    frontier = [token]
    for _ in range(3):  # "the ministry of foreign affairs and cooperation of the UAE"
        nxt = []
        for node in frontier:
            for prep in node.children:
                if prep.dep_ == "prep" and prep.lower_ in {"in", "from", "throughout", "across", "of"}:
                    for obj in _children(prep, "pobj"):
                        entity = actors.place_at(obj.i)
                        if entity is not None and entity.code:
                            return entity.code
                        nxt.extend([obj, *obj.conjuncts])
        frontier = nxt
    return None


def _namesake(entity: Entity, ctx: CodingContext) -> Entity:
    """An organization with no country, given the country of the one body in the text whose
    fuller name ends with its name ("the Russian Foreign Ministry ... the Foreign Ministry")."""
    name = entity.entity_name.lower().removeprefix("the ").strip()
    if entity.code or entity.kind != "organization" or not name:
        return entity
    codes = {e.code for e in ctx.actors.entities
             if e.code and e.kind == "organization" and e.entity_name.lower().endswith(" " + name)}
    return replace(entity, code=codes.pop()) if len(codes) == 1 else entity


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


# Acts whose target, when the text names none, is the country where they happen: "evacuated
# settlements in X", "lifted a curfew in X", "tanks fired at targets in X".
PLACE_TARGET_TYPES = frozenset({"AID", "RETREAT", "CONCEDE", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# Acts done at home to one's own state when no other target is named: protesters protest to
# their government, police arrest and disperse their own citizens.
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE"})


# Sectors of unnamed groups of civilians, who address their own state's authorities.
CIVILIAN_SECTORS = frozenset({"CVL", "LAB", "EDU", "REL", "OPP", "MED", "BUS", "JRN", "REF"})
# Words that make an authority a foreign state's mission rather than one's own government.
MISSION_WORDS = frozenset({"embassy", "consulate", "mission", "ambassador", "envoy", "consul"})


def _compatriots(token: Token, recipient: list[Entity], sent: Span, ctx: CodingContext) -> list[Entity]:
    """The unnamed civilian group subject of ``token`` as a group of the one state its
    recipient's authorities belong to, or nothing."""
    subjects = _children(token, "nsubj")
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
    states = {e.code for e in ctx.actors.within(sent.start_char, sent.end_char) if e.kind == "state" and e.code}
    if states - codes:
        return []
    return [EventCoder._generic(subject, next(iter(codes)), sector)]


def _uncoded_inside(token: Token, ctx: CodingContext) -> list[Entity]:
    """The first person or organization without a country named inside the object of a
    verb trigger."""
    for obj in _children(token, "dobj"):
        for t in obj.subtree:
            entity = ctx.actors.at(t.i)
            if entity is not None and entity.kind in {"person", "organization"} and not entity.code:
                return [entity]
    return []


def _unnamed_target(token: Token, coder: EventCoder) -> Token | None:
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
            if obj.lemma_.lower() in GENERIC_ACTORS:
                return obj
    return None


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
        return recipient
    else:
        place = _place_entity(sent, ctx.actors)
        if place is not None:
            return [place]
    codes = {a.code for a in actor if a.code}
    if len(codes) == 1 and not recipient and target is not None and event in PLACE_TARGET_TYPES:
        return [EventCoder._generic(target, next(iter(codes)), GENERIC_ACTORS[target.lemma_.lower()])]
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
    """Country of the place where a sentence's act happens: "in"/"at" a place that modifies a
    verb or one of its arguments ("curfew in Algiers", "arrested in Kabul"), not a place
    nested deeper in a phrase ("in view of the situation in Ukraine"), which is what the act
    is about."""
    for token in sent:
        prep = token.head
        if prep.lower_ == "of" and prep.head.lower_ in preps:
            prep = prep.head  # "outside of the city"
        if token.dep_ == "pobj" and prep.lower_ in preps:
            # "in Basra", "in the Iraqi city of Basra", "in the city of Basra"
            entity = actors.place_at(token.i) or next(
                (e for c in token.children if c.dep_ in {"amod", "compound"} and (e := actors.place_at(c.i)) is not None),
                None) or _named_place(token, actors)
            held = prep.head
            if entity is not None and entity.code and (
                    held.pos_ in {"VERB", "AUX"} or held.dep_ in {"dobj", "nsubj", "nsubjpass", "ROOT"}):
                return entity
    return None




def place_country(sent: Span, actors: DocActors) -> str | None:
    """Country of the first place named after "in"/"at" in a sentence ("in Minsk" → BLR)."""
    for token in sent:
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
            entity = actors.place_at(token.i) or _named_place(token, actors)
            if entity is not None and entity.code:
                return entity.code
    return None


# Nouns that a place's name follows after "of" ("the city of Basra", "the province of Aceh").
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "port", "capital",
                         "island", "county", "governorate", "prefecture", "municipality", "area", "enclave", "territory"})


def _named_place(token: Token, actors: DocActors) -> Entity | None:
    """The place a place noun names: "city" in "the city of Basra" → Basra."""
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    for obj in _prep_objects(token, "of"):
        entity = actors.place_at(obj.i)
        if entity is not None:
            return entity
    return None


def bilateral_pair(actors: DocActors) -> tuple[Entity, ...]:
    """The two states a document is mostly about, for "both sides" and "the two countries"."""
    counts = Counter(e.code for e in actors.entities if e.kind == "state" and e.code)
    pair = [code for code, _ in counts.most_common(2)]
    out = []
    for code in pair:
        out.append(next(e for e in actors.entities if e.kind == "state" and e.code == code))
    return tuple(out)

