"""From agreement mentions to :class:`~communique.records.Agreement` records.

Mentions of one agreement (same family of noun, compatible titles) are grouped; a group is an
agreement when at least one of its mentions says, as a fact, that it was signed, adopted or
issued. Its parties come from the signers ("A and B signed", "signed by X and Y", "between A and
B", "with C", "the two sides"), its signatories are the persons among them (with the titles the
actor resolver found), its date is the time expression of the signing resolved against the
publication date, its place the "in CITY" of the signing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.actors.gazetteer import load_gazetteer
from communique.actors.resolve import DocActors
from communique.agreements.clauses import Scope, find_clauses
from communique.agreements.mentions import (
    ISSUE_VERBS,
    SIGN_VERBS,
    Mention,
    find_mentions,
    is_factual,
    lemma,
)
from communique.events.coder import CodingContext, EventCoder
from communique.events.dates import resolve_date
from communique.nlp import doc_text, ents_in
from communique.records import Agreement, Document, Entity, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A signing dated more than this many days before publication is background, not news
# (an article about a new protocol that recalls "the treaty signed in June").
BACKGROUND_DAYS = 31
# A sentence that signs without naming what ("It was signed by X", "Y signed for Z") refers to
# the agreement mentioned at most this many sentences before.
ANAPHOR_WINDOW = 3
# Words that do not tell two titles apart.
_TITLE_STOPWORDS = frozenset({"a", "an", "the", "of", "on", "and", "between", "for", "in", "to", "this",
                              "that", "new", "historic", "joint", "signed"})
# Words that only name the family ("MoU" = "memorandum of understanding").
_FAMILY_WORDS = {"memorandum": frozenset({"mou", "understanding", "memoranda"}),
                 "agreement": frozenset({"accord", "deal", "pact"}), "communique": frozenset({"communiqu"})}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH_ONLY = re.compile(r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?(?:\s+(?:of\s+)?((?:19|20)\d{2})|\s+(this|last)\s+year)?\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\b(?:in\s+)?((?:19|20)\d{2})\b")
_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "it", "which", "who", "his", "its", "their"})
_AGO = re.compile(r"\b(?:ago|last\s+(?:year|month|decade)|years?\s+earlier|previously)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _coder() -> EventCoder:
    return EventCoder()


@dataclass
class _Group:
    """The mentions of one agreement, while the document is read."""

    mentions: list[Mention] = field(default_factory=list)
    extra: list[Token] = field(default_factory=list)  # signing verbs of "It was signed by …"

    @property
    def family(self) -> str:
        return self.mentions[0].family

    def last_sentence(self) -> int:
        return self.mentions[-1].sentence


def _words(title: str) -> set[str]:
    return {w.removesuffix("s") for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _TITLE_STOPWORDS}


def _compatible(group: _Group, mention: Mention) -> bool:
    """Same family of noun, and one title's distinctive words within the other's."""
    if mention.family != group.family:
        return False
    generic = _FAMILY_WORDS.get(mention.family, frozenset()) | {mention.family}
    new = _words(mention.title) - generic
    for seen in group.mentions:
        old = _words(seen.title) - generic
        if new <= old or old <= new:
            return True
    return False


def _group(mentions: list[Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for mention in mentions:
        if mention.anaphor:
            near = [g for g in groups if mention.sentence - g.last_sentence() <= ANAPHOR_WINDOW]
            if near:
                near[-1].mentions.append(mention)
            continue
        target = None
        # A mention joins the latest agreement of its family with a compatible title ("the
        # protocol" after "a new trade protocol"); otherwise it names a new agreement.
        for group in reversed(groups):
            if _compatible(group, mention):
                target = group
                break
        if target is None:
            groups.append(_Group(mentions=[mention]))
        else:
            target.mentions.append(mention)
    return groups


@dataclass
class _Reader:
    """Reads one document's agreements; holds what the helpers share."""

    doc: Doc
    sents: list[Span]
    document: Document
    actors: DocActors
    ctx: CodingContext = field(init=False)

    def __post_init__(self) -> None:
        self.ctx = CodingContext(document=self.document, actors=self.actors, pair=_pair(self.actors))

    # -- who ------------------------------------------------------------------------------

    def entities(self, token: Token) -> list[Entity]:
        """Entities a phrase names; persons without a country get the one their phrase gives
        ("North Korean leader Kim Jong-un", "the US ambassador … John Rakolta")."""
        if token.lower_ in _PRONOUNS:
            # "by him and President Putin": only the named conjuncts; "him" is unresolved.
            return [e for c in token.conjuncts if c.lower_ not in _PRONOUNS for e in self.entities(c)]
        people = [t for t in token.children if t.dep_ == "appos" and self.actors.at(t.i) is not None
                  and self.actors.at(t.i).kind == "person"]  # type: ignore[union-attr]
        if people and self.actors.at(token.i) is None:
            token = people[0]
        found = _coder().entities(token, self.ctx)
        return [self._with_country(e) for e in found]

    def _with_country(self, entity: Entity) -> Entity:
        if entity.kind != "person" or entity.code is not None or entity.start < 0:
            return entity
        span = self.doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            return entity
        for token in self.doc[span.root.left_edge.i : span.root.i]:
            found = self.actors.at(token.i)
            if found is not None and found.kind == "state" and found.code:
                return replace(entity, code=found.code)
        return entity

    def signers(self, verb: Token, relation: str | None) -> list[Entity]:
        """Who signed: the subject of an active verb, the agent of a passive or participle."""
        found: list[Entity] = []
        if relation in {"passive", "acl", "noun"} or any(c.dep_ == "agent" for c in verb.children):
            for child in verb.children:
                if child.dep_ in {"agent"} or (child.dep_ == "prep" and child.lower_ == "by"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found += self.entities(obj)
            if relation == "noun":
                for child in verb.children:
                    if child.dep_ == "poss":
                        found += self.entities(child)
        else:
            node = verb
            for _ in range(3):
                # The subject nearest the verb (a headline above may hang a second one on it).
                subjects = sorted((c for c in node.children if c.dep_ == "nsubj"), key=lambda c: -c.i)
                named = next((e for e in map(self.entities, subjects) if e), None)
                if named:
                    found += named
                    break
                if subjects:
                    break
                if node.dep_ in {"conj", "advcl", "xcomp"} and node.head.i != node.i:
                    node = node.head
                    continue
                if node.dep_ in {"acl", "ROOT"}:
                    # "Sultan X, Assistant Minister for … affairs signed": the parser hangs the
                    # verb on the title; the signer is the person named before it in the clause.
                    found += self._person_before(verb)
                break
        return found

    def _person_before(self, verb: Token) -> list[Entity]:
        for token in reversed(self.doc[verb.sent.start : verb.i]):
            if token.pos_ in {"VERB", "AUX"} or token.lower_ in {";", "while", "whereas"}:
                break
            found = self.actors.at(token.i)
            if found is not None and found.kind == "person":
                return [self._with_country(found)]
        return []

    def partners(self, *tokens: Token) -> list[Entity]:
        """Parties named by "between A and B", "with C" or "for D" on the noun or the verb."""
        found: list[Entity] = []
        for token in tokens:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"between", "with", "among", "for"}:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found += [e for e in self.entities(obj) if child.lower_ != "for" or e.kind != "person"]
        return found

    def state(self, code: str) -> Entity:
        for entity in self.actors.entities:
            if entity.kind == "state" and entity.code == code:
                return entity
        name = next((text for text, (c, kind) in load_gazetteer().countries.items() if c == code and kind == "name"), code)
        return Entity(entity_text=name, entity_name=name, kind="state", code=code, sector="GOV")

    # -- when and where -------------------------------------------------------------------

    def date(self, verb: Token, noun: Token | None) -> tuple[str | None, str | None, bool]:
        """(date, precision, background) of a signing, from the time expressions attached to it."""
        published = self.document.published
        ents = [e for e in ents_in(verb.sent) if e.label_ in {"DATE", "TIME"} and _governs(verb, noun, e.root)]
        # A time said of the agreement itself ("… and a transport agreement on Wednesday") first.
        ents.sort(key=lambda e: noun is None or not noun.is_ancestor(e.root))
        for ent in ents:
            date, precision = resolve_date(ent.text, published)
            if date is None:
                date, precision = _coarse_date(ent.text, published)
            background = bool(_AGO.search(ent.text)) or _is_background(date, published)
            if date is not None or background:
                return date, precision, background
        return None, None, False

    @staticmethod
    def place(verb: Token, noun: Token | None) -> str | None:
        """The place after "in"/"at" in the signing's clause ("signed … in Pyongyang")."""
        for ent in ents_in(verb.sent):
            if ent.label_ not in {"GPE", "LOC", "FAC"} or ent.root.dep_ != "pobj":
                continue
            prep = ent.root.head
            if prep.lower_ in {"in", "at"} and (verb.is_ancestor(prep) or noun is not None and prep.head.i == noun.i):
                return ent.text
        return None

    # -- assembling -----------------------------------------------------------------------

    def evidence(self, token: Token, sentence: int) -> Evidence:
        """The line of the sentence that holds ``token`` (a parse may run over a headline)."""
        sent = token.sent
        text = doc_text(self.doc)
        start = max(sent.start_char, text.rfind("\n", 0, token.idx) + 1)
        nl = text.find("\n", token.idx, sent.end_char)
        end = sent.end_char if nl < 0 else nl
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        return Evidence(sentence=sentence, start=start, end=end, text=text[start:end])

    def build(self, group: _Group, scope_end: int, number: int) -> Agreement | None:
        doc = self.doc
        signings = [m for m in group.mentions if m.verb is not None]
        factual = [m for m in signings if m.factual and not m.anaphor]
        if not factual:
            return None
        named = [m for m in group.mentions if not m.anaphor]
        best = max(named, key=lambda m: (len(_words(m.title)), m.capitalised, -m.token))
        signers: list[Entity] = []
        parties: list[Entity] = []
        date = precision = place = None
        background = False
        for m in factual + [m for m in signings if m.anaphor and m.factual]:
            verb = doc[m.verb]  # type: ignore[index]
            noun = doc[m.token]
            signers += self.signers(verb, m.relation)
            parties += self.partners(noun, verb)
            if date is None:
                date, precision, background = self.date(verb, noun)
            place = place or self.place(verb, noun)
        for verb in group.extra:
            signers += self.signers(verb, "passive" if any(c.dep_ == "agent" for c in verb.children) else "obj")
            parties += self.partners(verb)
        if background:
            return None
        issued_only = all(lemma(doc[m.verb]) in ISSUE_VERBS for m in factual)  # type: ignore[index]
        people = _unique([e for e in signers if e.kind == "person"])
        parties = _unique([e for e in signers + parties if e.kind != "person"]
                          + [self.state(p.code) for p in people if p.code])
        if any(p.code for p in parties):
            parties = [p for p in parties if p.code]  # "Abu-Dhabi" read as a signer beside two states
        if not parties:
            parties = _unique([self.state(m.code) for m in load_gazetteer().country_matches(best.title)
                               if m.code and m.kind in {"name", "adjective"}])
        if not parties and len(self.ctx.pair) == 2:
            # "They signed an accord", "attended the signing": the two states the story is about.
            parties = list(self.ctx.pair)
        if issued_only and not any(m.joint or m.capitalised for m in factual) and len({p.code for p in parties}) < 2:
            return None  # a one-sided declaration or statement is not an agreement
        evidence: dict[int, Evidence] = {}
        for m in group.mentions:
            found = self.evidence(doc[m.token], m.sentence)
            evidence.setdefault(found.start, found)
        for verb in group.extra:
            index = next(i for i, s in enumerate(self.sents) if s.start <= verb.i < s.end)
            found = self.evidence(verb, index)
            evidence.setdefault(found.start, found)
        codes = {p.code for p in parties if p.code}
        first = doc[min(m.token for m in group.mentions)].sent
        scope = Scope(
            start=first.start_char,
            end=max(scope_end, first.end_char),
            mention_tokens=frozenset(m.token for m in group.mentions),
            party=lambda t: _is_party(self.entities(t), codes, people),
        )
        return Agreement(
            id=f"{self.document.id}-a{number:02d}", doc_id=self.document.id, title=best.title, kind=best.kind or "agreement",
            parties=tuple(parties), evidence=tuple(evidence[k] for k in sorted(evidence)),
            signatories=tuple(people), date=date, date_precision=precision, place=place,
            clauses=find_clauses(self.sents, scope),
        )


