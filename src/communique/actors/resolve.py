"""Actor resolution: names in a parsed document → entities with country, sector and title.

Mentions come from spaCy's named entities and from our gazetteers (which catch what the small
model misses or mislabels: "DPRK" as ORG, "the Kremlin", "DPRK ISG"). Each mention is
classified as a state, an organization or a person; persons get the title and organization
that the text gives in an apposition, a parenthesis or a premodifier. Surnames and definite
descriptions ("Comrade Kiyashchenko", "the movement") are linked to earlier full mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from communique.actors.gazetteer import Gazetteer, Match, load_gazetteer
from communique.records import Document, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Honorifics that precede a name but are not offices.
HONORIFICS = frozenset({"comrade", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam"})
_LEADING = re.compile(r"^(?:the|a|an|our|its|their)\s+", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"
# How many capitalised modifiers may stand before a title word in an apposition
# ("Eternal President", "Russian Deputy Foreign Minister").
MAX_TITLE_MODIFIERS = 3
# Maximum length of one apposition segment that we read as a title.
MAX_TITLE_CHARS = 160
# A quoted name followed by an organization noun: the "JoJack" movement, the "Azov" battalion.
_QUOTED_ORG = re.compile(
    r"(?:[Tt]he\s+)?[\"“][A-Z][^\"”\n]{1,40}[\"”]\s+(?:movement|organi[sz]ation|group|party|society|association"
    r"|union|foundation|committee|network|club|front|alliance|brigade|battalion|coalition|campaign)\b"
)
# "of the National Defence Commission of the DPRK": capitalised words and their connectors.
_OF_NAME = re.compile(r"\s+(of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|on|and(?!\s+the\b))\s+)*[A-Z][\w'’.-]*)*)")
# Organizations whose country a story need not state: local bodies get the dateline's country.
AMBIGUOUS_KOREA = frozenset({"Korea", "Korean", "Koreans"})
LOCAL_SECTORS = frozenset({"CVL", "BUS", "EDU", "REL", "LAB", "NGO"})


def _bare(text: str) -> str:
    text = text.strip().strip(_QUOTES + " ,;:")
    return _LEADING.sub("", text).strip().strip(_QUOTES + " ")


def _display(text: str) -> str:
    """A mention's name as shown: without a leading article, balanced quotes kept."""
    text = _LEADING.sub("", text.strip())
    return text.strip()


@dataclass
class DocActors:
    """The actors of one parsed document and where each is mentioned.

    ``by_token`` maps a token index to the index (in ``entities``) of the mention covering
    it; ``fallback_country`` is the country of the dateline place, given to local
    organizations whose country the text never states (``guessed`` holds their indices).
    """

    entities: list[Entity] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)
    fallback_country: str | None = None
    guessed: set[int] = field(default_factory=set)

    def is_guessed(self, token_index: int) -> bool:
        """Whether the country of the mention at ``token_index`` is a guess from the dateline."""
        return self.by_token.get(token_index) in self.guessed

    def at(self, token_index: int) -> Entity | None:
        index = self.by_token.get(token_index)
        return None if index is None else self.entities[index]

    def canonical(self) -> tuple[Entity, ...]:
        """Distinct actors of the document (first full mention of each), in text order."""
        seen: dict[tuple[str, str], Entity] = {}
        for entity in self.entities:
            key = (entity.entity_name.lower(), entity.kind)
            if key not in seen:
                seen[key] = entity
            elif entity.office and not seen[key].office:
                seen[key] = replace(seen[key], office=entity.office, code=entity.code, sector=entity.sector)
        return tuple(seen.values())


