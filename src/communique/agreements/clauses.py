"""Clauses: the commitments a text enumerates for an agreement.

Read in the agreement's *scope* (from its first mention to the first mention of the next
agreement), in this order:

1. a lead that ends in a colon ("It says:", "The parties undertake to:", "the declaration
   contains the following points:") followed by list lines ("1. …", "(a) …", "- …", "• …") or
   by paragraphs: one clause per item or paragraph; text after the colon on the same line is
   split at semicolons or coordinated verb phrases;
2. list lines right after a paragraph that names the agreement;
3. commitment sentences: "the parties undertake to A, to B and C", "X has committed to …",
   "Under the agreement, …", "According to the agreement, the sides will …", "The agreement
   provides for A, B and C": one clause per coordinated verb phrase (or, after "provides
   for", per coordinated noun phrase);
4. inside a run of such commitments, or said of both parties together, sentences in the future
   ("Both countries will also cooperate in …", "further talks will be held by A and B").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from communique.agreements.mentions import lemma
from communique.nlp import doc_text
from communique.records import Span as TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs whose infinitive or "to"-complement is a commitment ("undertake to", "committed to").
COMMIT_VERBS = frozenset({"undertake", "pledge", "commit", "vow", "promise", "agree", "oblige", "obligate"})
# Verbs by which an agreement states its content ("the accord provides for …").
PROVISION_VERBS = frozenset({"provide", "stipulate", "envisage", "envision", "foresee", "oblige", "commit",
                             "require", "include", "call", "set", "cover", "say", "state", "read", "contain"})
# Verbs of a colon lead ("It says:", "The text reads:").
LEAD_VERBS = PROVISION_VERBS | COMMIT_VERBS | frozenset({"note", "declare", "list", "specify", "emphasize",
                                                        "stress", "underline", "affirm", "reaffirm"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# Plural nouns that, with "the", "both" or "two", name the parties together.
COLLECTIVE = frozenset({"party", "side", "country", "nation", "state", "government", "leader", "signatory"})
# A list line: "1.", "2)", "(a)", "a)", "-", "•", "*", "–".
LIST_MARKER = re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)]|\([a-zA-Z]{1,4}\)|[a-z][.)]|[-•*–—▪●◦])[ \t]+(?=\S)")
# A paragraph that ends like a sentence; a line that does not is a heading or boilerplate.
SENTENCE_END = re.compile(r"[.!?;:…\"”'’)]\s*$")
# At most this many paragraphs after a colon lead are read as clauses.
MAX_LISTED = 40
# Words a coordinated clause may start with before its verb ("…, and to jointly fight …").
_LEADING_WORDS = frozenset({"and", "or", "to", "as", "well", "also", "further", "then", "jointly", "mutually"})


@dataclass(frozen=True, slots=True)
class Scope:
    """Where one agreement's clauses may be: character range, and its mentions' tokens."""

    start: int
    end: int
    mention_tokens: frozenset[int]
    party: Callable[[Token], bool]


def segments(sents: list[Span]) -> list[list[Token]]:
    """Sentences cut at line breaks (the parser sometimes runs a sentence over paragraphs)."""
    out: list[list[Token]] = []
    for sent in sents:
        current: list[Token] = []
        for token in sent:
            if token.is_space:
                if "\n" in token.text and current:
                    out.append(current)
                    current = []
                continue
            current.append(token)
            if "\n" in token.whitespace_ and current:
                out.append(current)
                current = []
        if current:
            out.append(current)
    return out


def _span(doc: Doc, start: int, end: int) -> TextSpan | None:
    """A clause span with surrounding blanks, list markers and connectives trimmed."""
    text = doc_text(doc)
    raw = text[start:end]
    marker = LIST_MARKER.match(raw)
    if marker:
        start += marker.end()
    while True:
        chunk = text[start:end]
        stripped = chunk.lstrip(" \t\n,;:")
        m = re.match(r"(?:and|or|to|as well as)\s+", stripped)
        start += len(chunk) - len(stripped) + (m.end() if m else 0)
        if not m:
            break
    chunk = text[start:end]
    trimmed = re.sub(r"(?:[\s,;:.]|\b(?:and|or)\b)+$", "", chunk)
    end -= len(chunk) - len(trimmed)
    if end - start < 3:
        return None
    return TextSpan(start=start, end=end, text=text[start:end])


def _lines(text: str, pos: int, limit: int) -> Iterable[tuple[int, int]]:
    """(start, end) of each line from ``pos`` up to ``limit``."""
    while pos < limit:
        nl = text.find("\n", pos, limit)
        end = limit if nl < 0 else nl
        yield pos, end
        pos = end + 1


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def list_after(doc: Doc, pos: int, limit: int, *, paragraphs: bool) -> list[tuple[int, int]]:
    """Items that follow the line holding ``pos``: list lines, or (when ``paragraphs``) the
    paragraphs of a quoted text, up to ``limit``."""
    text = doc_text(doc)
    items: list[tuple[int, int]] = []
    listing: bool | None = None
    for start, end in _lines(text, _line_end(text, pos) + 1, limit):
        line = text[start:end]
        if not line.strip():
            continue
        is_item = LIST_MARKER.match(line) is not None
        if listing is None:
            listing = is_item
            if not is_item and not paragraphs:
                break
        if listing and not is_item or not listing and not SENTENCE_END.search(line):
            break
        items.append((start, end))
        if len(items) >= MAX_LISTED:
            break
    return items


def _skippable(token: Token) -> bool:
    return token.lower_ in _LEADING_WORDS or token.pos_ == "ADV" or token.is_punct


def split_points(tokens: list[Token]) -> list[int]:
    """Token positions (in ``tokens``) where a new coordinated clause starts.

    A clause starts after a semicolon, or after a comma (optionally with "and"/"or") when the
    next word, past "to" and adverbs, is a verb of the same form as the first verb of the list
    ("to promote …, to jointly fight …, inform … and jointly prevent …").
    """
    first_verb = next((t for t in tokens if t.pos_ in {"VERB", "AUX"}), None)
    form = first_verb.tag_ if first_verb is not None else None
    points = []
    # Subjects that open a clause of their own ("which" opens a relative clause, not a new item).
    subjects = [t for t in tokens if t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ not in {"WDT", "WP", "WP$"}]
    semicolons = [i for i, t in enumerate(tokens) if t.text == ";"]
    if semicolons:
        return [i + 1 for i in semicolons if i + 1 < len(tokens)]
    for i, token in enumerate(tokens):
        if token.text != "," or i + 1 >= len(tokens):
            continue
        j = i + 1
        while j < len(tokens) and _skippable(tokens[j]):
            j += 1
        if j >= len(tokens):
            continue
        nxt = tokens[j]
        if nxt.pos_ == "VERB" and form is not None and nxt.tag_ == form and lemma(nxt) != "include":
            points.append(i + 1)
        elif any(t.left_edge.i == tokens[i + 1 if tokens[i + 1].dep_ != "cc" else i + 2].i
                 and t.head.i > t.i and t.head.pos_ in {"VERB", "AUX"} for t in subjects):
            points.append(i + 1)  # "…, and both sides will share …": a clause with its own subject
    return points


def _split(doc: Doc, tokens: list[Token], *, nouns: Token | None = None) -> list[TextSpan]:
    """Cut a token run into clauses (coordinated verb phrases, or the conjuncts of ``nouns``)."""
    tokens = [t for t in tokens if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in {")", '"', "”"}:
        tokens = tokens[:-1]
    if not tokens:
        return []
    if nouns is not None and nouns.conjuncts:
        starts = sorted(c.left_edge.i for c in nouns.conjuncts)
        positions = [k for k, t in enumerate(tokens) if t.i in starts]
    else:
        positions = split_points(tokens)
    bounds = [0, *positions, len(tokens)]
    out = []
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        start = tokens[a].idx
        end = tokens[b - 1].idx + len(tokens[b - 1])
        span = _span(doc, start, end)
        if span is not None:
            out.append(span)
    return out


def _collective(token: Token) -> bool:
    """"the parties", "both sides", "the two countries"."""
    dets = {c.lower_ for c in token.children if c.dep_ in {"det", "nummod", "predet"}}
    return lemma(token) in COLLECTIVE and token.tag_ in {"NNS", "NNPS"} and bool(dets & {"the", "both", "two", "all"})


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _refers(token: Token, scope: Scope) -> bool:
    """Whether a phrase names this agreement: one of its mentions, "it", "the document"."""
    return (token.i in scope.mention_tokens or token.lower_ == "it"
            or lemma(token) in {"document", "text", "deal"})


def _complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "xcomp":
            return child
    for child in verb.children:
        if child.dep_ in {"prep"} and child.lower_ in {"to", "for"}:
            for obj in child.children:
                if obj.dep_ in {"pcomp", "pobj"}:
                    return obj
    for child in verb.children:
        if child.dep_ in {"ccomp", "dobj"}:
            return child
    return None


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if node.dep_ in {"conj", "xcomp", "advcl"} and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def _agents(verb: Token) -> list[Token]:
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def _commitments(doc: Doc, segment: list[Token], scope: Scope) -> tuple[list[TextSpan], bool]:
    """Clauses of a commitment sentence, and whether it was one (even with nothing to split)."""
    inside = {t.i for t in segment}
    last = segment[-1].i
    for verb in segment:
        word = lemma(verb)
        if verb.pos_ not in {"VERB", "AUX", "ADJ"} or _negated(verb):
            continue
        subject = _subject(verb)
        if word in COMMIT_VERBS and subject is not None and (
                _collective(subject) or scope.party(subject) or (word != "agree" and _refers(subject, scope))):
            comp = _complement(verb)
            if comp is not None and comp.i in inside:
                end = min(verb.right_edge.i, last)
                return _split(doc, [doc[k] for k in range(comp.left_edge.i, end + 1)]), True
        if word in PROVISION_VERBS and subject is not None and _refers(subject, scope) and subject.i in inside:
            comp = _complement(verb)
            if comp is not None and comp.i in inside:
                end = min(comp.right_edge.i, last)
                nouns = comp if comp.pos_ in {"NOUN", "PROPN"} else None
                return _split(doc, [doc[k] for k in range(comp.left_edge.i, end + 1)], nouns=nouns), True
    # "Under the agreement, …" / "According to the agreement, the sides will …"
    for token in segment:
        if token.dep_ != "prep" or token.lower_ not in {"under", "according"}:
            continue
        objs = [o for o in token.subtree if o.dep_ == "pobj"]
        if objs and _refers(objs[0], scope) and token.head.pos_ in {"VERB", "AUX"}:
            if token.i == segment[0].i:
                rest = [t for t in segment if t.i > token.right_edge.i]
            else:  # "The sides will …, under the agreement." / "…, according to it."
                rest = [t for t in segment if t.i < token.left_edge.i]
            return _split(doc, rest), True
    return [], False


def _future(segment: list[Token], scope: Scope, *, in_run: bool) -> bool:
    """A future sentence said of the parties ("Both countries will cooperate in …")."""
    inside = {t.i for t in segment}
    roots = [t for t in segment if t.head.i not in inside or t.head.i == t.i]
    roots += [c for r in roots for c in r.conjuncts if c.i in inside]
    for verb in roots:
        if verb.pos_ not in {"VERB", "AUX"} or _negated(verb):
            continue
        if not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX for c in verb.children):
            continue
        subject = _subject(verb)
        if subject is not None and _collective(subject):
            return True
        actors = ([subject] if subject is not None else []) + _agents(verb)
        if in_run and any(scope.party(a) for a in actors):
            return True
    return False


def find_clauses(sents: list[Span], scope: Scope) -> tuple[TextSpan, ...]:
    """The clauses of one agreement, in text order."""
    if not sents:
        return ()
    doc = sents[0].doc
    found: list[TextSpan] = []

    def covered(start: int, end: int) -> bool:
        return any(c.start < end and start < c.end for c in found)

    parts = [s for s in segments(sents) if scope.start <= s[0].idx < scope.end]
    # 1. colon leads
    for segment in parts:
        colon = next((k for k, t in enumerate(segment) if t.text == ":"), None)
        if colon is None or covered(segment[0].idx, segment[-1].idx + 1):
            continue
        lead = segment[:colon]
        about = any(_refers(t, scope) and t.dep_ in {"nsubj", "nsubjpass", "pobj"} or lemma(t) in COMMIT_VERBS
                    or t.lower_ == "following" for t in lead)
        if not about or not any(lemma(t) in LEAD_VERBS or t.lower_ == "following" for t in lead):
            continue
        rest = segment[colon + 1:]
        if rest:
            found.extend(_split(doc, rest))
        else:
            for start, end in list_after(doc, segment[colon].idx, scope.end, paragraphs=True):
                span = _span(doc, start, end)
                if span is not None and not covered(start, end):
                    found.append(span)
    # 2. list lines right after a paragraph naming the agreement
    for segment in parts:
        if any(t.i in scope.mention_tokens for t in segment):
            for start, end in list_after(doc, segment[-1].idx, scope.end, paragraphs=False):
                span = _span(doc, start, end)
                if span is not None and not covered(start, end):
                    found.append(span)
    # 3. commitment sentences, 4. future sentences within a run of commitments
    in_run = bool(found)
    for segment in parts:
        start, end = segment[0].idx, segment[-1].idx + len(segment[-1])
        if covered(start, end):
            continue
        clauses, is_commitment = _commitments(doc, segment, scope)
        if is_commitment:
            found.extend(clauses)
            in_run = in_run or bool(clauses)
        elif _future(segment, scope, in_run=in_run):
            span = _span(doc, start, end)
            if span is not None:
                found.append(span)
    return tuple(sorted(found, key=lambda c: c.start))