def _is_party(entities: list[Entity], codes: set[str], people: list[Entity]) -> bool:
    """Whether every entity is a party, a signatory (also by a part of the name: "Kim") or a
    person whose country the text does not give (who cannot be told apart from a party)."""
    names = {p.entity_name for p in people} | {w for p in people for w in p.entity_name.split() if len(w) > 2}
    return bool(entities) and all(e.code in codes or e.entity_name in names
                                  or e.kind == "person" and e.code is None for e in entities)


def _unique(entities: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for entity in entities:
        key = entity.entity_name if entity.kind == "person" else (entity.code or entity.entity_name)
        if key not in seen:
            seen.add(key)
            out.append(entity)
    return out


def _pair(actors: DocActors) -> tuple[Entity, ...]:
    """The two states a document is mostly about, for "the two sides" and "both countries"."""
    counts = Counter(e.code for e in actors.entities if e.kind == "state" and e.code)
    return tuple(next(e for e in actors.entities if e.kind == "state" and e.code == code)
                 for code, _ in counts.most_common(2))


def _governs(verb: Token, noun: Token | None, token: Token) -> bool:
    """Whether a time expression belongs to the signing: its nearest verb is the signing verb
    (passing through verbs used as prepositions, "following the summit on Tuesday")."""
    node = token
    for _ in range(12):
        if node.i == verb.i or (noun is not None and node.i == noun.i):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.i != verb.i and node.dep_ != "prep":
            return False
    return False


def _coarse_date(text: str, published: str | None) -> tuple[str | None, str | None]:
    """Month or year expressions that ``resolve_date`` leaves alone ("in June", "June this year")."""
    base = dt.date.fromisoformat(published) if published else None
    if m := _MONTH_ONLY.search(text):
        month = next(i for i, name in enumerate(_MONTHS, start=1) if name.startswith(m[1].lower()))
        if m[2]:
            year = int(m[2])
        elif base is None:
            return None, None
        elif m[3] and m[3].lower() == "last":
            year = base.year - 1
        else:
            year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if m := _YEAR_ONLY.search(text):
        return m[1], "year"
    return None, None


def _is_background(date: str | None, published: str | None) -> bool:
    """A date whose last day lies more than BACKGROUND_DAYS before publication."""
    if date is None or published is None:
        return False
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        last = dt.date(parts[0], 12, 31)
    elif len(parts) == 2:
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
    else:
        last = dt.date(*parts)
    return (dt.date.fromisoformat(published) - last).days > BACKGROUND_DAYS


def _anaphoric_signings(sents: list[Span], groups: list[_Group], mentions: list[Mention]) -> None:
    """Attach "It was signed by X and Y" and "X signed for Z" to the agreement just mentioned."""
    governed = {m.verb for m in mentions if m.verb is not None}
    for index, sent in enumerate(sents):
        for token in sent:
            if lemma(token) not in SIGN_VERBS or token.pos_ != "VERB" or token.i in governed:
                continue
            objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
            if any(o.lower_ not in {"it", "which", "they"} for o in objects) or not is_factual(token):
                continue
            near = [g for g in groups if any(0 <= index - m.sentence <= ANAPHOR_WINDOW for m in g.mentions)]
            if near:
                near[-1].extra.append(token)


def extract_agreements(sents: list[Span], document: Document, actors: DocActors) -> tuple[Agreement, ...]:
    """Agreements signed, adopted or issued in a parsed document, one record per agreement.

    Args:
        sents: the document's sentences (``list(doc.sents)`` of the spaCy parse of
            ``document.text``).
        document: the cleaned document (its id and publication date are used).
        actors: the document's resolved actors.

    Returns:
        One :class:`~communique.records.Agreement` per agreement, in order of first mention,
        each with every sentence that mentions it as evidence and its enumerated clauses.

    Example:
        >>> import communique
        >>> coded = communique.code("Chile and Peru signed an Agreement on Fisheries in Lima on Monday.",
        ...                         published="2025-02-05")
        >>> [(a.title, a.kind, [p.code for p in a.parties], a.date) for a in coded.agreements]
        [('Agreement on Fisheries', 'agreement', ['CHL', 'PER'], '2025-02-03')]
    """
    if not sents:
        return ()
    reader = _Reader(doc=sents[0].doc, sents=sents, document=document, actors=actors)
    mentions = find_mentions(sents)
    groups = _group(mentions)
    _anaphoric_signings(sents, groups, mentions)
    # Scopes end where the next agreement is first named (by token order of first mention).
    firsts = sorted((min(m.token for m in g.mentions if not m.anaphor), i) for i, g in enumerate(groups))
    ends: dict[int, int] = {}
    for (_, i), nxt in zip(firsts, [*firsts[1:], None]):
        ends[i] = len(doc_text(reader.doc)) if nxt is None else reader.doc[nxt[0]].sent.start_char
    out: list[Agreement] = []
    for i, group in enumerate(groups):
        agreement = reader.build(group, ends[i], len(out) + 1)
        if agreement is not None:
            out.append(agreement)
    return tuple(out)
