"""Titles of people: the office words around a name, read on the parsed tokens.

A title phrase is an optional determiner or possessor, a few modifiers, a title word from
the gazetteer and a tail that names the body ("the DPRK's minister of external economic
relations", "Foreign Ministry spokesperson", "Russian ambassador to the DPRK"). Titles come

* after a name: an apposition ("Wanjiru Kamau, state councillor and foreign minister of Kenya"),
  a parenthesis ("Shin Hong Chol (DPRK Ambassador)") or a copula ("X is Senior Editor");
* before a name: a premodifier ("Dutch ambassador Pieter Smit"), a premodifier set off by a
  comma ("Kenya's ambassador to Ethiopia, Grace Wanjiru,"), a credit ("Author - X"), with
  an "of" chain after the name ("Chairman Kim Jong Il of the National Defence Commission").

Part-of-speech tags keep verbs out ("X, said the minister" is no title), so lowercase titles
are read as safely as capitalised ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.actors.gazetteer import Gazetteer
from communique.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words that may open a title phrase without being part of it.
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "whose"})
# Modifiers before a title word ("Russian Deputy Foreign", "North Korea's external economic
# relations"): more than this is a clause, not a title.
MAX_MODIFIERS = 6
# Tokens between a title word and the name it qualifies ("ambassador to the UAE").
MAX_TAIL = 14
# One apposition segment read as a title, in characters.
MAX_SEGMENT_CHARS = 180
# Prepositions that chain a title to its body ("in charge of", "under the Ministry").
TAIL_PREPOSITIONS = frozenset({"of", "to", "for", "in", "under", "at", "with", "on"})
# Separators of a credit line ("Author: X", "Photo - X").
CREDIT_SEPARATORS = frozenset({":", "-", "–", "—", "|"})
# Copulas that give a title after a name ("X is Senior Editor for ...", "X, who is ...").
COPULAS = frozenset({"is", "was", "serves as", "served as", "who is", "who was", "who serves as"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_OPEN_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "X"})
_CLOSED_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "VERB", "ADV", "PART", "PUNCT", "SYM", "INTJ"})
_DATE_ENTS = frozenset({"DATE", "TIME"})
_RESPECTIVELY = re.compile(r",?\s+respectively\W*$", re.IGNORECASE)
_LOWER_WORD = re.compile(r"^[a-z][a-z'’-]*$|^\d[\w-]*$")
# After "and" in an apposition, these words start the next item of a list, not the title.
_LIST_CONTINUES = frozenset({"other", "others", "his", "her", "their", "its", "several", "many", "some", "all",
                             "the", "a", "an", "officials", "members", "staff"})


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase found in the text, with its character offsets."""

    text: str
    start: int
    end: int


