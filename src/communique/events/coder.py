"""The event coder: trigger words + dependency arguments → PLOVER events.

For each sentence, a lexicon of trigger lemmas (``data/event_lexicon.tsv``) proposes events;
the dependency parse gives their arguments (:mod:`communique.events.arguments`): the subject
(or the ``by`` agent of a passive) is the actor, the direct object or the objects of the
trigger's prepositions the recipient. A sentence without a subject inherits the actor of the
previous sentences. How a trigger is asserted (negated, future, a promise or threat) comes from
:mod:`communique.events.modality`; the place of an act and the parties it gives from
:mod:`communique.events.places`; protests told without a protest word (a crowd's violence, the
demand a protest is for) from :mod:`communique.events.protests`; acts done by saying ("X said
that Y must ...", warnings, dismissals) from :mod:`communique.events.speech`; what a clause's
content says from :mod:`communique.events.content`; the word sets from
:mod:`communique.events.vocabulary`. Mentions of one event in a document are merged into one event with several evidence spans.

This module keeps trigger selection (:meth:`EventCoder._triggers`) and event building; it also
exports :class:`CodingContext`, :func:`bilateral_pair` and :func:`place_country` for the other
extractors.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from communique.actors.resolve import DocActors
from communique.events.content import (
    ARRIVAL_VERBS,
    COOPERATION_INTENT,
    CUSTODY_NOUNS,
    DOMESTIC_ADDRESS_TYPES,
    NON_STATE_SECTORS,
    STATE_SECTORS,
    _calls_for_closer_ties,
    _clause_weight,
    _domestic_counterpart,
    _has_content,
    _hostile_content,
    _infinitive_complements,
    _refused_content,
    _unnamed_owner,
    intent_with_partner,
    negated_acceptance,
)
from communique.events.context import CodingContext
from communique.events.dates import resolve_date
from communique.events.lexicon import Trigger, contexts, load_lexicon
from communique.events.merge import merge, pairwise
from communique.events.modality import Modality, _recent, _stated_intent, modality_of
from communique.events.ontology import QUAD, intensity
from communique.events.places import (
    CIVILIAN_SECTORS,
    MISSION_WORDS,
    OWNER_DEPS,
    ROUTE_PREPS,
    _compatriots,
    _home_recipient,
    _local_attackers,
    _modifier_places,
    _of_sole_state,
    _place_entity,
    _placed,
    _state_in_phrase,
    _uncoded_inside,
    act_place,
    place_country,
    sole_state,
)
from communique.events.protests import (
    MISSION_PREPS,
    OBSTRUCTING_VERBS,
    PROTEST_ACT,
    PROTEST_SITES,
    RIOTING_CROWDS,
    civilian_subject,
    civilians_at_protest,
    civilians_fight_forces,
    crowd_demanding,
    protest_purpose,
    protesters_act,
)
from communique.events.readings import TriggerReader
from communique.events.referents import (
    AUTHORITY_NOUNS,
    _reporting_subject,
    _unnamed_target,
    _weapon_subject,
    bilateral_pair,
)
from communique.events.speech import SpeechActs
from communique.events.syntax import (
    _amount,
    _children,
    _is_passive,
    _pos,
    _prep_objects,
    _state_measure,
    _subject_word,
    _unnamed,
)
from communique.events.typer import SentenceTyper, load_typer
from communique.events.vocabulary import (
    CHARGED_ACTS,
    CIRCUMSTANCE_PREPS,
    CONTENT_LINKS,
    DECISION_WORDS,
    FRAMING_TYPES,
    JOINT_TYPES,
    LABELLING_VERBS,
    MET_WITH_NOUNS,
    NEAR_PREPS,
    NO_COMMENT_VERBS,
    POSSIBILITY_AUX,
    PURSUING_VERBS,
    REACTION_TYPES,
    REPORTING_VERBS,
    RESPONSE_WORDS,
    TWO_PARTY_TYPES,
    UNKNOWN_ACTOR_TYPES,
    VOW_VERBS,
)
from communique.nlp import ents_in
from communique.records import Document, Entity, Event, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# The sentence typer's probability a type needs before the back-off codes it, and the most
# confidence a back-off event gets (a rule-coded event with a named actor has 0.3 to 0.95).
BACK_OFF_MIN = 0.5
BACK_OFF_CONFIDENCE = 0.3


def _depth(token: Token) -> int:
    """How many heads up from ``token`` the root of its sentence is."""
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


# Words that make a deployment a peacekeeping one.
PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peacekeeper", "peace-keeping", "peace-keeper"})


class EventCoder(TriggerReader, SpeechActs):
    """Codes the events of parsed, actor-resolved documents."""

    def __init__(self, typer: SentenceTyper | None = None, *, back_off: bool = False) -> None:
        self.lexicon = load_lexicon()
        # The learned model asked about sentences the rules code nothing in: ``typer``, or with
        # ``back_off`` the shipped one; None (the default) codes with the rules alone.
        self.typer = typer or (load_typer() if back_off else None)

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

    def _own_possible_act(self, token: Token, actor: list[Entity], ctx: CodingContext) -> bool:
        """Whether ``token`` is a "could"/"might"/"may" act that a reporting verb's subject says
        its own side could take ("Peru said it could expel", not "analysts said Peru could")."""
        if not any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in token.children):
            return False
        if token.dep_ != "ccomp" or token.head.lemma_.lower() not in REPORTING_VERBS | {"threaten"}:
            return False
        speaker, stated = self._subject(token.head, ctx)
        codes = {a.code for a in actor if a.code}
        return stated and bool(codes) and {a.code for a in speaker if a.code} == codes

    def _is_content_of_frame(self, token: Token) -> bool:
        head = token.head
        if _pos(token) == "NOUN" and token.dep_ in {"dobj", "nsubjpass", "pobj", "compound"} and head.i != token.i:
            governor = head.head if token.dep_ == "pobj" else head
            if token.dep_ == "pobj" and head.lower_ in CIRCUMSTANCE_PREPS and not (head.lower_ == "in" and _amount(head.head)):
                return False  # "following a call between X and Y, they agreed": not what was agreed
            frames = self._triggers(governor)
            if frames and frames[0].event in REACTION_TYPES and frames[0].mode != "yield" and any(
                    QUAD[t.event] == 4 for t in self._triggers(token)):
                return False  # "condemned the missile launch": the launch happened too
            if frames and frames[0].event == "MOBILIZE" and any(t.event == "ASSAULT" for t in self._triggers(token)):
                return False  # "launched a missile attack on X": the attack, not only the weapons
            if frames or (token.dep_ == "nsubjpass" and any(
                    self._triggers(c) for c in head.children if c.dep_ == "acl")):
                return True
        if token in _infinitive_complements(head) and any(t.event in FRAMING_TYPES for t in self._triggers(head)):
            # "appealed to the guerrillas to free the passengers": what was asked for; but in
            # "decided to recall its ambassador" the recall is the event
            return not (head.lemma_.lower() in DECISION_WORDS and any(QUAD[t.event] == 4 for t in self._triggers(token)))
        if token.dep_ not in {"xcomp", "ccomp", "acl", "pcomp", "pobj", "dobj", "conj"} or head.i == token.i:
            return False
        node = token
        for step in range(8):
            if node.dep_ not in CONTENT_LINKS or node.head.i == node.i:
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

    # -- coding ---------------------------------------------------------------------------------

    def code(self, doc_sents: list[Span], document: Document, actors: DocActors) -> list[Event]:
        """All events of one document, merged so that each real event appears once."""
        ctx = CodingContext(document=document, actors=actors, pair=bilateral_pair(actors))
        found: list[Event] = []
        last_place: str | None = None
        for index, sent in enumerate(doc_sents):
            before = len(found)
            place = place_country(sent, actors) or place_country(sent, actors, ROUTE_PREPS)
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
                if (token.lemma_.lower() in PURSUING_VERBS or token.lemma_.lower() in CHARGED_ACTS) and token.dep_ == "ccomp":
                    charge = self._charged_statement(token, sent, index, ctx)
                    if charge is not None:
                        found.extend(pairwise(charge))
                if token.lemma_.lower() in RESPONSE_WORDS:
                    warning = self._warned_response(token, sent, index, ctx)
                    if warning is not None:
                        found.extend(pairwise(warning))
                if intent_with_partner(token, self) and not self._triggers(token):
                    event = self._event(token, COOPERATION_INTENT, sent, index, ctx)
                    if event is not None:
                        found.extend(pairwise(event))
                if (protesters_act(token) or crowd_demanding(token)) and not self._triggers(token):
                    # "Thousands of protesters gathered outside the embassy": what protesters
                    # do together is a protest.
                    event = self._event(token, PROTEST_ACT, sent, index, ctx)
                    if event is not None:
                        found.extend(pairwise(event))
            if len(found) == before and self.typer is not None:
                event = self._back_off(sent, index, ctx, found)
                if event is not None:
                    found.extend(pairwise(event))
            for token in sent:
                if token.dep_ == "nsubj" and token.head.pos_ in {"VERB", "AUX"}:
                    subject = self.entities(token, ctx)
                    if subject:
                        ctx.last_subject = tuple(subject)
        return [self._defaulted(e, ctx) for e in merge(found, document.id)]

    def _back_off(self, sent: Span, index: int, ctx: CodingContext, found: list[Event]) -> Event | None:
        """The event of a sentence the rules code nothing in, if the sentence typer reads it as
        reporting one of a type that a trigger word of the sentence can have: that word's
        reading of the type is coded as the rules code any trigger (the same arguments, the
        same checks), only without its object condition; the word nearest the root is tried
        first. Its confidence is at most :data:`BACK_OFF_CONFIDENCE`. An event of a type and
        parties the rules already coded in the document (``found``) is no new event."""
        assert self.typer is not None
        candidates = [(token, trig) for token in sent if not self._is_content_of_frame(token)
                      for trig in self._readings(token)]
        if not candidates:
            return None
        probabilities = self.typer.probabilities(sent)
        best = max({trig.event for _, trig in candidates}, key=lambda t: probabilities.get(t, 0.0))
        if probabilities.get(best, 0.0) < BACK_OFF_MIN:
            return None
        typed = sorted(((token, trig) for token, trig in candidates if trig.event == best),
                       key=lambda c: (_depth(c[0]), c[0].i))
        for token, trig in typed:
            event = self._event(token, trig, sent, index, ctx)
            if event is None:
                continue
            # "X signed for the UAE while Y signed for the US", after the signing: told again
            parties = {e.code for e in (*event.actor, *event.recipient) if e.code}
            if any(f.event == event.event and parties <= {e.code for e in (*f.actor, *f.recipient)} for f in found):
                return None
            return replace(event, confidence=min(event.confidence, BACK_OFF_CONFIDENCE))
        return None

    def _readings(self, token: Token) -> tuple[Trigger, ...]:
        """Every reading of ``token``: those whose object condition holds, else all the lexicon
        lists for its lemma (the back-off weighs them, not their objects)."""
        return self._triggers(token, every=True) or self._triggers(token, every=True, conditions=False)

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

    def _event(self, token: Token, trig: Trigger, sent: Span, index: int, ctx: CodingContext) -> Event | None:
        if token.tag_ == "VB" and token.dep_ == "ROOT" and not _children(token, "nsubj", "aux"):
            return None  # an imperative ("Support us or become a patron") reports nothing
        if trig.pos == "VERB" and not _children(token, "dobj") and any(
                self._triggers(act) for by in _children(token, "prep") if by.lower_ == "by" for act in _children(by, "pcomp")):
            return None  # "retaliated by expelling diplomats": the expulsion is the act, coded on its own
        passive = trig.pos == "VERB" and _is_passive(token)
        if trig.event in {"ASSAULT", "COERCE"} and trig.pos == "VERB" and not passive and (
                protesters_act(token, RIOTING_CROWDS) or civilians_at_protest(token, self)):
            # "Protesters clashed with police", "rioters torched cars", "looted shops": a crowd's
            # violence is a violent protest (CAMEO 145), its occupying a building or a road an
            # obstruction.
            occupying = trig.mode == "territory"
            trig = replace(trig, event="PROTEST", mode="obstruct" if occupying else "riot", cameo="144" if occupying else "145")
        elif trig.event == "ASSAULT" and trig.pos == "VERB" and not passive and civilians_fight_forces(token):
            # "Kurdish villagers stoned gendarmes", "youths clashed with police": unarmed
            # civilians fighting the forces of order riot (CAMEO 145)
            trig = replace(trig, event="PROTEST", mode="riot", cameo="145")
        elif trig.event == "SANCTION" and trig.pos == "VERB" and not passive and trig.lemma in OBSTRUCTING_VERBS and (
                protesters_act(token, RIOTING_CROWDS) or civilians_at_protest(token, self) or civilian_subject(token)):
            # "protesters blockaded the airport", "opposition lawmakers boycotted the session":
            # civilians and parties obstructing or staying away protest (CAMEO 143/144)
            boycott = trig.lemma == "boycott"
            trig = replace(trig, event="PROTEST", mode="boycott" if boycott else "obstruct", cameo="143" if boycott else "144")
        if trig.event == "MOBILIZE" and trig.pos == "VERB" and any(
                t.lemma_.lower() in PEACEKEEPING_WORDS for c in token.children if c.dep_ not in {"nsubj", "nsubjpass"} for t in c.subtree):
            # "sent 1,500 troops to Liberia as part of a peacekeeping force": troops sent to keep
            # the peace protect (CAMEO 074), they do not threaten
            trig = replace(trig, event="AID", mode="peacekeeping", cameo="074")
        purpose = token.head if token.dep_ == "dobj" and trig.pos == "NOUN" else token
        if trig.event != "PROTEST" and protest_purpose(purpose, self):
            # "went on hunger strike to demand X", "began a hunger strike to force the
            # government's resignation": the protest is the act, what it is for only its aim
            return None
        if trig.event == "REJECT" and any(x.lemma_.lower() in NO_COMMENT_VERBS for x in _children(token, "xcomp")):
            return None  # "declined to comment", "refused to go into details": no one is rebuffed
        if trig.event == "CONSULT" and trig.pos == "VERB" and any(
                o.lemma_.lower() in MET_WITH_NOUNS for o in _prep_objects(token, "with")):
            return None  # "will be met with a firm response", "met with criticism": no meeting
        if trig.pos == "VERB":
            actor, stated = self._subject(token, ctx)
            if passive and not stated and QUAD[trig.event] == 4:
                actor = []  # "Several people were killed": not the doing of the last subject
                if trig.event == "MOBILIZE":
                    # "Venezuelan soldiers were deployed along the border": a state moves its own
                    actor = [e for s in _children(token, "nsubjpass") for e in self.entities(s, ctx) if e.code]
                    stated = bool(actor)
        else:
            actor, stated = self._noun_actor(token, trig, ctx)
        if trig.event in JOINT_TYPES and len(ctx.last_parties) > 1 and _subject_word(token) == "they":
            actor = list(ctx.last_parties)  # "X met Y. They agreed to ...": both of them
        # Partners that agree "that their countries should ..." are the actors, not a sign to
        # look for a recipient deeper in what they agreed.
        # A single party's promise "to end its conflict with X" is aimed past its own "its".
        partners = len({a.code for a in actor if a.code}) > 1
        exclude = frozenset() if trig.event in JOINT_TYPES and partners else frozenset(a.entity_name for a in actor)
        own = frozenset() if trig.event in JOINT_TYPES else frozenset(a.code for a in actor if a.code)
        recipient, joint = self._recipients(token, trig, ctx, passive, exclude, own)
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
        if trig.lemma in ARRIVAL_VERBS or trig.cameo == "161":
            # "The Kenyan president arrived in Nairobi": arriving home is no visit (though a
            # leader visiting a province of their own country is a domestic one); "recalled its
            # ambassador to Paris" calls the envoy home, and is aimed at the country left
            recipient = [r for r in recipient if r.code not in {a.code for a in actor}]
        if trig.event in JOINT_TYPES and len({a.code for a in actor if a.code}) > 1:
            # "India and China agreed to pull back their troops": the partners' own people
            # are not a party besides them.
            codes = {a.code for a in actor}
            recipient = [r for r in recipient if r.code not in codes]
        if trig.event == "PROTEST" and not any(r.code for r in recipient):
            # "demonstrated outside the French embassy": the state whose mission it is
            codes = {a.code for a in actor}
            recipient = [e for prep in MISSION_PREPS for o in _prep_objects(token, prep) if o.lemma_.lower() in PROTEST_SITES
                         for e in self.entities(o, ctx) if e.code and e.code not in codes][:1] or recipient
        if trig.event == "REJECT" and trig.pos == "VERB" and not recipient:
            # "declined an offer of mediation from Saudi Arabia": the offer's "from" phrase,
            # which the parser hung on the verb
            codes = {a.code for a in actor}
            recipient = [e for o in _prep_objects(token, "from") for e in self.entities(o, ctx) if e.code and e.code not in codes]
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
        custody = [o for o in _prep_objects(token, "from") if o.lemma_.lower() in CUSTODY_NOUNS] if passive else []
        if not actor and custody and trig.event == "RETREAT":
            # "Several opposition politicians were freed from prison in Belarus": the state
            # where the prison is holds and releases its prisoners
            actor = _unnamed("authorities", act_place(sent, ctx.actors) or _state_in_phrase(custody[0], ctx.actors), "GOV", token)
        if not actor and trig.event == "PROTEST" and (trig.pos == "NOUN" and token.dep_ in {"nsubj", "nsubjpass", "ROOT"}
                                                      or trig.pos == "VERB" and protesters_act(token, RIOTING_CROWDS)):
            # "Violent protests erupted in Tunis", "demonstrators took to the streets of Tunis":
            # protesters the text leaves unnamed, who are, like any unnamed group, of the place
            # where they protest.
            # ("blockaded Bangkok's airport": the site they block is where they are)
            site = next((e.code for o in _children(token, "dobj") for e in _modifier_places(o, ctx.actors, OWNER_DEPS)
                         if e.code), None) if trig.mode == "obstruct" else None
            actor = _unnamed("protesters", act_place(sent, ctx.actors, NEAR_PREPS | ROUTE_PREPS) or site, "CVL", token)
        if not actor and passive and trig.mode in {"expel", "deport"}:
            # "Russian diplomats were expelled from Germany": the state they must leave acts.
            actor = [e for o in _prep_objects(token, "from") for e in self.entities(o, ctx) if e.code and e.kind == "state"]
            stated = bool(actor)
        if not actor and passive and trig.event == "COERCE" and _state_measure(token):
            # "A curfew was imposed in Srinagar": only the authorities of the place impose one.
            actor = _unnamed("authorities", act_place(sent, ctx.actors), "GOV", token)
        if actor and not any(e.code for e in actor):
            actor = _placed(actor, sent, ctx)
        if actor and not any(e.code for e in actor):
            actor = _of_sole_state(actor, token, ctx)
        if not any(e.code for e in actor) and trig.event in UNKNOWN_ACTOR_TYPES:
            actor = _local_attackers(token, passive, recipient, sent, ctx) or actor
            stated = stated or bool(actor)
        if trig.event == "RETREAT" and trig.mode == "withdraw" and actor and all(
                a.kind == "group" and a.sector in CIVILIAN_SECTORS for a in actor):
            # "protesters ended their occupation of the airport": civilians giving up a protest
            # ease their dissent (CAMEO 082); only armed forces retreat
            trig = replace(trig, event="CONCEDE", mode=None, cameo="082")
        if trig.event == "PROTEST" and trig.mode == "obstruct" and actor and not civilian_subject(token) and all(
                a.kind == "state" or a.sector in STATE_SECTORS for a in actor):
            # "India blockaded the border towns", "troops blocked the road to the airport": a
            # state closing routes restricts movement (CAMEO 191); only civilians obstruct in protest
            trig = replace(trig, event="COERCE", mode="restrict", cameo="191")
        if actor and trig.event in DOMESTIC_ADDRESS_TYPES and not any(r.code for r in recipient):
            recipient = _domestic_counterpart(token, trig, actor, sent, ctx) or recipient
        default: tuple[Entity, ...] = ()
        if actor and not recipient and trig.event not in JOINT_TYPES:
            # "dismissed an appeal from President X": a person or body the text gives no
            # country, inside the object, is the recipient if the place of the act gives one.
            recipient = [e for e in _placed(_uncoded_inside(token, ctx), sent, ctx) if e.code]
        # a concession made to no partner ("lifted the curfew in X") is aimed at a place too
        if actor and not any(r.code for r in recipient) and (trig.event not in JOINT_TYPES or trig.event == "CONCEDE" and not joint):
            target = _unnamed_target(token, self) or (_unnamed_owner(token) if trig.event == "REJECT" else None)
            home = _home_recipient(actor, recipient, trig.event, sent, ctx, target)
            if recipient:
                recipient = home
            else:
                # Only a default: another mention of the event may name its recipient, so the
                # default is applied after merging (see :meth:`code`).
                default = tuple(home)
        noun_reported = trig.pos == "NOUN" and token.dep_ in {"nsubj", "nsubjpass", "ROOT"}
        # (an attack noun whose own verb is an act, "a bombing killed a soldier", leaves the
        # victims to that verb's event)
        unknown_attack = weapon is not None or (noun_reported and trig.event in UNKNOWN_ACTOR_TYPES
                                                and not self._triggers(token.head))
        story_place = ctx.sentence_place.get(sent.start) if unknown_attack else None
        if not actor and unknown_attack and not any(r.code for r in recipient):
            # "A car bomb exploded near the parliament in Ankara", "a bomb ripped through a
            # market in Kabul": the place was attacked.
            place = _place_entity(sent, ctx.actors, NEAR_PREPS) or next(
                (e for e in ctx.actors.entities if e.kind == "state" and e.code and e.code == story_place), None)
            recipient = [place] if place is not None else []
            # "exploded outside the US embassy in Nairobi": the state whose mission it is
            recipient = [e for prep in MISSION_PREPS for o in _prep_objects(token, prep) if o.lemma_.lower() in MISSION_WORDS
                         for e in self.entities(o, ctx) if e.code][:1] or recipient
        if not actor and trig.event in UNKNOWN_ACTOR_TYPES and any(r.code for r in recipient) and (passive or noun_reported or weapon is not None):
            # "Three soldiers were killed", "airstrikes against X": violence by someone unnamed,
            # who, like any unnamed group, is of the country where the violence happens.
            where = act_place(sent, ctx.actors, NEAR_PREPS) or story_place or sole_state(token, ctx)
            unknown = _unnamed("unidentified attackers", where, None, token)
            return self._build(token, trig, sent, index, ctx, unknown, recipient, False, False, modality_of(token))
        if not actor or not any(e.code for e in actor + recipient):
            return None
        if trig.event == "AGREE" and not recipient and actor and all(
                a.kind == "group" and a.sector in NON_STATE_SECTORS for a in actor) and len({a.code for a in actor}) == 1:
            # "a rebel alliance agreed to abide by the ceasefire": an unnamed domestic group
            # commits itself to its own state
            own_state = next((e for e in ctx.actors.entities if e.kind == "state" and e.code == actor[0].code), None)
            recipient = [replace(own_state, sector="GOV")] if own_state is not None else recipient
        # ("Government negotiators and Zapatista rebels resumed talks": two parties of one country)
        if trig.event in TWO_PARTY_TYPES and not recipient and len({(e.code, e.entity_name) for e in actor}) < 2 \
                and not (trig.event == "AGREE" and _has_content(token)):
            return None
        if "!" in trig.preps and not recipient:
            return None
        modality = modality_of(token)
        if trig.event == "AGREE" and trig.lemma in DECISION_WORDS and _hostile_content(token, self):
            return None  # "the decision to expel diplomats" is the expulsion, coded on its own
        if trig.event == "AGREE" and trig.lemma in VOW_VERBS and _hostile_content(token, self):
            # "vowed to retaliate", "swore to fight on": a promise of violence is a threat.
            trig = replace(trig, event="THREATEN", cameo="130")
        elif trig.event == "AGREE" and trig.lemma in VOW_VERBS and _refused_content(token, self):
            # "vowed never to recognise X": a promise not to cooperate is a refusal.
            trig = replace(trig, event="REJECT", cameo="120")
        stance = _stated_intent(trig.event, modality)
        if stance is None and modality.hypothetical and not modality.negated and QUAD[trig.event] == 4 \
                and self._own_possible_act(token, actor, ctx):
            # "X said it could cut ties with Y", "X warned that its army might strike": a hostile
            # act the speaker says its own side could take is a threat made now.
            stance = ("THREATEN", "130")
        if negated_acceptance(trig, modality):
            # "Y would not accept the mediation", "did not accept the plan": a refusal.
            stance, modality = ("REJECT", "120"), replace(modality, negated=False, future=False)
        if stance is None and trig.event in {"REJECT", "THREATEN"} and modality.committed \
                and not (modality.hypothetical or modality.negated):
            modality = Modality()  # "will keep the embargo in place", "would issue an ultimatum": stated now
        if stance is not None:
            # The promise, threat or refusal is what happened; the act itself is future.
            trig = replace(trig, event=stance[0], cameo=stance[1], mode=None)
            modality = Modality()
        if trig.event == "THREATEN" and not any(r.code for r in recipient):
            # "X would retaliate if Y fired more rockets": the threat is aimed at whoever the
            # condition's subject is
            codes = {a.code for a in actor}
            recipient = [e for clause in {token, token.head} for c in _children(clause, "advcl")
                         if any(m.lower_ in {"if", "unless", "should"} for m in _children(c, "mark"))
                         for s in _children(c, "nsubj") for e in self.entities(s, ctx) if e.code and e.code not in codes] or recipient
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
