"""Who is speaking: the subject of a reporting verb resolved to an actor entity.

Beyond the named entities that :mod:`communique.actors` finds, a speaker is often written as
a pronoun ("he said"), a definite description ("the ministry", "the spokesperson", "the
ambassador"), a document ("the commentary says", "the statement said") or a group ("police
said"). :class:`SpeakerResolver` keeps what one document has said so far (its speakers, the
documents they issued, the subjects of its sentences) and resolves these back to entities.

People whose country the actor resolver could not fix get it from their own noun phrase
("Iranian Foreign Minister X", "X, head of the Syrian Red Crescent") or, for officials whose
title names no country ("Foreign Ministry spokesperson"), from the document's home country:
its dateline place, its dateline agency, its outlet, else the state it names most often.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from communique.actors.gazetteer import load_gazetteer
from communique.actors.resolve import ActorResolver, DocActors
from communique.events.coder import CodingContext, EventCoder, bilateral_pair, place_country
from communique.nlp import doc_text
from communique.records import Document, Entity
from communique.statements.verbs import DOCUMENT_NOUNS, ISSUED_BY_VERB, SPOKESPERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
OTHER_PRONOUNS = frozenset({"it", "they", "them"})
# First and second persons speak inside a quotation; outside one they name nobody we know.
SPEAKING_PRONOUNS = frozenset({"i", "me", "we", "us", "you"})
# Sectors of public offices (None: the affiliation decides, as for "Chairman").
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Verbs by which an actor issues a document ("published a commentary").
PUBLISHING_VERBS = frozenset(
    {"publish", "issue", "release", "carry", "run", "post", "deliver", "make", "send"}
)
# Media named by what they are rather than by name ("state media", "official television").
MEDIA_NOUNS = frozenset(
    {"media", "television", "tv", "radio", "press", "agency", "newspaper", "broadcaster"}
)
OFFICIAL = frozenset(
    {"state", "official", "government", "state-run", "state-owned", "government-run"}
)
# Modifiers that make a noun phrase definite enough to point back to an earlier speaker.
DEFINITE = frozenset({"the", "this", "that"})
# How many sentences back a pronoun or a definite description may reach for its speaker.
PRONOUN_REACH = 2
DESCRIPTION_REACH = 12
# An acronym in parentheses right after a name: "the Greek Communist Party (KKE)".
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _official(title: str) -> bool:
    """Whether a title is a public office ("Foreign Ministry spokesperson", "Minister"), whose
    holder a story need not say the country of; not "Archbishop" or "professor"."""
    gaz = load_gazetteer()
    sectors = [sector for _s, _e, sector, _rank in gaz.find_titles(title)]
    sectors += [m.sector for m in gaz.head_sectors(title)]
    return bool(sectors) and all(sector in OFFICIAL_SECTORS or sector is None for sector in sectors)


@dataclass
class _Said:
    """A speaker the document has already quoted."""

    sentence: int
    entity: Entity
    head: str  # lemma of the subject's head noun ("ministry"), "" for names


@dataclass
class SpeakerResolver:
    """Resolves speakers within one document, remembering what came before."""

    document: Document
    actors: DocActors
    doc: Doc
    resolver: ActorResolver = field(default_factory=ActorResolver)
    said: list[_Said] = field(default_factory=list)
    issued: dict[str, Entity] = field(default_factory=dict)  # "commentary" -> Rodong Sinmun
    subjects: dict[int, list[Entity]] = field(default_factory=dict)  # sentence -> main subjects
    place: str | None = None
    home: str | None = None
    acronyms: dict[str, Entity] = field(default_factory=dict)
    _sentence_starts: list[int] | None = None

    def __post_init__(self) -> None:
        self.coder = EventCoder()
        self.ctx = CodingContext(
            document=self.document, actors=self.actors, pair=bilateral_pair(self.actors)
        )
        self.home = self._home_country()
        text = self.document.text
        for entity in self.actors.entities:
            m = _ACRONYM.match(text, entity.end + 1) if entity.code else None
            if m and text[entity.end : m.start()] == " ":
                self.acronyms.setdefault(m.group(1), entity)

    # -- the document's context -------------------------------------------------------------

    def _home_country(self) -> str | None:
        """Country of a document's own officials: dateline place or agency, outlet, main state."""
        gaz = load_gazetteer()
        if self.actors.fallback_country:
            return self.actors.fallback_country
        dateline = self.document.dateline
        candidates = [dateline.outlet if dateline else None, self.document.outlet]
        for text in candidates:
            if not text:
                continue
            code, _sector = self.resolver.affiliation(text)
            if code and code not in {"IGO", "NGO", "MNC"}:
                return code
            found = gaz.org_names.get(text.strip())
            if found and found[0]:
                return found[0]
        counts = Counter(e.code for e in self.actors.entities if e.kind == "state" and e.code)
        ranked = [*counts.most_common(2), ("", 0), ("", 0)]
        # Only a state the story centres on: named more often than any other.
        return ranked[0][0] if ranked[0][1] > ranked[1][1] else None

    def begin_sentence(self, index: int, sent: Span) -> None:
        """Note the sentence's place (kept for later sentences that name none)."""
        place = place_country(sent, self.actors)
        if place:
            self.place = place
        self.ctx.sentence_place[sent.start] = place or self.place or self.actors.fallback_country

    def end_sentence(self, index: int, sent: Span) -> None:
        """Remember the sentence's main subjects and the documents its actors issued."""
        subjects: list[Entity] = []
        for token in sent:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
                subjects.extend(self._direct(token))
            lemma = token.lemma_.lower()
            if lemma not in DOCUMENT_NOUNS:
                continue
            # "X said in a commentary", "X published a commentary"
            if token.dep_ == "pobj" and token.head.lower_ in {"in", "through", "via"}:
                verb = token.head.head
            elif token.dep_ == "dobj" and token.head.lemma_.lower() in PUBLISHING_VERBS:
                verb = token.head
            else:
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                for entity in self._direct(subject):
                    self.issued[lemma] = entity
        self.subjects[index] = subjects

    def record(self, index: int, entity: Entity, token: Token | None, verb: Token | None) -> None:
        """Remember a speaker (and what they issued: "X said in a commentary")."""
        head = token.lemma_.lower() if token is not None and token.pos_ in {"NOUN", "PROPN"} else ""
        self.said.append(_Said(index, entity, head))
        if verb is not None:
            issued = ISSUED_BY_VERB.get(verb.lemma_.lower())
            if issued:
                self.issued[issued] = entity
            for prep in (
                c
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in {"in", "through", "via"}
            ):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    if obj.lemma_.lower() in DOCUMENT_NOUNS:
                        self.issued[obj.lemma_.lower()] = entity

    # -- resolution -------------------------------------------------------------------------

    def _direct(self, token: Token) -> list[Entity]:
        found = self.actors.at(token.i)
        if found is not None:
            return [found]
        if token.pos_ == "PRON":
            return []
        return self.coder.entities(token, self.ctx)

    def resolve(self, token: Token, index: int) -> list[Entity]:
        """Entities that the speaker phrase headed by ``token`` (in sentence ``index``) names."""
        found = self._resolve(token, index)
        out: list[Entity] = []
        for entity in found:
            if entity.kind == "group" and token.pos_ in {"NOUN", "PROPN"}:
                # "rebels claiming …": the group is the noun phrase, not the whole clause.
                phrase, start, end = self._phrase(token)
                entity = replace(
                    entity, entity_text=phrase, entity_name=phrase, start=start, end=end
                )
            entity = self.complete(entity, token)
            quoted = token.dep_ == "dobj" and token.head.lemma_.lower() == "quote"
            if entity.kind == "person" and not entity.code and quoted:
                # "Ethiopian television quoted Prime Minister X as saying": a person whose
                # country the text never gives speaks to media of their own country.
                for source in (c for c in token.head.children if c.dep_ == "nsubj"):
                    medium = next((e for e in self.resolve(source, index) if e.code), None)
                    if medium is not None:
                        entity = replace(entity, code=medium.code)
            if all(entity.entity_name != e.entity_name for e in out):
                out.append(entity)
        return out

    def _resolve(self, token: Token, index: int) -> list[Entity]:
        lower = token.lower_
        if lower in SPEAKING_PRONOUNS:
            return []
        if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | OTHER_PRONOUNS:
            return self._pronoun(token, index)
        if self.actors.at(token.i) is not None:
            return self.coder.entities(token, self.ctx)  # the name and any coordinated names
        # "the newspaper Aftenposten", "the agency TASS": a name right after the noun.
        if token.pos_ == "NOUN" and token.i + 1 < len(token.doc):
            named = self.actors.at(token.i + 1)
            if (
                named is not None
                and named.start == token.doc[token.i + 1].idx
                and named.kind != "state"
            ):
                return [named]
        # "the officer in charge, Jane Roe, said": the name in apposition is the speaker.
        for appos in (c for c in token.children if c.dep_ == "appos"):
            named = self.actors.at(appos.i)
            if named is not None and named.kind in {"person", "organization"}:
                return [named]
        if token.pos_ in {"NOUN", "PROPN"}:  # a description, not a name: "the ministry"
            owner = self._owner(token, index)
            if owner:
                return [self._described(token, e) for e in owner]
            modifiers = [
                c for c in token.children if c.dep_ in {"compound", "amod", "nmod", "poss", "prep"}
            ]
            if not modifiers and any(c.lower_ in DEFINITE for c in token.children):
                earlier = self._earlier_speaker(token.lemma_.lower(), index)
                if earlier is not None:
                    return [earlier]
        found = self.coder.entities(token, self.ctx)
        if found:
            return [self._described(token, e) for e in found]
        if token.pos_ == "NOUN":
            return self._description(token, index)
        if token.pos_ == "PROPN":
            # A surname the model did not tag ("Comrade Mostov" after "Alexander Mostov").
            bare = Entity(
                entity_text=token.text,
                entity_name=token.text,
                kind="person",
                start=token.idx,
                end=token.idx + len(token),
            )
            full = self._full_name(bare)
            if full is not None:
                return [bare]
        if token.ent_type_ in {"PERSON", "ORG", "NORP"}:
            span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if span is not None:
                kind = "person" if span.label_ == "PERSON" else "organization"
                return [
                    Entity(
                        entity_text=span.text,
                        entity_name=span.text,
                        kind=kind,
                        start=span.start_char,
                        end=span.end_char,
                    )
                ]
        return []

    def _owner(self, token: Token, index: int) -> list[Entity]:
        """The body behind a possessive or "of" phrase: "the ministry's spokesman", "a
        statement of the council", "Foreign Ministry spokesperson"."""
        lemma = token.lemma_.lower()
        speaks_for = (
            lemma in DOCUMENT_NOUNS or lemma in SPOKESPERSON_NOUNS or self.ctx.is_title(token)
        )
        for child in token.children:
            if child.dep_ == "poss" or (
                speaks_for and child.dep_ == "prep" and child.lower_ in {"of", "for"}
            ):
                targets = (
                    [child]
                    if child.dep_ == "poss"
                    else [c for c in child.children if c.dep_ == "pobj"]
                )
                for target in targets:
                    found = self.resolve(target, index)
                    if found:
                        return found
        if lemma in DOCUMENT_NOUNS:
            if lemma in self.issued:
                return [self.issued[lemma]]
            recent = [
                s
                for s in self.said
                if s.sentence >= index - PRONOUN_REACH and s.entity.kind != "person"
            ]
            # "the statement" (not "a joint statement") right after someone spoke
            determiners = [
                c for c in token.children if c.dep_ not in {"punct", "prep", "relcl", "acl"}
            ]
            if recent and determiners and all(c.lower_ in DEFINITE for c in determiners):
                return [recent[-1].entity]
        return []

    def _earlier_speaker(self, lemma: str, index: int) -> Entity | None:
        for said in reversed(self.said):
            if said.head == lemma and said.sentence >= index - DESCRIPTION_REACH:
                return said.entity
        return None

    def _description(self, token: Token, index: int) -> list[Entity]:
        """A definite description: an earlier speaker or actor with the same head word."""
        lemma = token.lemma_.lower()
        earlier = self._earlier_speaker(lemma, index)
        if earlier is not None:
            return [earlier]
        for entity in self.actors.before(token.idx):
            words = entity.entity_name.lower().split()
            office = (entity.office or "").lower().split()
            named = lemma in words or lemma in office or token.lower_ in office
            if named and entity.kind in {"organization", "person"}:
                return [entity]
        if (
            token.lower_ in MEDIA_NOUNS
            and any(c.lower_ in OFFICIAL for c in token.children)
            and self.home
        ):
            # "state media reported": the media of the country the story is about.
            phrase, start, end = self._phrase(token)
            return [
                Entity(
                    entity_text=phrase,
                    entity_name=phrase,
                    kind="organization",
                    code=self.home,
                    sector="JRN",
                    start=start,
                    end=end,
                )
            ]
        if lemma in {"agency", "newspaper", "paper", "daily", "broadcaster", "outlet"}:
            outlet = self.document.dateline.outlet if self.document.dateline else None
            if outlet:
                found = load_gazetteer().org_names.get(outlet)
                if found:
                    return [
                        Entity(
                            entity_text=outlet,
                            entity_name=outlet,
                            kind="organization",
                            code=found[0],
                            sector=found[1],
                        )
                    ]
        return []

    def _pronoun(self, token: Token, index: int) -> list[Entity]:
        lower = token.lower_
        recent = [s for s in self.said if s.sentence >= index - PRONOUN_REACH]
        if lower in PERSON_PRONOUNS:
            for said in reversed(recent):
                if said.entity.kind == "person":
                    return [said.entity]
            for i in range(index - 1, index - PRONOUN_REACH - 1, -1):
                people = [e for e in self.subjects.get(i, []) if e.kind == "person"]
                if people:
                    return [people[-1]]
            earlier_sents = {i for i in range(index - PRONOUN_REACH - 1, index + 1)}
            for entity in self.actors.before(token.idx):
                if (
                    entity.kind == "person"
                    and self._sentence_of(entity) in earlier_sents
                ):
                    return [entity]
            # No person named nearby: "he" is the unnamed source inside the body that spoke
            # last ("a source in the ministry … he said").
            return [recent[-1].entity] if recent and recent[-1].entity.kind != "state" else []
        for said in reversed(recent):
            if said.entity.kind != "person":
                return [said.entity]
        for i in range(index - 1, index - PRONOUN_REACH - 1, -1):
            others = [e for e in self.subjects.get(i, []) if e.kind != "person"]
            if others:
                return others if lower in {"they", "them"} else [others[-1]]
        return []

    def _sentence_of(self, entity: Entity) -> int:
        """Index of the sentence an entity mention starts in."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start_char for s in self.doc.sents]
        return bisect.bisect_right(self._sentence_starts, entity.start) - 1

    # -- completing an entity ---------------------------------------------------------------

    @staticmethod
    def _phrase(token: Token) -> tuple[str, int, int]:
        """The words of a noun phrase up to its head ("Russia's foreign ministry")."""
        left = token.left_edge
        start, end = left.idx, token.idx + len(token)
        text = doc_text(token.doc)[start:end]
        return _LEADING_DET.sub("", text), start, end

    def _described(self, token: Token, entity: Entity) -> Entity:
        """A body named by a phrase around an entity: "Russia's foreign ministry" is an
        organization of Russia, not the state itself."""
        if (
            token.pos_ not in {"NOUN", "PROPN"}
            or entity.kind != "state"
            or self.actors.at(token.i) is not None
        ):
            return entity
        phrase, start, end = self._phrase(token)
        heads = load_gazetteer().head_sectors(phrase)
        sector = heads[-1].sector if heads else entity.sector
        return Entity(
            entity_text=phrase,
            entity_name=phrase,
            kind="organization",
            code=entity.code,
            sector=sector,
            start=start,
            end=end,
        )

    def complete(self, entity: Entity, token: Token | None = None) -> Entity:
        """Fill in a speaker's country (and full name) where the text lets us."""
        if (
            len(entity.entity_name.split()) == 1
            and entity.kind in {"person", "organization"}
            and not entity.code
        ):
            # "Wang said" after "Ambassador Wang Yu" (the model may tag the surname ORG).
            full = self._full_name(entity)
            if full is not None:
                entity = replace(
                    full, entity_text=entity.entity_text, start=entity.start, end=entity.end
                )
        if entity.kind in {"organization", "person"} and not entity.code:
            # "Spokesperson Ned Price" (often tagged as an organization): a titled person.
            found = load_gazetteer().title_at(entity.entity_name)
            rest = entity.entity_name[len(found[0]) :].strip() if found else ""
            if found and rest[:1].isupper() and (" " in rest or entity.kind == "person"):
                entity = replace(
                    entity, kind="person", entity_name=rest, office=entity.office or found[0]
                )
        if entity.code:
            return entity
        if token is not None and entity.kind == "organization":
            # "Russia's defence ministry": the state is outside the organization's name.
            for child in token.children:
                outer = self.actors.at(child.i)
                if (
                    child.dep_ in {"poss", "amod", "compound", "nmod"}
                    and outer is not None
                    and outer.kind == "state"
                    and not entity.start <= child.idx < entity.end
                ):
                    return replace(entity, code=outer.code)
        if entity.kind == "person":
            code, sector, titled = self._person_affiliation(entity)
            if code:
                return replace(entity, code=code, sector=entity.sector or sector)
            if entity.office:
                code = self._office_country(entity.office)
                if code:
                    return replace(entity, code=code)
            quoted = (
                token is not None and token.dep_ == "dobj" and token.head.lemma_.lower() == "quote"
            )
            official = titled or (entity.office is not None and _official(entity.office))
            if official and self.home and not quoted:
                return replace(entity, code=self.home, sector=entity.sector or sector)
            return entity
        if entity.kind == "organization":
            alias = self.acronyms.get(entity.entity_name)
            if alias is not None:
                return replace(entity, code=alias.code, sector=entity.sector or alias.sector)
            namesake = self._namesake(entity)
            if namesake is not None:
                return replace(entity, code=namesake.code, sector=entity.sector or namesake.sector)
            if entity.sector and self.home:
                return replace(entity, code=self.home)
        if entity.kind == "group" and self.home:
            return replace(entity, code=self.home)
        return entity

    def _full_name(self, entity: Entity) -> Entity | None:
        """ "Kim" after "Kim Song Nam": the latest earlier person whose name has that word."""
        word = entity.entity_name
        best = None
        for other in self.actors.entities:
            words = other.entity_name.replace("-", " ").split()
            if (
                other.kind == "person"
                and other.start < entity.start
                and len(words) > 1
                and word in words
            ):
                best = other
        return best

    def _namesake(self, entity: Entity) -> Entity | None:
        """An organization with a code whose name ends like this one ("Russian Foreign
        Ministry" for "Foreign Ministry", "Russias Foreign Ministry")."""
        tail = " ".join(entity.entity_name.lower().split()[-2:])
        candidates = [
            e
            for e in self.actors.entities
            if e.kind == "organization"
            and e.code
            and e.entity_name.lower().endswith(tail)
            and e.entity_name != entity.entity_name
        ]
        if not candidates:
            return None
        counts = Counter(e.code for e in candidates)
        code = counts.most_common(1)[0][0]
        return next(e for e in reversed(candidates) if e.code == code)

    def _office_country(self, office: str) -> str | None:
        """The country of an office the text names without a person: "China's foreign
        minister on Sunday rejected …" then "Foreign Minister Li" (only when one country fits)."""
        pattern = re.compile(
            r"([\w.'’-]+)\s+" + re.escape(office) + r"\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE
        )
        countries = load_gazetteer().countries
        found = set()
        for m in pattern.finditer(self.document.text):
            word = re.sub(r"['’]s$", "", m.group(1))
            if word in countries:
                found.add(countries[word][0])
        return found.pop() if len(found) == 1 else None

    def _affiliation(self, text: str) -> tuple[str | None, str | None]:
        code, sector = self.resolver.affiliation(text)
        if code is None:
            for word in re.findall(r"[A-Z][A-Za-z0-9-]+", text):
                if word in self.acronyms:
                    return self.acronyms[word].code, sector or self.acronyms[word].sector
        return code, sector

    def _person_affiliation(self, entity: Entity) -> tuple[str | None, str | None, bool]:
        """Country and sector from the noun phrases around any mention of this person's
        name: premodifiers ("Iranian Foreign Minister X") and appositions ("X, head of …")."""
        doc = self.doc
        words = entity.entity_name.replace("-", " ").split()
        key = words[-1] if words else ""
        titled = False
        for token in doc:
            if token.text != key or token.pos_ != "PROPN":
                continue
            head = token
            while head.dep_ in {"compound", "flat"} and head.head.pos_ == "PROPN":
                head = head.head
            left = head.left_edge.idx
            texts = [doc_text(doc)[left : token.idx]]
            # "Republic of Korea (ROK) Foreign Minister X": the parser may leave the state
            # outside the person's noun phrase.
            for state in self.actors.entities:
                between = doc_text(doc)[state.end : left] if state.end <= left else "-"
                if state.kind == "state" and re.fullmatch(r"\s*(?:\([A-Z]{2,8}\))?\s*", between):
                    # … but not "Ambassador to Afghanistan Wang Yu", where it is the office's.
                    before = doc_text(doc)[max(0, state.start - 40) : state.start].split()
                    title_of = (
                        len(before) >= 2 and load_gazetteer().title_at(before[-2]) is not None
                    )
                    if not title_of:
                        texts.append(state.entity_text)
            for child in head.children:
                if child.dep_ == "appos":
                    texts.append(
                        doc_text(doc)[child.left_edge.idx : child.right_edge.idx + len(child.right_edge)]
                    )
            if head.dep_ == "appos":
                governor = head.head
                texts.append(doc_text(doc)[governor.left_edge.idx : governor.idx + len(governor)])
            for text in texts:
                if not text.strip():
                    continue
                titled = titled or _official(text)
                code, sector = self._affiliation(text)
                if code:
                    return code, sector, True
        return None, None, titled