def _skip_space(doc: Doc, i: int, end: int) -> int:
    while i < end and doc[i].is_space:
        i += 1
    return i


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _verbal(token: Token) -> bool:
    """A verb or auxiliary that ends a title phrase; attributive participles ("ruling
    Workers' Party", "acting minister") are modifiers."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.tag_ in {"VBG", "VBN"} and token.i + 1 < len(token.doc):
        following = token.doc[token.i + 1]
        return following.pos_ not in {"NOUN", "PROPN", "ADJ"}
    return True


class TitleReader:
    """Finds title phrases around names, using the gazetteer's title words.

    ``persons`` given to the methods is the set of token indices that belong to person
    names: another person's name never becomes part of a title.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    @staticmethod
    def text(doc: Doc) -> str:
        """``doc.text``, read once per document (spaCy joins the tokens on every call)."""
        return doc_text(doc)

    # -- words ----------------------------------------------------------------------------------

    def title_end(self, doc: Doc, i: int, limit: int | None = None) -> int | None:
        """If a gazetteer title starts at token ``i``, the index of the token after it."""
        token = doc[i]
        if not token.text[:1].isalpha():
            return None
        if limit is not None and limit <= i:
            return None
        end_char = len(self.text(doc)) if limit is None else doc[limit - 1].idx + len(doc[limit - 1])
        found = self.gaz.title_pattern.match(self.text(doc), token.idx, end_char)
        if found is None:
            return None
        j = i
        while j < len(doc) and doc[j].idx < found.end():
            j += 1
        # The title must end on a token boundary ("Chair" is not a title inside "Chairs").
        if doc[j - 1].idx + len(doc[j - 1]) != found.end():
            return None
        return j

    def _modifier(self, token: Token, persons: set[int]) -> bool:
        if token.i in persons or token.ent_type_ in _DATE_ENTS:
            return False
        if token.text in _POSSESSIVE or token.text in {"-", "(", ")", "."} or token.tag_ == "HYPH":
            return True
        if _capitalised(token) and token.tag_ in {"VBG", "VBN"}:
            return True  # "Acting", "Retired"
        if token.pos_ in _CLOSED_POS and not (_capitalised(token) and token.pos_ in {"PUNCT", "X", "INTJ"}):
            return False
        if _capitalised(token):
            return True
        # A lowercase modifier is a plain word ("former", "external economic relations"), not
        # a glitch such as "saidGerman" (a verb run into a name by a missing space).
        return token.pos_ in _OPEN_POS and not token.tag_.startswith("VB") and _LOWER_WORD.match(token.text) is not None

    def _tail_ok(self, tokens: list[Token], persons: set[int]) -> bool:
        """Whether tokens after a title word only chain it to its body ("to the UAE")."""
        if len(tokens) > MAX_TAIL:
            return False
        tokens = [t for t in tokens if not t.is_space]
        if tokens and tokens[0].pos_ == "NOUN" and _LOWER_WORD.match(tokens[0].text):
            return False  # "militant group al-Shabab": the title word only qualifies a noun
        for n, token in enumerate(tokens):
            lower = token.lower_
            if token.i in persons or _verbal(token) or token.ent_type_ in _DATE_ENTS:
                return False
            if lower in TAIL_PREPOSITIONS or lower in {"the", "a", "an"}:
                continue
            if lower == "and":
                if n + 1 < len(tokens) and self.title_end(tokens[0].doc, tokens[n + 1].i) is not None:
                    return False  # "... and Acting Minister": a second title starts
                continue
            if not self._modifier(token, persons) and token.text not in {"“", "”", '"'}:
                return False
        # A chain never ends on a preposition, an article or a conjunction.
        return not (tokens and (tokens[-1].lower_ in TAIL_PREPOSITIONS | {"the", "a", "an", "and"}
                                or tokens[-1].text in {"-", "("}))

    def starts_title(self, doc: Doc, start: int, end: int, persons: set[int]) -> int | None:
        """If tokens ``start:end`` open with a title phrase, the index of its first token.

        A determiner may come first ("the head of"); then up to ``MAX_MODIFIERS`` modifiers
        ("Assistant foreign", "North Korea's external economic relations") and a title word.
        """
        i = _skip_space(doc, start, end)
        if i < end and doc[i].lower_ in DETERMINERS:
            i = _skip_space(doc, i + 1, end)
        first = i
        seen = 0
        for k in range(i, end):
            if doc[k].is_space:
                continue
            if self.title_end(doc, k, end) is not None:
                return first
            if not self._modifier(doc[k], persons) or seen >= MAX_MODIFIERS:
                return None
            seen += 1
        return None

    # -- after a name ---------------------------------------------------------------------------

    def after(self, doc: Doc, end: int, sent: Span, persons: set[int]) -> Title | None:
        """A title right after a name ending at token ``end`` (exclusive)."""
        end = _skip_space(doc, end, sent.end)
        if end >= sent.end:
            return None
        token = doc[end]
        if token.text == "(":
            close = next((k for k in range(end + 1, min(sent.end, end + 40)) if doc[k].text == ")"), None)
            if close is not None and self.starts_title(doc, end + 1, close, persons) is not None:
                return self._title(doc, end + 1, close)
            return None
        copula = self._copula(doc, end, sent)
        if copula is not None:
            first = self.starts_title(doc, copula, sent.end, persons)
            if first is None:
                return None
            stop = self._segment_end(doc, first, sent.end, persons)
            return self._title(doc, first, stop) if stop is not None and stop > first else None
        if token.text != ",":
            return None
        parts: list[tuple[int, int]] = []
        k = end + 1
        while k < sent.end:
            first = self.starts_title(doc, k, sent.end, persons)
            if first is None or self._names_someone(doc, first, sent.end, persons):
                break
            stop = self._segment_end(doc, first, sent.end, persons)
            if stop is None or stop <= first:
                break
            closed = stop >= sent.end or doc[stop].text in {",", ";", ")"} or doc[stop].is_punct
            if not closed and parts:
                break  # "X, Chairman of Y, the founder of Z attended ...": Z's founder is the subject
            if not closed and doc[end - 1].dep_ == "pobj" and any(t.dep_ == "nsubj" for t in doc[first:stop]):
                # "In a call with X, the Australian leader discussed ...": the name closes an
                # opening phrase, and what follows the comma is the subject of the main verb.
                break
            parts.append((first, stop))
            if not closed or stop >= sent.end or doc[stop].text != ",":
                break
            k = stop + 1
        if not parts:
            return None
        k = _skip_space(doc, parts[-1][1] + 1, sent.end)
        if parts[-1][1] < sent.end and doc[parts[-1][1]].text == "," and k < sent.end:
            # "Federal Minister for Foreign Affairs, Germany": the title's country.
            found = self.gaz.country_pattern.match(self.text(doc), doc[k].idx)
            if found is not None and found.group(0) in self.gaz.countries:
                stop = k
                while stop < sent.end and doc[stop].idx < found.end():
                    stop += 1
                if stop >= sent.end or doc[stop].is_punct and doc[stop].text != "-":
                    parts.append((k, stop))
        start_char = doc[parts[0][0]].idx
        end_char = doc[parts[-1][1] - 1].idx + len(doc[parts[-1][1] - 1])
        text = _RESPECTIVELY.sub("", self.text(doc)[start_char:end_char].strip()).rstrip(".;:, ")
        if len(text) > MAX_SEGMENT_CHARS * len(parts):
            return None
        return Title(text, start_char, start_char + len(text))

    def _names_someone(self, doc: Doc, first: int, stop: int, persons: set[int]) -> bool:
        """Whether the first title word of a segment is followed by a person's name: "...,
        Portuguese President Mario Soares said" titles Soares, not the name before the comma."""
        for k in range(first, stop):
            end = self.title_end(doc, k, stop)
            if end is not None:
                return end < stop and end in persons
        return False

    def _copula(self, doc: Doc, end: int, sent: Span) -> int | None:
        """Index after ", who is" / "is" / "serves as" following a name, if any."""
        k = end + 1 if end < sent.end and doc[end].text == "," else end
        for size in (3, 2, 1):
            if k + size <= sent.end and " ".join(t.lower_ for t in doc[k : k + size]) in COPULAS \
                    and (doc[k].lower_ == "who" or k == end):
                return k + size
        return None

    def _segment_end(self, doc: Doc, first: int, stop: int, persons: set[int]) -> int | None:
        """Where an apposition segment opened at ``first`` ends: a comma, a semicolon, a
        closing parenthesis, a verb or a date ("in Hanoi on Monday")."""
        k = first
        depth = 0
        while k < stop:
            token = doc[k]
            if token.text == "(":
                depth += 1
            elif token.text == ")":
                if depth == 0:
                    return k
                depth -= 1
            elif (depth == 0 and token.text in {",", ";"}
                  or k > first and (_verbal(token) or token.lower_ in {"who", "which", "that", "while", "when", "where"})
                  or token.lower_ in {"on", "in", "at"} and k + 1 < stop and doc[k + 1].ent_type_ in _DATE_ENTS):
                return k
            elif token.lower_ == "and" and k + 1 < stop and doc[k + 1].lower_ in _LIST_CONTINUES \
                    and self.starts_title(doc, k + 1, stop, persons) is None:
                return k  # "First Secretary of the Embassy and other relevant employees"
            elif token.ent_type_ in _DATE_ENTS and token.like_num:
                return k
            k += 1
        end = stop
        while end > first and doc[end - 1].is_punct and doc[end - 1].text not in {")", "”", '"'}:
            end -= 1
        return end

    # -- before a name --------------------------------------------------------------------------

    def before(self, doc: Doc, start: int, end: int, sent: Span, persons: set[int], claimed: set[int]) -> Title | None:
        """A title before a name spanning tokens ``start:end``.

        ``claimed`` holds token indices already read as another name's title: "A, minister
        of X, B" gives B no title.
        """
        k = start
        while k - 1 > sent.start and doc[k - 1].is_space:
            k -= 1
        if k - 1 >= sent.start and doc[k - 1].text in CREDIT_SEPARATORS:
            # A credit: "Author: X", "Photo - X".
            k -= 1
            for i in range(max(sent.start, k - 3), k):
                if self.title_end(doc, i, k) == k:
                    return self._with_modifiers(doc, i, k, sent, persons)
            return None
        if k - 1 >= sent.start and doc[k - 1].text == ",":
            after_i = _skip_space(doc, end, sent.end)
            after = doc[after_i] if after_i < sent.end else None
            if after is not None and after.text not in {",", ".", ")", ";"} and not after.is_sent_end:
                return None
            k -= 1
            if k - 1 in claimed:
                return None
        while k - 1 > sent.start and doc[k - 1].is_space:
            k -= 1
        for i in range(k - 1, max(sent.start, k - MAX_TAIL - 4) - 1, -1):
            if doc[i].is_space:
                continue
            if doc[i].i in persons or doc[i].text in {",", ";", ":"} or _verbal(doc[i]):
                break
            title_end = self.title_end(doc, i, k)
            if title_end is None:
                continue
            if self._tail_ok(list(doc[title_end:k]), persons):
                title = self._with_modifiers(doc, i, k, sent, persons)
                if k == start and title_end == k:
                    title = self._of_chain(doc, title, end, sent, persons)
                return title
            return None
        return None

    def _with_modifiers(self, doc: Doc, i: int, k: int, sent: Span, persons: set[int]) -> Title:
        first = i
        while first - 1 >= sent.start and i - first < MAX_MODIFIERS:
            prev = doc[first - 1]
            inner_of = (prev.lower_ == "of" and first - 2 >= sent.start and _capitalised(doc[first - 2])
                        and _capitalised(doc[first]) and doc[first - 2].pos_ == "PROPN")
            if not inner_of and not self._modifier(prev, persons):
                break  # "of" only inside a name: "Republic of Korea (ROK) Foreign Minister"
            if prev.text in {"(", ")", "-", "."} and first - 1 == sent.start:
                break
            first -= 1
        while first < i and (doc[first].text in _POSSESSIVE or doc[first].is_punct):
            first += 1
        return self._title(doc, first, k)

    def _of_chain(self, doc: Doc, title: Title, end: int, sent: Span, persons: set[int]) -> Title:
        """"Chairman Kim Jong Il of the National Defence Commission of the DPRK": the body
        after the name belongs to the title before it."""
        if end >= sent.end or doc[end].lower_ != "of":
            return title
        k = end + 1
        last = None
        while k < sent.end:
            token = doc[k]
            if token.lower_ in {"of", "for", "the", "on"} or _capitalised(token) and not _verbal(token) and token.i not in persons:
                if _capitalised(token) or token.text in _POSSESSIVE:
                    last = k
                k += 1
                continue
            if token.lower_ == "and" and k + 1 < sent.end and _capitalised(doc[k + 1]) and self.title_end(doc, k + 1) is None:
                k += 1
                continue
            if token.text in _POSSESSIVE:
                last = k
                k += 1
                continue
            break
        if last is None:
            return title
        chain = self.text(doc)[doc[end].idx : doc[last].idx + len(doc[last])]
        return Title(f"{title.text} {chain}", title.start, doc[last].idx + len(doc[last]))

    def _title(self, doc: Doc, first: int, stop: int) -> Title:
        while first < stop and doc[first].lower_ in DETERMINERS:
            first += 1
        start_char = doc[first].idx
        end_char = doc[stop - 1].idx + len(doc[stop - 1])
        text = self.text(doc)[start_char:end_char]
        text = re.sub(r"\s+", " ", text).strip().rstrip(",;:")
        text = _RESPECTIVELY.sub("", text).rstrip(",;: ")
        if text.endswith(".") and len(text.split()[-1]) > 4:
            text = text[:-1]  # a full stop, not the end of an abbreviation ("Col.")
        return Title(text, start_char, end_char)
