"""Arguments of an event: the parse gives them (the subject or the "by" agent of a passive is
the actor, the direct object or the objects of the trigger's prepositions the recipient), and
:mod:`communique.events.phrases` resolves their phrases to entities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.context import CodingContext
from communique.events.lexicon import Trigger
from communique.events.ontology import QUAD
from communique.events.phrases import PhraseReader
from communique.events.places import (
    _located_by_capital,
    _placed,
)
from communique.events.referents import (
    CLAIMING_VERBS,
    CREDIT_NOUNS,
    SERIES_NOUNS,
)
from communique.events.syntax import (
    _amount,
    _children,
    _is_passive,
    _nominal,
    _pos,
    _prep_objects,
    _stray_agent,
)
from communique.events.vocabulary import (
    CALLING_VERBS,
    FRAMING_TYPES,
    JOINT_TYPES,
    MOTION_VERBS,
    PERFORMING_FORMS,
    PERFORMING_VERBS,
    REACTION_TYPES,
    STATIVE_PARTICIPLES,
    TOPIC_PREPS,
)
from communique.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token


# Verbs that only pass on what happened ("the army said a bomb killed ..."), unlike announcing
# one's own act.
SAYING_VERBS = frozenset({"say", "tell", "report", "add"})
# Links inside a noun phrase or a coordination of them ("the Sudanese government and the rebels").
LEFT_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "case", "cc", "conj", "punct", "nummod", "appos"})


# What a speaker issues, whose words are the speaker's act ("in a statement accusing X").
MESSAGE_NOUNS = frozenset({"statement", "letter", "message", "communique", "note", "speech", "address", "interview",
                           "broadcast", "report", "declaration", "resolution"})


class ArgumentFinder(PhraseReader):
    """Finds the arguments of triggers: the actor (subject, "by" agent, owner of a noun) and
    the recipients (objects, the trigger's prepositions), as the entities their phrases
    refer to (:class:`~communique.events.phrases.PhraseReader`). The event coder inherits it
    and supplies :meth:`_triggers`."""

    def _subject(self, token: Token, ctx: CodingContext) -> tuple[list[Entity], bool]:
        """Actor of a verb: (entities, stated_in_sentence)."""
        stative = _is_passive(token) and token.lemma_.lower() in STATIVE_PARTICIPLES
        passive = _is_passive(token) and not stative
        node: Token | None = token
        for _ in range(4):
            if node is None:
                break
            if passive and node.i == token.i:
                agents = _prep_objects(node, "by")
                if agents:
                    return self.entities(agents[0], ctx), True
                stray = [e for agent in _stray_agent(token)[:1] for e in self.entities(agent, ctx) if e.code]
                # "was handed over at the border crossing by French authorities": the parser
                # hung the agent on the place before it
                stray = stray or [e for prep in _children(token, "prep") for o in _children(prep, "pobj") if not self._triggers(o)
                                  for agent in _prep_objects(o, "by")[:1] for e in self.entities(agent, ctx) if e.code]
                # "were urged to release X by ASEAN leaders": the parser hangs the agent on the
                # active verb below the passive one, which cannot have one of its own.
                stray = stray or [e for x in _children(token, "xcomp") if not _is_passive(x)
                                  for agent in _prep_objects(x, "by")[:1] if agent.dep_ == "pobj"
                                  for e in self.entities(agent, ctx) if e.code]
                if stray:
                    return stray, True
                # "was threatened with retaliation by Iran": the parser hung the agent on the
                # "with" phrase's noun
                hung = [e for o in _prep_objects(node, "with") for agent in _prep_objects(o, "by")
                        for e in self.entities(agent, ctx) if e.code]
                if hung:
                    return hung, True
            else:
                # "Arriving here were delegations of ...": the subject after an inverted "were".
                # "Chile is committed to ...": a subject the parser hung on the auxiliary, or
                # one it reads as the subject of a passive.
                subjects = _children(node, "nsubj") or [c for c in _children(node, "csubj") if _nominal(c).i != c.i] \
                    or [a for c in _children(node, "aux") for a in _children(c, "attr")] \
                    or [a for c in _children(node, "aux", "auxpass") for a in _children(c, "nsubj")] \
                    or (_children(node, "nsubjpass") if stative and node.i == token.i else [])
                subjects = [_nominal(subject) for subject in subjects]
                if node.dep_ == "relcl" and subjects and subjects[0].tag_ in {"WP", "WDT"} and node.head.dep_ in {
                        "nsubj", "nsubjpass", "dep", "ROOT"}:
                    # "X, who arrived in Y, held talks": the relative pronoun is the sentence's
                    # subject the clause is on
                    found = self.entities(node.head, ctx)
                    if any(e.code for e in found):
                        return found, True
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
            if node.dep_ in {"conj", "xcomp", "advcl", "ccomp", "acl", "pcomp", "relcl", "acomp", "prep"} and node.head.i != node.i:
                if node.dep_ == "relcl" and node.head.ent_type_ in {"DATE", "TIME"}:
                    # "On Monday, when receiving X, Y said ...": the clause belongs to the main verb
                    node = node.head
                    while node.dep_ in {"pobj", "prep", "npadvmod"} and node.head.i != node.i:
                        node = node.head
                    passive = False
                    continue
                if node.dep_ == "relcl":
                    return self.entities(node.head, ctx), True
                if node.dep_ == "acl" and node.i == token.i and node.head.pos_ in {"NOUN", "PROPN"} and (
                        node.tag_ in {"VBD", "VBG"} or node.lemma_.lower() in MOTION_VERBS
                        or node.tag_ == "VBN" and _children(node, "dobj") and not _children(node, "auxpass")):
                    # "a delegation ... left for Beijing", "protesters burning flags": the noun acts;
                    # so does "X, who arrived on Tuesday, held talks", a finite verb the parser
                    # took for a participle (a participle has no object).
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
                if node.dep_ == "pobj" and node.lemma_.lower() in MESSAGE_NOUNS and node.head.dep_ == "prep":
                    # "X, in a statement accusing Y of ..., said": the message is the speaker's
                    node = node.head
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

    def _recipients(self, token: Token, trig: Trigger, ctx: CodingContext, passive: bool,
                    exclude: frozenset[str] = frozenset(), own: frozenset[str] = frozenset()) -> tuple[list[Entity], bool]:
        """Recipient entities, and whether the partners act jointly ("between"); ``exclude``
        names the actor's entities, which a framing trigger's content does not aim at, and
        ``own`` the actor's countries, which it aims at only when it names no other."""
        if _pos(token) == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
            # "served Bosnian Serb forces with an ultimatum", "slapped Pyongyang with sanctions":
            # the verb's object receives the act
            objs = [e for o in _children(token.head.head, "dobj") for e in self.entities(o, ctx) if e.entity_name not in exclude]
            if any(e.code for e in objs):
                return objs, False
        holders = [token]
        if _pos(token) == "NOUN" and token.dep_ in {"dobj", "nsubjpass", "pobj"}:
            holders.append(token.head if token.dep_ != "pobj" else token.head.head)
            if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.dep_ == "dobj" and _amount(token.head.head):
                holders.append(token.head.head.head)  # "announced $40 million in aid for Haiti"
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
            # "its demand that X extradite ...", "its call for X to return": a noun's content
            # clause, with its own subject, hangs on it as "acl" or "advcl"
            clauses = _children(token, "ccomp", "xcomp") + [
                c for c in _children(token, "acl", "advcl") if _pos(token) == "NOUN" and _children(c, "nsubj")]
            home: list[Entity] = []
            for clause in clauses:
                for node in clause.subtree:
                    # "requested that the African Union mediate", with "mediate" taken for a
                    # noun: its subject becomes a compound
                    misparsed = node.dep_ == "compound" and node.head.i == clause.i and clause.pos_ == "NOUN" and any(
                        c.dep_ == "mark" for c in clause.children)
                    if (node.dep_ in {"nsubj", "dobj", "pobj", "dative"} or misparsed) and node.i != clause.i:
                        # The actor itself ("threatened to widen its war with X": "its") is
                        # not who the demand or threat is aimed at; look further.
                        named = [e for e in self.entities(node, ctx) if e.entity_name not in exclude]
                        if named and not any(e.code for e in named):
                            # "demanded that President X resign": X is of the place at stake
                            named = _placed(named, sent, ctx)
                        objs = [e for e in named if e.code]
                        if objs and {e.code for e in objs} <= own:
                            # "the minister warned that China would use force against X": the
                            # speaker's own state acts in the content; X is the one aimed at
                            home = home or objs
                        elif objs:
                            return objs, False
            for clause in _children(token, "ccomp", "xcomp"):
                # "demanded that Syrian President X step down", parsed as one long noun: a
                # party named only inside a modifier of the clause
                objs = [e for e in self._inside(clause, ctx) if e.entity_name not in exclude]
                if objs and not {e.code for e in objs} <= own:
                    return objs, False
                home = home or objs
            if home:
                return home, False
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
                    if not objs and holder.pos_ == "VERB":
                        # "allowed UN inspectors to visit": the parser makes the object the
                        # subject of the infinitive
                        objs = [s for c in _children(holder, "ccomp", "xcomp") if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                for s in _children(c, "nsubj")][:1]
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
            while head.head.i != head.i and ctx.actors.by_token.get(head.head.i) == ctx.actors.by_token.get(t.i):
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
        for prep in ("by", "of", "from"):  # "aid from Saudi Arabia", "pressure from Washington"
            if prep in trig.preps and not (prep == "of" and trig.event == "MOBILIZE"):
                continue  # but "the buildup of Russian forces": the forces' own state acts
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
        for _ in range(3):
            if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in SERIES_NOUNS:
                token = token.head.head  # "waged a campaign of ethnic cleansing": the campaign's doer
            elif token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
                token = token.head  # "launched a missile and drone attack": the first conjunct's verb
            else:
                break
        governor = token.head
        if token.dep_ == "pobj" and governor.lower_ == "in" and governor.head.dep_ == "dobj" and _amount(governor.head):
            # "announced 100 million euros in assistance": the sum is the verb's object
            token, governor = governor.head, governor.head.head
        if token.dep_ == "pobj" and governor.lower_ == "for" and governor.head.lemma_.lower() in CREDIT_NOUNS \
                and governor.head.dep_ == "dobj" and governor.head.head.lemma_.lower() in CLAIMING_VERBS:
            # "Islamic State claimed responsibility for the bombing": who claims an act made it
            return self._subject(governor.head.head, ctx)
        if token.dep_ in {"dobj", "attr"} or (token.dep_ == "pobj" and governor.head.pos_ == "VERB"):
            verb = governor if token.dep_ != "pobj" else governor.head
            if QUAD[trig.event] == 4 and verb.lemma_.lower() not in PERFORMING_VERBS and verb.lower_ not in PERFORMING_FORMS \
                    and not (trig.event == "PROTEST" and verb.lemma_.lower() in CALLING_VERBS):
                # "Sunak voiced concern over the attack": who speaks of an attack did not make it.
                return [], False
            return self._subject(verb, ctx)
        verb = token.head
        if token.dep_ == "nsubjpass" and (verb.lemma_.lower() in PERFORMING_VERBS or verb.lower_ in PERFORMING_FORMS
                                          or (trig.event == "PROTEST" and verb.lemma_.lower() in CALLING_VERBS)):
            # "a strike was called by unions", "sanctions were imposed by X": the agent performs it
            found = [e for agent in _prep_objects(verb, "by") for e in self.entities(agent, ctx)]
            if found:
                return found, True
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ in {"ccomp", "xcomp"} and token.head.head.i != token.head.i \
                and not (QUAD[trig.event] == 4 and token.head.head.lemma_.lower() in SAYING_VERBS):
            # (but "a roadside bomb killed three soldiers, the army said": who reports an attack did not make it)
            # "the ministry announced the expulsion of X declared ...": a misparse that hangs
            # the act on the clause below the announcing verb.
            found, stated = self._subject(token.head.head, ctx)
            if stated:
                return found, True
        if QUAD[trig.event] == 4:
            return [], False  # a material act is not the doing of whoever was last the subject
        return list(ctx.last_subject), False
