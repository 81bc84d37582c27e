"""Gazetteers: countries, organizations, titles, places and people, read from the package's data files.

The files (``communique/data/*.tsv``) are written by hand by the communique authors; the test
``tests/test_data_gazetteers.py`` validates them. They are loaded once per process.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

PSEUDO_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if row and not row[0].startswith("#") and any(cell.strip() for cell in row):
            yield [cell.strip() for cell in row]


def _trie(texts: list[str]) -> str:
    """A regex body matching any of ``texts``, factored into a trie of common prefixes.

    It matches what the plain alternation of the texts, longest first, matches (at a given
    position only one path through the trie fits the text, and each node tries its longer
    continuations before ending), but Python's ``re`` no longer tries thousands of branches
    at every position: the gazetteers' patterns run about ten times faster.
    """
    root: dict[str, dict] = {}
    for text in set(texts):
        node = root
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def body(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + body(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alternatives = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{alternatives})?" if "" in node else alternatives

    return body(root)


def _alternation(texts: list[str]) -> re.Pattern[str]:
    """One regex matching any of ``texts`` as whole words, the longest that fits."""
    return re.compile(rf"(?<![\w'’-])(?:{_trie(texts)})(?![\w-])")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    code: str | None
    sector: str | None
    kind: str  # country kinds (name, adjective, capital, metonym) or org kinds (name, head, ism)


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, tuple[str, str]]  # text -> (code, kind)
    org_names: dict[str, tuple[str | None, str | None]]  # text -> (code, sector)
    org_heads: dict[str, str | None]  # lower-case head keyword -> sector
    ism_keywords: dict[str, str | None]  # keyword -> sector
    titles: dict[str, tuple[str | None, int]]  # lower-case title -> (sector, rank)
    title_countries: dict[str, str]  # lower-case title -> the country it names by itself
    country_pattern: re.Pattern[str]
    org_pattern: re.Pattern[str]
    head_pattern: re.Pattern[str]
    title_pattern: re.Pattern[str]
    # Places below the country (cities, provinces, regions): text -> (code, kind). A place
    # locates an act in its country; it is never an actor by itself (capitals, which act as
    # their governments, stay in ``countries``).
    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    place_pattern: re.Pattern[str] | None = None
    # Well-known people: full name -> (code, sector, office); a fallback for a person whose
    # country the text does not give. ``people_surnames``: distinctive surnames that name
    # one of them alone ("Netanyahu").
    people: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)
    people_surnames: dict[str, str] = field(default_factory=dict)
    # Family names every listed leader who bears them shares one country with ("Bush",
    # "Assad", "Castro"): not a person, but the state of "the Bush administration".
    family_countries: dict[str, str] = field(default_factory=dict)
    people_pattern: re.Pattern[str] | None = None  # full names of two words or more, surnames

    def people_matches(self, text: str) -> list[Match]:
        """Full names and distinctive surnames of listed people in ``text``, left to right (the
        small English model misses some, or cuts them short, at the start of a sentence)."""
        if self.people_pattern is None:
            return []
        out = []
        for m in self.people_pattern.finditer(text):
            found = self.person(m.group(0))
            if found is None:
                continue
            code, sector, _office = found
            out.append(Match(m.start(), m.end(), m.group(0), code, sector, "person"))
        return out

    def place_matches(self, text: str) -> list[Match]:
        """Known places (not countries nor capitals) in ``text``, left to right."""
        if self.place_pattern is None:
            return []
        out = []
        for m in self.place_pattern.finditer(text):
            code, kind = self.places[m.group(0)]
            out.append(Match(m.start(), m.end(), m.group(0), code, None, kind))
        return out

    def person(self, name: str) -> tuple[str, str | None, str] | None:
        """The listed person ``name`` is (full name, or a distinctive surname): (code, sector, office)."""
        found = self.people.get(name)
        if found is None and name in self.people_surnames:
            found = self.people.get(self.people_surnames[name])
        return found

    def country_matches(self, text: str) -> list[Match]:
        """Country names, adjectives, capitals and metonyms in ``text``, left to right."""
        out = []
        for m in self.country_pattern.finditer(text):
            code, kind = self.countries[m.group(0)]
            out.append(Match(m.start(), m.end(), m.group(0), code, "GOV", kind))
        return out

    def org_matches(self, text: str) -> list[Match]:
        """Known organization names and solidarity-group keywords in ``text``."""
        out = []
        for m in self.org_pattern.finditer(text):
            key = m.group(0)
            if key in self.org_names:
                code, sector = self.org_names[key]
                out.append(Match(m.start(), m.end(), key, code, sector, "name"))
            else:
                out.append(Match(m.start(), m.end(), key, "ISM", self.ism_keywords[key], "ism"))
        return out

    def head_sectors(self, text: str) -> list[Match]:
        """Generic organization head words ("Embassy", "Ministry") in ``text``."""
        return [
            Match(m.start(), m.end(), m.group(0), None, self.org_heads[m.group(0).lower()], "head")
            for m in self.head_pattern.finditer(text)
        ]

    def title_at(self, text: str) -> tuple[str, str | None, int] | None:
        """The longest title that ``text`` starts with: (title, sector, rank)."""
        m = self.title_pattern.match(text)
        if m is None:
            return None
        sector, rank = self.titles[m.group(0).lower()]
        return m.group(0), sector, rank

    def title_country(self, text: str) -> str | None:
        """The country that a title in ``text`` names by itself ("Secretary of State" → USA),
        unless a "for ..." portfolio follows it (the British "Secretary of State for Defence")."""
        for m in self.title_pattern.finditer(text):
            code = self.title_countries.get(m.group(0).lower())
            if code is not None and not re.match(r"\s+for\b", text[m.end():]):
                return code
        return None

    def find_titles(self, text: str) -> list[tuple[int, int, str | None, int]]:
        """Every title word in ``text``: (start, end, sector, rank)."""
        return [(m.start(), m.end(), *self.titles[m.group(0).lower()]) for m in self.title_pattern.finditer(text)]


def _sector(value: str) -> str | None:
    return None if value in {"", "-"} else value


def _apostrophes(text: str) -> tuple[str, ...]:
    """``text`` and, if it has an ASCII apostrophe, its typographic spelling ("Cox’s Bazar")."""
    return (text, text.replace("'", "’")) if "'" in text else (text,)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the data files once and compile their matchers."""
    countries: dict[str, tuple[str, str]] = {}
    for code, kind, text in (row[:3] for row in _rows("countries.tsv")):
        countries.setdefault(text, (code, kind))
    org_names: dict[str, tuple[str | None, str | None]] = {}
    org_heads: dict[str, str | None] = {}
    ism: dict[str, str | None] = {}
    for row in _rows("organizations.tsv"):
        text, match, code, sector = row[:4]
        if match == "name":
            org_names.setdefault(text, (None if code == "-" else code, _sector(sector)))
        elif match == "head":
            org_heads.setdefault(text.lower(), _sector(sector))
        elif match == "ism":
            ism.setdefault(text, _sector(sector))
    titles: dict[str, tuple[str | None, int]] = {}
    title_countries: dict[str, str] = {}
    for row in _rows("titles.tsv"):
        titles.setdefault(row[0].lower(), (_sector(row[1]), int(row[2])))
        if len(row) > 3 and row[3] not in {"", "-"}:
            title_countries.setdefault(row[0].lower(), row[3])
    places: dict[str, tuple[str, str]] = {}
    for code, kind, *texts in _rows("places.tsv"):
        for text in (v for t in texts for v in _apostrophes(t)):
            if text and text not in countries:
                places.setdefault(text, (code, kind))
    people: dict[str, tuple[str, str | None, str]] = {}
    surnames: dict[str, str] = {}
    for name, code, sector, office, surname, *_ in (row + [""] * (5 - len(row)) for row in _rows("people.tsv")):
        for variant in _apostrophes(name):
            people.setdefault(variant, (code, _sector(sector), office))
        if surname not in {"", "-"}:
            for variant in _apostrophes(surname):
                surnames.setdefault(variant, name)
    by_family: dict[str, set[str]] = {}
    for name, (code, _, _) in people.items():
        if " " in name:
            by_family.setdefault(name.rsplit(" ", 1)[1], set()).add(code)
    family_countries = {family: codes.pop() for family, codes in by_family.items() if len(codes) == 1}
    head_body = _trie(list(org_heads))
    title_body = _trie(list(titles))
    return Gazetteer(
        countries=countries,
        org_names=org_names,
        org_heads=org_heads,
        ism_keywords=ism,
        titles=titles,
        title_countries=title_countries,
        country_pattern=_alternation(list(countries)),
        org_pattern=_alternation(list(org_names) + list(ism)),
        head_pattern=re.compile(rf"\b(?:{head_body})\b", re.IGNORECASE),
        title_pattern=re.compile(rf"(?:{title_body})(?!\w)", re.IGNORECASE),
        places=places,
        place_pattern=_alternation(list(places)) if places else None,
        people=people,
        people_surnames=surnames,
        family_countries=family_countries,
        people_pattern=_alternation([name for name in people if " " in name] + list(surnames)) if people else None,
    )