class ActorResolver:
    """Resolves the actors of parsed documents against the gazetteers."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()

    # -- affiliation of a free text (a title, an organization name) ---------------------------

    def affiliation(self, text: str) -> tuple[str | None, str | None]:
        """Country code and sector that a title or organization name states.

        The leftmost country or known organization decides the country ("Ambassador of the
        DPRK to the Russian Federation" → PRK); a country directly followed by a solidarity
        keyword ("DPRK ISG") names a solidarity group (ISM). The last organization head word
        decides the sector ("member of the Central Committee of the movement" → CVL).
        """
        gaz = self.gaz
        orgs = gaz.org_matches(text)
        isms = [m for m in orgs if m.kind == "ism"]
        candidates: list[Match] = [m for m in orgs if m.code]
        for m in gaz.country_matches(text):
            inside_org = any(o.start <= m.start and m.end <= o.end for o in orgs)
            if not inside_org and not any(0 <= i.start - m.end <= 2 for i in isms):
                candidates.append(m)
        candidates.sort(key=lambda m: m.start)
        code = candidates[0].code if candidates else None
        heads = gaz.head_sectors(text)
        sector = next((h.sector for h in reversed(heads) if h.sector), None)
        if sector is None:
            sector = next((m.sector for m in candidates if m.kind in {"name", "ism"} and m.sector), None)
        return code, sector

    def _title_start(self, segment: str) -> bool:
        words = _bare(segment).split()
        for skip in range(min(MAX_TITLE_MODIFIERS, len(words)) + 1):
            rest = " ".join(words[skip:])
            if rest and self.gaz.title_at(rest) is not None:
                return all(w[:1].isupper() for w in words[:skip])
        return False

    def _title_after(self, text: str, end: int, sentence_end: int) -> str | None:
        """A title in an apposition or parenthesis right after a name."""
        tail = text[end:sentence_end]
        paren = re.match(r"\s*\(([^()]{2,200})\)", tail)
        if paren and self._title_start(paren.group(1)):
            return paren.group(1).strip()
        if not tail.startswith(","):
            return None
        parts: list[str] = []
        for segment in tail[1:].split(","):
            seg = segment.strip()
            if not seg or len(seg) > MAX_TITLE_CHARS or not self._title_start(seg):
                break
            parts.append(seg)
            if seg.endswith((".", ";", ")")):
                break
        title = ", ".join(parts).rstrip(".;")
        return title or None

    def _title_before(self, text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> str | None:
        """A title before a name ("Chairman Kim Jong Il of the National Defence Commission").

        Words before the title that name a country or a body stay with it: "Russian
        President Boris Yeltsin" has the title "Russian President", "U.S. Secretary of State
        Warren Christopher" the title "U.S. Secretary of State".
        """
        head = text[sentence_start:start]
        m = re.search(r"((?:[A-Z][\w.'’-]*\s+)(?:(?:of|for|the|and)\s+|[A-Z][\w.'’-]*\s+){0,7})$", head)
        if m is None:
            return None
        words = m.group(1).split()
        while words and not words[0][:1].isupper():
            words = words[1:]
        for i in range(len(words)):
            if words[i].lower() in HONORIFICS or not words[i][:1].isupper():
                continue
            candidate = " ".join(words[i:])
            found = self.gaz.title_at(candidate)
            if found is not None:
                title = " ".join(w for w in candidate.split() if w.lower() not in HONORIFICS)
                # Only capitalised words right before the title can qualify it ("U.S.").
                qualifiers: list[str] = []
                for word in reversed(words[:i]):
                    if not word[:1].isupper() or word.lower() in HONORIFICS:
                        break
                    qualifiers.insert(0, word)
                while qualifiers and self.affiliation(" ".join(qualifiers))[0] is None:
                    qualifiers.pop(0)
                if qualifiers:
                    title = f"{' '.join(qualifiers)} {title}"
                of_phrase = _OF_NAME.match(text, end, sentence_end)
                if of_phrase:
                    phrase = of_phrase.group(1).strip()
                    # "... of the DPRK and President Putin of ...": a second title starts.
                    for joint in re.finditer(r"\s+and\s+", phrase):
                        if self.gaz.title_at(phrase[joint.end():]) is not None:
                            phrase = phrase[: joint.start()]
                            break
                    title = f"{title} {phrase}"
                return title
        return None

    # -- mentions -------------------------------------------------------------------------------

    def _classify(self, span_text: str, label: str) -> Entity | None:
        gaz = self.gaz
        name = _bare(span_text)
        if not name or gaz.title_at(name) is not None and len(name.split()) <= 2 and label != "PERSON":
            return None  # "Advisor" tagged as ORG
        if label == "PERSON" and name not in gaz.org_names and name not in gaz.countries:
            return Entity(entity_text=span_text, entity_name=name, kind="person")
        if label == "FAC" and not gaz.head_sectors(name) and name not in gaz.org_names:
            return None  # a building or a monument, not an actor
        if name in gaz.countries:
            code, _kind = gaz.countries[name]
            return Entity(entity_text=span_text, entity_name=name, kind="state", code=code, sector="GOV")
        if name in gaz.org_names:
            code, sector = gaz.org_names[name]
            return Entity(entity_text=span_text, entity_name=name, kind="organization", code=code, sector=sector)
        if label in {"GPE", "LOC", "NORP"}:
            # A place or group we have no code for (a city, a region): a location, not an actor.
            countries = gaz.country_matches(name)
            if label == "NORP" and len(countries) == 1 and countries[0].text == name.rstrip("s"):
                return Entity(entity_text=span_text, entity_name=name, kind="state", code=countries[0].code, sector="GOV")
            return None
        code, sector = self.affiliation(name)
        return Entity(entity_text=span_text, entity_name=_display(span_text).strip(" ,"), kind="organization", code=code, sector=sector)

    def resolve(self, doc: Doc, document: Document | None = None) -> DocActors:
        """Find and resolve every actor mention in ``doc``."""
        text = doc.text
        spans: list[tuple[int, int, str]] = [
            (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS
        ]
        for m in _QUOTED_ORG.finditer(text):
            spans = [sp for sp in spans if sp[1] <= m.start() or sp[0] >= m.end()]
            spans.append((m.start(), m.end(), "ORG"))
        covered = [(s, e) for s, e, _ in spans]
        for m in self.gaz.org_matches(text) + self.gaz.country_matches(text):
            if not any(s <= m.start and m.end <= e for s, e in covered):
                # A gazetteer name that overlaps a wrongly bounded NER span replaces it.
                spans = [sp for sp in spans if sp[1] <= m.start or sp[0] >= m.end]
                covered = [(s, e) for s, e, _ in spans]
                spans.append((m.start, m.end, "ORG" if m.kind in {"name", "ism"} else "GPE"))
                covered.append((m.start, m.end))
        spans.sort()
        fallback = None
        if document is not None and document.dateline and document.dateline.place:
            found = self.gaz.countries.get(document.dateline.place)
            fallback = found[0] if found else None
        actors = DocActors(fallback_country=fallback)
        korea = self._korea(text)
        surnames: dict[str, int] = {}
        for start, end, label in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            span_text = text[start:end]
            bare = _bare(span_text)
            if label != "PERSON" and bare in surnames and bare not in self.gaz.countries:
                label = "PERSON"  # "Mostov" tagged ORG after "Alexander Mostov"
            entity = self._classify(span_text, label)
            if entity is None:
                continue
            entity = replace(entity, start=start, end=end)
            if entity.code == "KOR" and bare in AMBIGUOUS_KOREA:
                entity = replace(entity, code=korea)
            if entity.kind == "person":
                entity = self._person(entity, span, surnames, actors)
                surnames.setdefault(entity.entity_name.split()[-1], len(actors.entities))
            index = len(actors.entities)
            if entity.code is None and entity.sector in LOCAL_SECTORS and entity.kind in {"organization", "person"} and fallback:
                entity = replace(entity, code=fallback)
                actors.guessed.add(index)
            actors.entities.append(entity)
            for token in span:
                actors.by_token[token.i] = index
        return actors

    def _korea(self, text: str) -> str:
        """What plain "Korea"/"Korean" means in this text: PRK in a story that names the
        North (DPRK, Pyongyang, North Korea) more often than the South by a specific name."""
        matches = self.gaz.country_matches(text)
        north = sum(m.code == "PRK" for m in matches)
        south = sum(m.code == "KOR" and m.text not in AMBIGUOUS_KOREA for m in matches)
        return "PRK" if north > south else "KOR"

    def _person(self, entity: Entity, span: Span, surnames: dict[str, int], actors: DocActors) -> Entity:
        text = span.doc.text
        sent = span.sent
        words = entity.entity_name.split()
        while words and words[0].lower() in HONORIFICS:
            words = words[1:]
        name = " ".join(words) or entity.entity_name
        title = self._title_after(text, span.end_char, sent.end_char) or self._title_before(
            text, span.start_char, span.end_char, sent.start_char, sent.end_char
        )
        if title is None and name in surnames:
            earlier = actors.entities[surnames[name]]
            return replace(entity, entity_name=earlier.entity_name, code=earlier.code, sector=earlier.sector, office=earlier.office, organization=earlier.organization)
        if len(words) == 1 and name in surnames:
            earlier = actors.entities[surnames[name]]
            name = earlier.entity_name
        if title is None:
            return replace(entity, entity_name=name)
        code, sector = self.affiliation(title)
        found = self.gaz.find_titles(title)
        title_sector = next((s for _, _, s, _ in found if s), None)
        organization = None
        of = re.search(r"\bof\s+(?:the\s+)?(.+)$", title)
        if of:
            organization = re.split(r"\s+(?:to|in)\s+the\s+|,", of.group(1))[0].strip()
        return replace(entity, entity_name=name, office=title, code=code, sector=title_sector or sector, organization=organization)


_RESOLVER: ActorResolver | None = None


def resolve_actors(doc: Doc, document: Document | None = None) -> DocActors:
    """Resolve the actors of ``doc`` with the package gazetteers."""
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = ActorResolver()
    return _RESOLVER.resolve(doc, document)

