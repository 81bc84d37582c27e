"""Actor resolution: names in a parsed document → entities with country, sector and title.

Mentions come from spaCy's named entities, our gazetteers (which catch what the small model
misses or mislabels: "DPRK" as ORG, "the Kremlin", "DPRK ISG") and names repaired next to
titles (:mod:`communique.actors.mentions`). Each mention is classified as a state, an
organization or a person; persons get the title that the text gives around them
(:mod:`communique.actors.titles`), the organization that title names, and the country and
sector of that organization. Later mentions of a person ("Volkov", "Comrade Kiyashchenko",
"Chairman Mostov", "Wang") are linked to the full name named earlier, and every mention of one
person carries the same country.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from communique.actors.bodies import embedded, organization
from communique.actors.gazetteer import PSEUDO_COUNTRIES, Gazetteer, Match, load_gazetteer
from communique.actors.mentions import ENTITY_LABELS, MentionFinder
from communique.actors.titles import Title, TitleReader
from communique.records import Document, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["ENTITY_LABELS", "HONORIFICS", "ActorResolver", "DocActors", "resolve_actors"]

# Honorifics that precede a name but are not offices.
HONORIFICS = frozenset({"comrade", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam"})
_LEADING = re.compile(r"^(?:the|a|an|our|its|their)\s+", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"
# Organizations whose country a story need not state: local bodies get the dateline's country.
AMBIGUOUS_KOREA = frozenset({"Korea", "Korean", "Koreans"})
LOCAL_SECTORS = frozenset({"CVL", "BUS", "EDU", "REL", "LAB", "NGO"})
# "her Estonian counterpart X": X holds the title of the person named before, for Estonia.
COUNTERPART = "counterpart"
# Country rules for a person whose title names no country (measured in docs/benchmarks.md):
# the country the document gives the same body or office elsewhere ("the Iranian Foreign
# Ministry" for a "Foreign Ministry spokesperson"), and, for government titles, the country of
# the dateline (a guess the event coder may overrule).
STATED_COUNTRY = True
DATELINE_FOR_OFFICIALS = False
# A title or body named after a city or a province ("Mayor of Kharkiv") is of its country.
PLACE_AFFILIATION = True
# Two spellings of one given name share this many first letters ("Sergei"/"Sergey").
TRANSLITERATION_PREFIX = 4
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
# Strings that make a PERSON span a web address or a handle, not a name.
_NOT_A_NAME = re.compile(r"www\.|https?:|@|/|\.(?:com|org|net|gov|info|ru|ua|cn|kr|uk)\b", re.IGNORECASE)


def _bare(text: str) -> str:
    text = text.strip().strip(_QUOTES + " ,;:")
    return _LEADING.sub("", text).strip().strip(_QUOTES + " ")


def _display(text: str) -> str:
    """A mention's name as shown: without a leading article, balanced quotes kept."""
    text = _LEADING.sub("", text.strip())
    return text.strip()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name``'s words, in order ("TRC" for
    "Tunisian Red Crescent", "DPRK" for "Democratic People's Republic of Korea")."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())
    letters = iter(initials)
    return acronym[0] == initials[:1] and all(ch in letters for ch in acronym)


