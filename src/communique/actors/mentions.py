"""Mention spans of a parsed document: named entities, gazetteer names and repaired names.

The small English model often bounds a name wrongly or labels it wrongly: it may cut
"O Kwang Chol" to "Kwang Chol" or "Faisal bin Salman bin Abdullah Al Rashid" after "Salman",
split "Hassan al- Amiri" in two, tag "Spokesperson Ned Parker" as an organization or a
hyphenated name as a place, and miss a name after "the Canadian ambassador to the UAE". The repairs here are general: names grow over capitalised words and
name particles, a title at the start of a span is split off, and a capitalised name next to a
title (before or after it) is a person whatever its label.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from communique.actors.gazetteer import Gazetteer, Match
from communique.actors.titles import TitleReader

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Words inside Arabic, Dutch, German, Spanish ... names that are written in lower case or
# stand between two parts of one name ("bin", "al-", "van der").
NAME_PARTICLES = frozenset({
    "bin", "ibn", "bint", "al", "al-", "el", "el-", "ul", "ur", "ud", "abu", "abd", "ben", "de", "da", "di", "del",
    "della", "dos", "du", "van", "von", "der", "den", "la", "le", "y", "Al", "Al-", "El", "El-", "Abu", "Bin",
})
# How many capitalised words a name may grow by to the left ("O" + "Kwang Chol").
MAX_LEFT_GROWTH = 2
# Longest name found without the model's help (after a title).
MAX_NAME_TOKENS = 5
# A sentence with at least this many words of four letters or more, nearly all capitalised, is a
# title-case headline: no names are guessed from capitals there.
HEADLINE_WORDS = 4
HEADLINE_SHARE = 0.8
# A quoted name followed by an organization noun: the "JoJack" movement, the "Azov" battalion.
_QUOTED_ORG = re.compile(
    r"(?:[Tt]he\s+)?[\"“][A-Z][^\"”\n]{1,40}[\"”]\s+(?:movement|organi[sz]ation|group|party|society|association"
    r"|union|foundation|committee|network|club|front|alliance|brigade|battalion|coalition|campaign)\b"
)
_FUNCTION_WORDS = frozenset({"the", "a", "an", "in", "on", "at", "of", "and", "but", "for", "to", "by", "with", "as",
                             "from", "after", "before", "while", "when", "then", "also", "meanwhile", "however"})
# Words of organization names that the gazetteer's head words leave out ("Revolutionary United Front").
_ORG_WORDS = frozenset({
    "Front", "Community", "Council", "Forces", "Group", "Alliance", "Coalition", "Organization", "Organisation",
    "Agency", "Department", "Office", "Bureau", "Service", "Authority", "Commission", "League", "Congress",
    "Center", "Centre", "Fund", "Club", "Network", "Brigade", "Brigades", "Battalion", "Corps", "Republic",
    "Kingdom", "State", "States", "Province", "Region", "City", "Airport", "Hall", "Square", "Street",
})
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.]*|[A-Z]\.)(?:-[\w'’.]+)*$")
_MONTHS_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})

Spans = list[tuple[int, int, str]]


class _Reach:
    """Spans sorted by start with the furthest end reached so far: whether any span contains,
    or overlaps, a stretch of text is a binary search, not a walk over every span."""

    def __init__(self, spans: Spans) -> None:
        ordered = sorted((s, e) for s, e, _ in spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def _furthest(self, before: int) -> int:
        """The furthest end among spans that start before ``before``."""
        i = bisect.bisect_left(self.starts, before)
        return self.reach[i - 1] if i else -1

    def contains(self, start: int, end: int) -> bool:
        return self._furthest(start + 1) >= end

    def overlaps(self, start: int, end: int) -> bool:
        return self._furthest(end) > start


class MentionFinder:
    """Finds the mention spans (start char, end char, label) of a parsed document."""

    def __init__(self, gazetteer: Gazetteer, titles: TitleReader) -> None:
        self.gaz = gazetteer
        self.titles = titles

    def find(self, doc: Doc) -> Spans:
        """Every actor mention of ``doc``, sorted, without overlaps."""
        text = self.titles.text(doc)
        spans: Spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS]
        spans = [_cut_possessive(text, s) for s in spans if not _verb_in_headline_name(doc, s)]
        spans = [cut for s in spans if (cut := _cut_at_verb(doc, s)) is not None]
        spans = [part for s in spans for part in _split_commas(text, s)]
        spans = [part for s in spans for part in self._split_credit(doc, s)]
        spans = [part for s in spans for part in self._split_known_head(doc, s)]
        spans = [self._split_title(doc, s) for s in spans]
        spans = [s for s in spans if not self._ends_in_title(doc, s) and not self._inside_title(doc, s)]
        for quoted in _QUOTED_ORG.finditer(text):
            spans = [sp for sp in spans if sp[1] <= quoted.start() or sp[0] >= quoted.end()]
            spans.append((quoted.start(), quoted.end(), "ORG"))
        covered, persons = _Reach(spans), _Reach([sp for sp in spans if sp[2] == "PERSON"])
        for m in self.gaz.org_matches(text) + self.gaz.country_matches(text):
            if not covered.contains(m.start, m.end):
                # A gazetteer name that overlaps a wrongly bounded NER span replaces it, unless
                # the span is a person's name ("Sultan Al-Rashid", "Jordan Peterson").
                if persons.overlaps(m.start, m.end):
                    continue
                spans = [sp for sp in spans if sp[1] <= m.start or sp[0] >= m.end]
                spans.append((m.start, m.end, "ORG" if m.kind in {"name", "ism"} else "GPE"))
                covered, persons = _Reach(spans), _Reach([sp for sp in spans if sp[2] == "PERSON"])
        spans = _listed_people(spans, self.gaz.people_matches(text))
        spans.sort()
        spans = self._grow_names(doc, spans)
        spans = self._titled_names(doc, spans)
        return sorted(spans)

    # -- repairs --------------------------------------------------------------------------------

    def _split_credit(self, doc: Doc, span: tuple[int, int, str]) -> Spans:
        """A photo credit "Ammar Haddad/Xinhua" or "Xinhua/Li Ming": the name and the
        agency, each a mention of its own."""
        start, end, _label = span
        text = self.titles.text(doc)[start:end]
        if text.count("/") != 1 or " /" in text or "/ " in text:
            return [span]
        left, right = text.split("/")
        parts: Spans = []
        for part, offset in ((left, start), (right, start + len(left) + 1)):
            if part in self.gaz.org_names:
                parts.append((offset, offset + len(part), "ORG"))
            elif self._name_like(part):
                parts.append((offset, offset + len(part), "PERSON"))
            else:
                return [span]
        return parts

    def _split_known_head(self, doc: Doc, span: tuple[int, int, str]) -> Spans:
        """"Chile Ivan Petrov" (PERSON) after "ambassador to": a country or a known
        organization, then the name."""
        start, end, label = span
        if label != "PERSON":
            return [span]
        text = self.titles.text(doc)[start:end]
        for found in (self.gaz.country_pattern.match(text), self.gaz.org_pattern.match(text)):
            if found is None or found.end() >= len(text) or not text[found.end()].isspace():
                continue
            rest = text[found.end():].lstrip()
            if self._name_like(rest):
                label = "GPE" if found.group(0) in self.gaz.countries else "ORG"
                return [(start, start + found.end(), label), (end - len(rest), end, "PERSON")]
        return [span]

    def _split_title(self, doc: Doc, span: tuple[int, int, str]) -> tuple[int, int, str]:
        """"Spokesperson Ned Parker" (ORG) → the person "Ned Parker"; "Prophet Isaiah" stays
        whole (a religious title before a single name is part of how the name is written)."""
        start, end, _label = span
        text = self.titles.text(doc)[start:end]
        lead = re.match(r"(?:the\s+)?", text, re.IGNORECASE)
        offset = lead.end() if lead else 0
        found = self.gaz.title_at(text[offset:])
        if found is None:
            return span
        rest = text[offset + len(found[0]):]
        rest_stripped = rest.lstrip(" .")
        words = rest_stripped.split()
        if not words or not all(_NAME_WORD.match(w) or w in NAME_PARTICLES for w in words):
            return span
        if self._known(rest_stripped):
            return span
        if len(words) == 1:
            # "Sultan Al-Rashid", "Prophet Isaiah", "President Putin": the resolver decides
            # (an earlier "Vladimir Putin" makes it a title).
            return (start + offset, end, "PERSON")
        return (end - len(rest_stripped), end, "PERSON")

    def _ends_in_title(self, doc: Doc, span: tuple[int, int, str]) -> bool:
        """"U.S. Col" (ORG): the last words are a title that precedes a name."""
        start, end, label = span
        if label == "PERSON":
            return False
        text = self.titles.text(doc)[start:end]
        if text in self.gaz.org_names or text in self.gaz.countries:
            return False
        for word in re.finditer(r"\S+", text):
            if word.start() == 0:
                continue
            found = self.gaz.title_pattern.match(self.titles.text(doc), start + word.start())
            # "U.S. Col" + "." : the title may take the full stop after the span.
            if found is not None and end <= found.end() <= end + 1:
                return True
        return False

    def _ends_title(self, doc: Doc, i: int) -> bool:
        """Whether token ``i`` is the last word of a title ("State" in "Secretary of State")."""
        end = doc[i].idx + len(doc[i])
        for token in doc[max(0, i - 4) : i]:
            found = self.gaz.title_pattern.match(self.titles.text(doc), token.idx)
            if found is not None and found.end() == end:
                return True
        return False

    def _inside_title(self, doc: Doc, span: tuple[int, int, str]) -> bool:
        """"State" in "Secretary of State", "Foreign Affairs" in "Minister of Foreign
        Affairs": the model's organization is the end of a title."""
        start, end, label = span
        if label == "PERSON" or self._known(_strip_the(self.titles.text(doc)[start:end])):
            return False
        sent = doc.char_span(start, end, alignment_mode="expand")
        if sent is None:
            return False
        for token in doc[max(sent.sent.start, sent.start - 4) : sent.start]:
            found = self.gaz.title_pattern.match(self.titles.text(doc), token.idx)
            if found is not None and found.end() >= end and token.idx < start:
                return True
        return False

    def _known(self, text: str) -> bool:
        return text in self.gaz.countries or text in self.gaz.org_names or bool(self.gaz.head_sectors(text))

    def _name_token(self, token) -> bool:  # type: ignore[no-untyped-def]
        """A token that can be part of a name: capitalised, not a function word, a title,
        a month or a known country or organization."""
        if token.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}:
            return False
        if not _NAME_WORD.match(token.text) or token.lower_ in _FUNCTION_WORDS or token.lower_ in _MONTHS_DAYS:
            return False
        if token.pos_ in {"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "VERB", "ADV", "PART", "NUM"}:
            return False
        if token.text.rstrip(".").lower() in {"mr", "mrs", "ms", "dr", "comrade", "sir", "madam"}:
            return False
        return self.titles.title_end(token.doc, token.i) is None and not self._known(token.text)

    def _grow_names(self, doc: Doc, spans: Spans) -> Spans:
        """Grow person names over the words the model left out and join split names."""
        out: Spans = []
        starts = {s: (s, e, label) for s, e, label in spans}
        taken: set[int] = set()
        for s, e, label in spans:
            if s in taken:
                continue
            if label != "PERSON":
                out.append((s, e, label))
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                out.append((s, e, label))
                continue
            first, last = span.start, span.end
            # Left: "O" + "Kwang Chol", "Anna" + "J. Reed".
            grown = 0
            while grown < MAX_LEFT_GROWTH and first - 1 >= span.sent.start:
                prev = doc[first - 1]
                if any(a <= prev.idx < b for a, b, _ in out) or not self._name_token(prev) or self._ends_title(doc, prev.i):
                    break
                if prev.is_sent_start and len(prev.text.rstrip(".")) > 1:
                    break  # "Share Anna Reed ...": a capitalised word opening a line
                first -= 1
                grown += 1
            # Right: "Faisal bin Salman" + "bin Abdullah Al Rashid", "Hassan" + "al-" + "Amiri".
            # A particle never ends a sentence, whatever the parser's sentence boundary says.
            limit = len(doc)
            k = last
            while k < limit and (doc[k].text in NAME_PARTICLES or doc[k].text.rstrip("-") in NAME_PARTICLES):
                j = k
                while j < limit and (doc[j].text in NAME_PARTICLES or doc[j].text in {"-"}
                                     or doc[j].text.rstrip("-") in NAME_PARTICLES):
                    j += 1
                words_end = j
                while words_end < limit and words_end - j < 3 and "\n" not in doc[words_end - 1].whitespace_ and (
                    self._name_token(doc[words_end]) or doc[words_end].idx in starts
                    and starts[doc[words_end].idx][2] == "PERSON"
                ):
                    words_end += 1
                if words_end == j:
                    break
                k = last = words_end
            # "Moon Jae" + "-in": a hyphenated given name the model cut at the hyphen.
            while last + 1 < len(doc) and doc[last].text == "-" and not doc[last - 1].whitespace_ \
                    and not doc[last].whitespace_ and doc[last + 1].is_alpha and doc[last + 1].is_lower:
                last += 2
            end_char = doc[last - 1].idx + len(doc[last - 1])
            for a, b, lab in spans:
                if a >= e and b <= end_char:
                    taken.add(a)
            new_end = end_char
            # "the Prophet Isaiah." — a full stop after a word of four letters or more ends
            # the sentence, it is not an initial.
            name = self.titles.text(doc)[doc[first].idx:new_end]
            if name.endswith(".") and len(name.split()[-1]) > 3:
                new_end -= 1
            out.append((doc[first].idx, new_end, "PERSON"))
        return out

    def _titled_names(self, doc: Doc, spans: Spans) -> Spans:
        """Persons the model mislabelled or missed, found by the title next to them."""
        persons = _person_tokens(doc, spans)
        all_covered = {i for s, e, _ in spans for i in _token_range(doc, s, e)}
        out: Spans = []
        for s, e, label in spans:
            if label != "PERSON" and not self._known(_strip_the(self.titles.text(doc)[s:e])):
                span = doc.char_span(s + len(self.titles.text(doc)[s:e]) - len(_strip_the(self.titles.text(doc)[s:e])), e, alignment_mode="expand")
                if span is not None:
                    # "Marta" (GPE) + "Ruiz": the model's span may hold only part of the name.
                    first, last = span.start, span.end
                    while last < span.sent.end and last - first < MAX_NAME_TOKENS and last not in all_covered \
                            and self._name_token(doc[last]):
                        last += 1
                    name = self.titles.text(doc)[doc[first].idx : doc[last - 1].idx + len(doc[last - 1])]
                    if self._name_like(name) and self._titled(doc, first, last, persons):
                        s, e, label = doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), "PERSON"
            out.append((s, e, label))
        covered = {i for s, e, _ in out for i in _token_range(doc, s, e)}
        k = 0
        while k < len(doc):
            if k in covered or not self._name_token(doc[k]) or doc[k].is_sent_start and doc[k].pos_ != "PROPN" \
                    or self._ends_title(doc, k) or _headline(doc[k].sent):
                k += 1
                continue
            j = k
            sent_end = doc[k].sent.end
            while j < sent_end and j - k < MAX_NAME_TOKENS and j not in covered and (
                self._name_token(doc[j]) or doc[j].text in NAME_PARTICLES and j > k
            ):
                j += 1
            if j - k >= 2 and (j >= len(doc) or not _NAME_WORD.match(doc[j].text) or j in covered):
                name = self.titles.text(doc)[doc[k].idx : doc[j - 1].idx + len(doc[j - 1])]
                if self._name_like(name) and self.titles.before(doc, k, j, doc[k].sent, persons, set()) is not None:
                    out.append((doc[k].idx, doc[j - 1].idx + len(doc[j - 1]), "PERSON"))
                    covered.update(range(k, j))
            k = max(j, k + 1)
        return out

    def _name_like(self, text: str) -> bool:
        """Two to five capitalised words (name particles allowed), none of them a title, a
        country, a known organization or an organization head word."""
        if self._known(text) or self.gaz.country_matches(text) or self.gaz.org_matches(text):
            return False
        words = text.split()
        if not 2 <= len(words) <= MAX_NAME_TOKENS or any(ch.isdigit() for ch in text):
            return False
        if not all(_NAME_WORD.match(w) or w in NAME_PARTICLES for w in words) or any(w in _ORG_WORDS for w in words):
            return False
        if words[0].lower() in _FUNCTION_WORDS or any(w.lower().strip(".") in _MONTHS_DAYS for w in words):
            return False
        return not any(self.gaz.title_at(w) is not None for w in words)

    def _titled(self, doc: Doc, start: int, end: int, persons: set[int]) -> bool:
        sent = doc[start].sent
        span_tokens = set(range(start, end))
        others = persons - span_tokens
        return (self.titles.after(doc, end, sent, others) is not None
                or self.titles.before(doc, start, end, sent, others, set()) is not None)


