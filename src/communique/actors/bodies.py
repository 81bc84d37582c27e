"""The bodies that titles and names point to: "the DPRK Embassy", "the Foreign Ministry".

``organization`` reads the organization a person's title names, in the title's words;
``embedded`` tells a known organization name from the end of a longer name that it only ends
("Security Council" in "National Security Council").
"""

from __future__ import annotations

import re

from communique.actors.gazetteer import Gazetteer, Match

__all__ = ["FUNCTION_CAPITALS", "embedded", "organization"]

# Capitalised words that open a sentence or a name without being part of it.
FUNCTION_CAPITALS = frozenset({"the", "a", "an", "and", "of", "in", "on", "at", "by", "for", "with", "from", "to",
                               "as", "but", "or", "while", "when", "after", "before", "meanwhile", "also", "then",
                               "former", "acting", "late", "interim", "outgoing", "incoming"})
# What may follow an organization word inside its name: "of the DPRK ISG", "for Friendship
# and Cultural Cooperation", "(TRC)".
_BODY_TAIL = re.compile(
    r"(?:\s+(?:of|for|on|and)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*|\s+[A-Z][\w'’.&-]*|\s*\([A-Z]{2,}\)"
    r"|\s+of\s+(?:the\s+)?[\"“][^\"”]{1,40}[\"”](?:\s+[a-z]+)?)*"
)


def embedded(gaz: Gazetteer, text: str, match: Match) -> bool:
    """Whether a known name is only the end of a longer proper name: "Security Council"
    in "National Security Council" is not the UN's."""
    if match.kind != "name":
        return False
    if not re.search(r"[a-z]", match.text):
        return False  # an acronym ("U.N.", "NATO") is never the end of a longer name
    before = re.search(r"([A-Z][\w.-]*)\s+$", text[: match.start])
    return before is not None and before.group(1).lower() not in FUNCTION_CAPITALS \
        and before.group(1) not in gaz.countries \
        and before.group(1) not in gaz.org_names and gaz.title_at(before.group(1)) is None


def organization(gaz: Gazetteer, title: str) -> str | None:
    """The body a title names, in the title's words.

    A known organization or a capitalised name around an organization head word comes
    first ("Counselor of the DPRK Embassy in the Russian Federation" → "DPRK Embassy",
    "Foreign Ministry spokesperson" → "Foreign Ministry"), then a country ("Deputy Minister
    of Defense of the Russian Federation" → "Russian Federation"), then the capitalised
    object of "of"/"for"/"at" ("Senior Editor for Examplewire.com").
    """
    countries = gaz.country_matches(title)
    found: list[tuple[int, int]] = [_expand_body(gaz, title, m.start, m.end, named=True)
                                    for m in gaz.org_matches(title)]
    for head in gaz.head_sectors(title):
        if any(c.start <= head.start and head.end <= c.end for c in countries):
            continue  # "Federation" in "Russian Federation"
        if title[head.start].isupper():
            found.append(_expand_body(gaz, title, head.start, head.end))
            continue
        # "the Malian transitional government", "the Green movement": a lowercase head that a
        # country or a name qualifies.
        qualified = re.search(r"([A-Z][\w'’.-]*)\s+((?:[a-z][\w-]*\s+){0,2})$", title[: head.start])
        if qualified and (any(c.start == qualified.start(1) for c in countries) or not qualified.group(2)):
            found.append((qualified.start(1), head.end))
    if found:
        start, end = min(found, key=lambda f: (f[0], -f[1]))
        return title[start:end]
    # "Russian ambassador to Chile": the host country is not the body.
    named = [c for c in countries if c.kind == "name" and not re.search(r"\b(?:to|in)\s+(?:the\s+)?$", title[: c.start])]
    if named:
        return named[0].text
    inside = [(m.start(), m.end()) for m in gaz.title_pattern.finditer(title)]
    for of in re.finditer(r"\b(?:of|for|at)\s+(?:the\s+)?([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)", title):
        # "Minister of Foreign Affairs", "Secretary of State": the portfolio is part of the title.
        if not gaz.find_titles(of.group(1)) and not any(a <= of.start() < b for a, b in inside):
            return of.group(1)
    return None


def _expand_body(gaz: Gazetteer, title: str, start: int, end: int, *, named: bool = False) -> tuple[int, int]:
    """Grow an organization word to its capitalised name: "Coordination Committee of the
    DPRK ISG", "Tunisian Red Crescent (TRC)", but not over a title ("NATO Secretary
    General", "Former U.N. Secretary-General").

    A generic head word takes the capitalised words before it, a title word right before
    it included ("Russian Executive Committee"); a known name takes capitalised words that
    are no title ("Tunisian" + "Red Crescent").
    """
    for word in reversed(list(re.finditer(r"[\w'’.&-]+", title[:start]))):
        text = word.group(0)
        if title[word.end():start].strip() or not text[:1].isupper():
            break
        if text.lower() in FUNCTION_CAPITALS:
            break
        if gaz.title_at(text) is not None and (named or word.end() + 1 < start):
            break
        start = word.start()
    tail = _BODY_TAIL.match(title, end)
    if tail:
        stop = tail.end()
        for title_word in gaz.title_pattern.finditer(title, end, stop):
            if re.match(r"\s", title[title_word.start() - 1]):
                stop = title_word.start()
                break
        end = len(title[:stop].rstrip())
    return start, end