def _same_person(name: str, earlier: str) -> bool:
    """Whether ``name`` can be a later mention of ``earlier`` in one document.

    Every word of it is in the earlier name ("Volkov", "Wang", "Anna Reed" after
    "Anna J. Reed"), or it is the same surname with a given name spelled another way
    ("Sergei"/"Sergey", "Alexandr"/"Alexander") or abbreviated ("V. Putin").
    """
    words, full = _words(name), _words(earlier)
    if not words:
        return False
    if words <= full:
        return True
    a, b = name.split(), earlier.split()
    if len(a) < 2 or len(b) < 2 or a[-1].lower() != b[-1].lower():
        return False
    x, y = a[0].lower().rstrip("."), b[0].lower().rstrip(".")
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x[:TRANSLITERATION_PREFIX] == y[:TRANSLITERATION_PREFIX]


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
    publisher_country: str | None = None  # the government whose release this is, if any
    guessed: set[int] = field(default_factory=set)
    # Token index -> a place below the country ("Basra", kind "place", with its country): where
    # acts happen, never an actor, so it is kept out of ``entities`` and ``by_token``.
    places: dict[int, Entity] = field(default_factory=dict)
    # (entity count, length of the list's prefix in text order, its start offsets): built on
    # the first query after resolution, so that the coders' lookups cost O(log n), not O(n).
    _index: tuple[int, int, list[int]] | None = field(default=None, repr=False, compare=False)

    def _sorted_prefix(self) -> tuple[int, list[int]]:
        if self._index is None or self._index[0] != len(self.entities):
            starts = [e.start for e in self.entities]
            n = 1
            while n < len(starts) and starts[n - 1] <= starts[n]:
                n += 1
            self._index = (len(self.entities), min(n, len(starts)), starts[:n])
        return self._index[1], self._index[2]

    def before(self, char: int) -> Iterator[Entity]:
        """The mentions that start before ``char``, latest in the list first (the order of
        ``reversed(entities)``, without walking the mentions after ``char``)."""
        n, starts = self._sorted_prefix()
        for entity in reversed(self.entities[n:]):  # descriptions found after the names
            if entity.start < char:
                yield entity
        for i in range(bisect.bisect_left(starts, char) - 1, -1, -1):
            yield self.entities[i]

    def within(self, start: int, end: int) -> list[Entity]:
        """The mentions that lie wholly inside ``start``–``end``, in the list's order."""
        n, starts = self._sorted_prefix()
        found = self.entities[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        found += (e for e in self.entities[n:] if start <= e.start)
        return [e for e in found if e.end <= end]

    def is_guessed(self, token_index: int) -> bool:
        """Whether the country of the mention at ``token_index`` is a guess from the dateline."""
        return self.by_token.get(token_index) in self.guessed

    def at(self, token_index: int) -> Entity | None:
        index = self.by_token.get(token_index)
        return None if index is None else self.entities[index]

    def place_at(self, token_index: int) -> Entity | None:
        """The state (a country, a capital) or the place (a city, a province) named at
        ``token_index``, for the rules that locate an act; None for anything else."""
        entity = self.at(token_index)
        if entity is not None:
            return entity if entity.kind == "state" else None
        return self.places.get(token_index)

    def canonical(self) -> tuple[Entity, ...]:
        """Distinct actors of the document in text order: one entry per name and kind.

        A person's entry carries the fullest title any mention gives (most words), and the
        country and sector that go with it.
        """
        seen: dict[tuple[str, str], Entity] = {}
        for entity in self.entities:
            key = (entity.entity_name.lower(), entity.kind)
            best = seen.get(key)
            if best is None:
                seen[key] = entity
            elif entity.office and len(entity.office.split()) > len((best.office or "").split()):
                seen[key] = replace(best, office=entity.office, organization=entity.organization,
                                    code=entity.code or best.code, sector=entity.sector or best.sector)
        return tuple(seen.values())


@dataclass
class _Reading:
    """What the resolver remembers while reading one document."""

    doc: Doc
    actors: DocActors
    persons: set[int]  # token indices inside person names
    claimed: set[int] = field(default_factory=set)  # token indices read as a title after a name
    acronyms: dict[str, Entity] = field(default_factory=dict)  # "TRC" -> the organization it stands for
    korea: str = "KOR"


class ActorResolver:
    """Resolves the actors of parsed documents against the gazetteers."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        self.titles = TitleReader(self.gaz)
        self.mentions = MentionFinder(self.gaz, self.titles)

    # -- affiliation of a free text (a title, an organization name) ---------------------------

    def affiliation(self, text: str) -> tuple[str | None, str | None]:
        """Country code and sector that a title or organization name states.

        The leftmost country or known organization decides the country ("Ambassador of the
        DPRK to the Russian Federation" → PRK); a country directly followed by a solidarity
        keyword ("DPRK ISG") names a solidarity group (ISM). The last organization head word
        decides the sector ("member of the Central Committee of the movement" → CVL).
        """
        gaz = self.gaz
        orgs = [m for m in gaz.org_matches(text) if not self._embedded(text, m)]
        isms = [m for m in orgs if m.kind == "ism"]
        candidates: list[Match] = [m for m in orgs if m.code]
        for m in gaz.country_matches(text):
            inside_org = any(o.start <= m.start and m.end <= o.end for o in orgs)
            if not inside_org and not any(0 <= i.start - m.end <= 2 for i in isms):
                candidates.append(m)
        candidates.sort(key=lambda m: m.start)
        code = candidates[0].code if candidates else None
        if code is None and PLACE_AFFILIATION:
            # "Kandahar police chief", "Basra Provincial Council": a body named after a city
            # or a province is of that place's country.
            code = next((m.code for m in gaz.place_matches(text)
                         if not any(o.start <= m.start and m.end <= o.end for o in orgs)), None)
        heads = gaz.head_sectors(text)
        sector = next((h.sector for h in reversed(heads) if h.sector), None)
        if sector is None:
            sector = next((m.sector for m in candidates if m.kind in {"name", "ism"} and m.sector), None)
        return code, sector

    def _embedded(self, text: str, match: Match) -> bool:
        return embedded(self.gaz, text, match)

    def organization(self, title: str) -> str | None:
        """The body a title names, in the title's words (see :func:`communique.actors.bodies.organization`)."""
        return organization(self.gaz, title)

    # -- mentions -------------------------------------------------------------------------------

    def _classify(self, span_text: str, label: str) -> Entity | None:
        gaz = self.gaz
        name = _bare(span_text)
        if not name or gaz.title_at(name) is not None and len(name.split()) <= 2 and label != "PERSON":
            return None  # "Advisor" tagged as ORG
        if label == "PERSON" and (_NOT_A_NAME.search(name) or not any(c.isupper() for c in name)):
            return None  # "www.example.com.ua" tagged as a person
        if label == "PERSON" and name not in gaz.org_names and name not in gaz.countries:
            return Entity(entity_text=span_text, entity_name=" ".join(name.split()), kind="person")
        if label == "FAC" and not gaz.head_sectors(name) and name not in gaz.org_names and name not in gaz.countries:
            return None  # a building or a monument, not an actor (but "La Paz", tagged FAC, is a capital)
        if name in gaz.countries:
            return Entity(entity_text=span_text, entity_name=name, kind="state", code=gaz.countries[name][0], sector="GOV")
        if name in gaz.org_names:
            org_code, org_sector = gaz.org_names[name]
            return Entity(entity_text=span_text, entity_name=name, kind="organization", code=org_code, sector=org_sector)
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
        text = self.titles.text(doc)
        spans = self.mentions.find(doc)
        fallback = None
        if document is not None and document.dateline and document.dateline.place:
            found = self.gaz.countries.get(document.dateline.place) or self.gaz.places.get(document.dateline.place)
            fallback = found[0] if found else None
        actors = DocActors(fallback_country=fallback, publisher_country=self._publisher_country(document))
        persons = {
            t.i for s, e, label in spans if label == "PERSON"
            for t in (doc.char_span(s, e, alignment_mode="expand") or ())
        }
        reading = _Reading(doc=doc, actors=actors, persons=persons, korea=self._korea(text))
        for start, end, label in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            span_text = text[start:end]
            bare = _bare(span_text)
            if bare in self.gaz.places and (label != "PERSON" or bare not in self.gaz.people
                                            and self._alias(bare, actors) is None):
                continue  # a city or a province, whatever the model's label: a place (below)
            if label != "PERSON" and bare not in self.gaz.countries and bare not in self.gaz.org_names \
                    and self._alias(bare, actors) is not None:
                label = "PERSON"  # "Mostov" tagged ORG after "Alexander Mostov"
                reading.persons.update(t.i for t in span)
            entity = self._acronym(bare, start, text, reading) if label != "PERSON" else None
            entity = entity or self._classify(span_text, label)
            if entity is None:
                continue
            entity = replace(entity, start=start, end=end)
            if entity.code == "KOR" and bare in AMBIGUOUS_KOREA:
                entity = replace(entity, code=reading.korea)
            if entity.kind == "person":
                entity = self._person(entity, span, reading)
                if entity.code is None:
                    # "King Fahd of Saudi Arabia", "President Kagame of Rwanda"
                    entity = replace(entity, code=self._of_country(text, end))
            elif entity.kind == "organization" and entity.code not in PSEUDO_COUNTRIES and bare not in self.gaz.org_names:
                # "the Christian Democratic Union of Chile": a party name several countries use
                own = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w .'-]*)$", bare)
                named = self.gaz.countries.get(own.group(1)) if own else None
                entity = replace(entity, code=(named[0] if named else None) or self._of_country(text, end) or entity.code)
            index = len(actors.entities)
            if entity.code is None and entity.sector in LOCAL_SECTORS and entity.kind in {"organization", "person"} \
                    and fallback and not self._international(entity):
                entity = replace(entity, code=fallback)
                actors.guessed.add(index)
            actors.entities.append(entity)
            for token in span:
                actors.by_token[token.i] = index
        self._complete_people(actors, text)
        self._descriptions(doc, actors)
        self._places(doc, text, actors)
        return actors

    def _places(self, doc: Doc, text: str, actors: DocActors) -> None:
        """Record the gazetteer's places that no actor mention covers ("in Basra"), each
        with its country, for the event coder's place rules."""
        for m in self.gaz.place_matches(text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or any(t.i in actors.by_token for t in span):
                continue
            place = Entity(entity_text=m.text, entity_name=m.text, kind="place", code=m.code, start=m.start, end=m.end)
            for token in span:
                actors.places[token.i] = place

    def _acronym(self, bare: str, start: int, text: str, reading: _Reading) -> Entity | None:
        """"the Jordanian Red Crescent (JRC)": an acronym in parentheses after a name, and
        every later use of it, is that organization."""
        if not _ACRONYM.match(bare) or bare in self.gaz.org_names or bare in self.gaz.countries:
            return None
        if bare in reading.acronyms:
            earlier = reading.acronyms[bare]
        else:
            entities = reading.actors.entities
            if not entities or not re.fullmatch(r"\s*\(\s*", text[entities[-1].end : start]):
                return None
            earlier = entities[-1]
            if earlier.kind == "person" or not _abbreviates(bare, earlier.entity_name):
                return None
            reading.acronyms[bare] = earlier
        return replace(earlier, entity_text=bare)

    def _international(self, entity: Entity) -> bool:
        """A person whose title places them in an international solidarity group: the text
        states their affiliation, and it has no country (the dateline's is no guess for it)."""
        return entity.kind == "person" and entity.office is not None and self.affiliation(entity.office)[0] == "ISM"

    def _korea(self, text: str) -> str:
        """What plain "Korea"/"Korean" means in this text: PRK in a story that names the
        North (DPRK, Pyongyang, North Korea) more often than the South by a specific name."""
        matches = self.gaz.country_matches(text)
        north = sum(m.code == "PRK" for m in matches)
        south = sum(m.code == "KOR" and m.text not in AMBIGUOUS_KOREA for m in matches)
        return "PRK" if north > south else "KOR"

    # -- persons --------------------------------------------------------------------------------

    def _alias(self, name: str, actors: DocActors) -> int | None:
        """The latest earlier person whose name may be ``name`` ("Volkov", "Wang", "Anna
        Reed" after "Anna J. Reed"; see ``_same_person``)."""
        for index in range(len(actors.entities) - 1, -1, -1):
            earlier = actors.entities[index]
            if earlier.kind == "person" and _same_person(name, earlier.entity_name):
                return index
        return None

    def _person(self, entity: Entity, span: Span, reading: _Reading) -> Entity:
        doc = reading.doc
        words = entity.entity_name.split()
        while words and words[0].lower() in HONORIFICS:
            words = words[1:]
        name = " ".join(words) or entity.entity_name
        own = set(range(span.start, span.end))
        others = reading.persons - own
        lead = self._leading_title(name, reading.actors)
        if lead is not None:
            name = lead[1]
        # A repaired name may cross a sentence boundary the parser drew ("Hassan al- | Amiri").
        after = self.titles.after(doc, span.end, doc[span.end - 1].sent, others)
        if after is not None:
            reading.claimed.update(t.i for t in doc.char_span(after.start, after.end, alignment_mode="expand") or ())
        before = self.titles.before(doc, span.start, span.end, doc[span.start].sent, others, reading.claimed)
        if before is not None and before.start >= span.start_char:
            before = None
        if before is None and lead is not None:
            before = Title(lead[0], span.start_char, span.start_char + len(lead[0]))
        title = _join(before, after)
        if title is not None and after is not None:
            title = self._respective(title, after, span, reading)
        if title is not None:
            title = self._counterpart(title, reading.actors)
        earlier_index = self._alias(name, reading.actors)
        if earlier_index is not None:
            earlier = reading.actors.entities[earlier_index]
            name = earlier.entity_name
            if title is None:
                return replace(entity, entity_name=name, code=earlier.code, sector=earlier.sector,
                               office=earlier.office, organization=earlier.organization)
        if title is None:
            return replace(entity, entity_name=name)
        titled = self._with_title(replace(entity, entity_name=name), title, reading.korea)

        if titled.code is None and earlier_index is not None:
            titled = replace(titled, code=reading.actors.entities[earlier_index].code)
        return titled

    def _of_country(self, text: str, end: int) -> str | None:
        """The country named by an "of" phrase right after a name, or ``None``."""
        found = re.match(r"\s+of\s+(?:the\s+)?", text[end:])
        if found is None:
            return None
        country = self.gaz.country_pattern.match(text, end + found.end())
        codes = self.gaz.countries.get(country.group(0)) if country is not None else None
        return codes[0] if codes else None

    def _leading_title(self, name: str, actors: DocActors) -> tuple[str, str] | None:
        """A title written as part of a name span, and the name to keep.

        ("Spokesperson", "Ned Parker"): the title is split off a name of two words or more;
        ("President", "Vladimir Putin") for "President Putin" after "Vladimir Putin";
        ("Prophet", "Prophet Isaiah"): a religious title before a single name is part of
        how the name is written. "Sultan Al-Rashid" keeps its first word (a given name too).
        """
        found = self.gaz.title_at(name)
        if found is None or len(found[0]) >= len(name):
            return None
        rest = name[len(found[0]):].strip(" .")
        if not rest[:1].isupper():
            return None
        if len(rest.split()) > 1:
            return found[0], rest
        if found[1] == "REL":
            return found[0], name
        if self._alias(rest, actors) is not None:
            return found[0], rest
        return None

    def _with_title(self, entity: Entity, title: str, korea: str = "KOR") -> Entity:
        code, sector = self.affiliation(title)
        if code == "KOR" and not any(m.code == "KOR" and m.text not in AMBIGUOUS_KOREA
                                     for m in self.gaz.country_matches(title)):
            code = korea  # "Korean" in a story about the North
        if code == "ISM":
            # A solidarity group is international: its chairman's own country is not stated.
            code = None
        elif code is None:
            code = self.gaz.title_country(title)
        title_sector = next((s for _, _, s, _ in self.gaz.find_titles(title) if s), None)
        return replace(entity, office=title, code=code or entity.code, sector=title_sector or sector or entity.sector,
                       organization=self.organization(title))

    def _respective(self, title: str, after: Title, span: Span, reading: _Reading) -> str:
        """"Maria Lopez and Jean Dupont, the Spanish trade minister and the French finance
        minister respectively": two names and two titles in the same order. The first title
        goes to the first name."""
        doc = reading.doc
        if span.start < 2 or doc[span.start - 1].lower_ != "and":
            return title
        first_index = reading.actors.by_token.get(span.start - 2)
        if first_index is None:
            return title
        first = reading.actors.entities[first_index]
        if first.kind != "person" or first.office is not None:
            return title
        title_span = doc.char_span(after.start, after.end, alignment_mode="expand")
        if title_span is None:
            return title
        for token in title_span:
            if token.lower_ == "and" and token.i + 1 < title_span.end and \
                    self.titles.starts_title(doc, token.i + 1, title_span.end, set()) is not None:
                head = _LEADING.sub("", self.titles.text(doc)[after.start : token.idx].strip(" ,"))
                tail = _LEADING.sub("", self.titles.text(doc)[doc[token.i + 1].idx : after.end].strip(" ,"))
                reading.actors.entities[first_index] = self._with_title(first, head, reading.korea)
                return title.replace(self.titles.text(doc)[after.start : after.end], tail)
        return title

    def _counterpart(self, title: str, actors: DocActors) -> str:
        """"her Estonian counterpart" → "Estonian Foreign Minister" when the person named before
        is the "Iranian Foreign Minister"."""
        found = [m for m in self.gaz.find_titles(title)]
        if not found or title[found[0][0] : found[0][1]].lower() != COUNTERPART:
            return title
        for earlier in reversed(actors.entities):
            if earlier.kind != "person" or not earlier.office:
                continue
            for start, end, _sector, _rank in self.gaz.find_titles(earlier.office):
                core = earlier.office[start:end]
                if core.lower() != COUNTERPART:
                    return title[: found[0][0]] + core + title[found[0][1] :]
        return title

    def _publisher_country(self, document: Document | None) -> str | None:
        """The country of a government body that published the document (a ministry's or a
        department's own release), from its outlet; None for news media and unknown outlets."""
        if document is None or not document.outlet:
            return None
        code, sector = self.affiliation(document.outlet)
        return code if sector == "GOV" else None

    def _complete_people(self, actors: DocActors, text: str) -> None:
        """Give every mention of a person the country, title and body the best mention has,
        and a country to titled persons whose title names none."""
        groups: dict[str, list[int]] = {}
        for index, entity in enumerate(actors.entities):
            if entity.kind == "person":
                groups.setdefault(entity.entity_name, []).append(index)
        # (country, office word) pairs already held by a named person: "China's foreign
        # minister" is Li, not the Japanese minister he met.
        held: set[tuple[str | None, str]] = {(e.code, t.lower()) for e in actors.entities if e.kind == "person" and e.code and e.office
                for t in self._office_words(e.office)}
        for indices in groups.values():
            stated = [i for i in indices if i not in actors.guessed]
            ranked = sorted(stated or indices, key=lambda i: (actors.entities[i].code is None,
                                                              -len((actors.entities[i].office or "").split())))
            best = actors.entities[ranked[0]]
            guessed = ranked[0] in actors.guessed
            if best.code is None and best.office and STATED_COUNTRY:
                code = self._stated_country(best.office, text, held)
                if code is not None:
                    best = replace(best, code=code)
            if best.code is None and best.office and DATELINE_FOR_OFFICIALS and actors.fallback_country \
                    and best.sector == "GOV" and not self._international(best):
                best, guessed = replace(best, code=actors.fallback_country), True
            listed = self.gaz.person(best.entity_name) if best.code is None or guessed else None
            if listed is not None:
                # A well-known person the text gives no country: the list's (the text's own
                # title or affiliation, when it gives one, always wins).
                best, guessed = replace(best, code=listed[0], sector=best.sector or listed[1]), False
            if best.code is None and best.office and actors.publisher_country and best.sector == "GOV" \
                    and not self._international(best):
                # A government's own release ("Ministry of Foreign Affairs of Japan"): its
                # officials with bare titles ("Minister Kishida") are its own.
                best, guessed = replace(best, code=actors.publisher_country), True
            if best.code is not None and best.office:
                held.update((best.code, t.lower()) for t in self._office_words(best.office))
            for i in indices:
                entity = actors.entities[i]
                if listed is not None and i in actors.guessed:
                    entity = replace(entity, code=None)  # the list beats the dateline's guess
                    actors.guessed.discard(i)
                if entity.code is None and best.code is not None and guessed:
                    actors.guessed.add(i)
                actors.entities[i] = replace(
                    entity, code=entity.code or best.code, sector=entity.sector or best.sector,
                    office=entity.office or best.office, organization=entity.organization or best.organization,
                )

    def _descriptions(self, doc: Doc, actors: DocActors) -> None:
        """Link "the Secretary", "the Foreign Minister", "the Chinese ambassador" to the
        person last named with that title.

        Only singular descriptions with a definite article and no "of" complement are read
        ("the founder of the movement" is a role of the movement, left to the event coder);
        a country word in the description must agree with the person's country.
        """
        k = 0
        while k < len(doc):
            token = doc[k]
            if token.lower_ != "the" or k + 1 >= len(doc):
                k += 1
                continue
            title_start = k + 1
            modifiers: list[str] = []  # "the Chinese ambassador": at most two words before the title
            while title_start < len(doc) and len(modifiers) < 2 and self.titles.title_end(doc, title_start) is None \
                    and self._description_modifier(doc, title_start, actors):
                modifiers.append(doc[title_start].text)
                title_start += 1
            end = self.titles.title_end(doc, title_start) if title_start < len(doc) else None
            if end is None or any(i in actors.by_token for i in range(title_start, end)) \
                    or doc[end - 1].tag_ in {"NNS", "NNPS"} or end < len(doc) and doc[end].lower_ == "of":
                k += 1
                continue
            described = self.titles.text(doc)[doc[title_start].idx : doc[end - 1].idx + len(doc[end - 1])]
            stated = self.affiliation(" ".join(modifiers))[0] if modifiers else None
            person = self._described(described, stated, doc[k].idx, actors)
            if person is not None:
                start_char, end_char = token.idx, doc[end - 1].idx + len(doc[end - 1])
                index = len(actors.entities)
                actors.entities.append(replace(actors.entities[person], entity_text=self.titles.text(doc)[start_char:end_char],
                                               start=start_char, end=end_char))
                for i in range(k, end):
                    actors.by_token[i] = index
            k = end

    @staticmethod
    def _description_modifier(doc: Doc, i: int, actors: DocActors) -> bool:
        """A capitalised word that names no actor, or a country word ("Chinese")."""
        index = actors.by_token.get(i)
        if index is None:
            return doc[i].text[:1].isupper()
        return actors.entities[index].kind == "state"

    def _described(self, described: str, stated: str | None, before: int, actors: DocActors) -> int | None:
        words = _words(described)
        for index in range(len(actors.entities) - 1, -1, -1):
            entity = actors.entities[index]
            if entity.start >= before or entity.kind != "person" or not entity.office:
                continue
            if words <= _words(entity.office) and (stated is None or stated == entity.code):
                return index
        return None

    def _office_words(self, office: str) -> list[str]:
        """The gazetteer titles and organization heads in an office ("Foreign Minister")."""
        return [h.text for h in self.gaz.head_sectors(office)] + [office[s:e] for s, e, _, _ in self.gaz.find_titles(office)]

    def _stated_country(self, office: str, text: str, held: set[tuple[str | None, str]]) -> str | None:
        """The country a document gives elsewhere to the body or office in ``office``:
        "Foreign Ministry spokesperson" in a story about "the Bolivian Foreign Ministry", a
        "Foreign Minister" in a story headed "Chile's foreign minister rejects"."""
        for phrase in self._office_words(office):
            if len(phrase.split()) < 2:
                continue  # "Committee", "Chairman": too common to tell one body from another
            pattern = re.compile(rf"(?:['’]s\s+|\s+)(?:{re.escape(phrase)})\b", re.IGNORECASE)
            found = {c.code for c in self.gaz.country_matches(text)
                     if c.kind in {"name", "adjective"} and pattern.match(text, c.end)}
            found -= {code for code, word in held if word == phrase.lower()}
            if len(found) == 1:
                return found.pop()
        return None


def _join(before: Title | None, after: Title | None) -> str | None:
    """The title before a name and the one after it, as the text gives them ("U.S. Col.,
    commander of the base")."""
    if before is None:
        return after.text if after else None
    if after is None:
        return before.text
    return f"{before.text}, {after.text}"


_RESOLVER: ActorResolver | None = None


def resolve_actors(doc: Doc, document: Document | None = None) -> DocActors:
    """Resolve the actors of ``doc`` with the package gazetteers."""
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = ActorResolver()
    return _RESOLVER.resolve(doc, document)