def _listed_people(spans: Spans, people: list[Match]) -> Spans:
    """The full name of a listed person is one person's mention, however the model bounded it:
    "Recep Tayyip Erdogan" opening a sentence, which the small model misses or cuts to "Tayyip
    Erdogan", replaces the spans inside or across it. A name inside a longer span ("the Nelson
    Mandela Foundation") is left to that span."""
    for m in people:
        touching = [sp for sp in spans if sp[0] < m.end and sp[1] > m.start]
        if any(sp[0] <= m.start and sp[1] >= m.end and (sp[1] - sp[0]) > (m.end - m.start) for sp in touching):
            continue
        if touching == [(m.start, m.end, "PERSON")]:
            continue
        spans = [sp for sp in spans if sp not in touching]
        spans.append((m.start, m.end, "PERSON"))
    return spans


def _headline(sent: Span) -> bool:
    """A line in title case ("Ambassador Rejects New Proposal"): every word is capitalised, so
    capitals say nothing about names there."""
    words = [t.text for t in sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= HEADLINE_WORDS and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _verb_in_headline_name(doc: Doc, span: tuple[int, int, str]) -> bool:
    """"Rejects New Proposal" (PERSON) in a title-case headline: a name holds no finite verb."""
    start, end, label = span
    tokens = doc.char_span(start, end, alignment_mode="expand")
    return label == "PERSON" and tokens is not None and _headline(tokens.sent) and any(
        t.tag_ in {"VBZ", "VBD", "VBP"} for t in tokens)


def _cut_at_verb(doc: Doc, span: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """"The UN Security Council ordered Eritrea" (ORG): a name holds no finite verb written in
    lower case; the name ends before it (and a span that starts with one is none)."""
    start, end, label = span
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None:
        return span
    for token in tokens:
        if token.tag_ in {"VBZ", "VBD", "VBP"} and token.text[:1].islower():
            before = doc[tokens.start : token.i]
            return (start, before.end_char, label) if len(before) and before.text.strip() else None
    return span


def _cut_possessive(doc_text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """"Saddam Hussein's" or "Osama bin Laden's al-Qaeda" (PERSON): the name ends before "'s";
    other names lose a trailing possessive only ("North Korea's"). No name ends in a
    function word: "King Fahd of" (the model's span before "Saudi Arabia") is "King Fahd"."""
    start, end, label = span
    text = doc_text[start:end]
    words = text.split()
    while len(words) > 1 and words[-1] in _FUNCTION_WORDS:
        words.pop()
    if len(words) < len(text.split()):
        end = start + text.rindex(words[-1]) + len(words[-1])
        text = doc_text[start:end]
        span = (start, end, label)
    if label != "PERSON":
        # "North Korea's" (GPE): a possessive at the end is not part of the name; inside one
        # it is ("Democratic People's Republic of Korea").
        trailing = re.search(r"['’]s?$", text)
        return (start, start + trailing.start(), label) if trailing and trailing.start() > 0 else span
    found = re.search(r"['’]s\b", text)
    if found is None or found.start() == 0:
        return span
    return (start, start + found.start(), label)


def _split_commas(doc_text: str, span: tuple[int, int, str]) -> Spans:
    """"Trade, Ri Hyon Chol" (ORG): a span the model ran across a comma is two mentions."""
    start, end, label = span
    text = doc_text[start:end]
    if label == "PERSON" or ", " not in text:
        return [span]
    parts: Spans = []
    offset = start
    for part in text.split(", "):
        if part.strip():
            parts.append((offset, offset + len(part), label))
        offset += len(part) + 2
    return parts


def _strip_the(text: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", text)


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(0) if span is None else range(span.start, span.end)


def _person_tokens(doc: Doc, spans: Spans) -> set[int]:
    return {i for s, e, label in spans if label == "PERSON" for i in _token_range(doc, s, e)}

