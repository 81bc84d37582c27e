"""Agreement mentions: the nouns that name an agreement and the verbs that sign it.

A *mention* is one agreement noun in the parse ("a protocol", "the Agreement on Cultural
Cooperation", "a memorandum of understanding (MoU)", "the joint statement"), with its title in
the text's words and, when the sentence says so, the verb that signs, adopts or issues it.
Whether that verb states a fact (not "will sign", "did not sign", "plans to sign") is decided
here too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Agreement nouns → (family, kind). Mentions of one family can be the same agreement
# ("a protocol" … "the protocol"); the kind is what the record reports.
NOUNS: dict[str, tuple[str, str]] = {
    "agreement": ("agreement", "agreement"),
    "accord": ("agreement", "agreement"),
    "deal": ("agreement", "agreement"),
    "pact": ("agreement", "agreement"),
    "treaty": ("treaty", "agreement"),
    "protocol": ("protocol", "agreement"),
    "contract": ("contract", "agreement"),
    "convention": ("convention", "agreement"),
    "declaration": ("declaration", "declaration"),
    "statement": ("statement", "declaration"),  # only a *joint* statement: see JOINT_ONLY
    "memorandum": ("memorandum", "memorandum"),
    "memoranda": ("memorandum", "memorandum"),
    "mou": ("memorandum", "memorandum"),
    "communique": ("communique", "communique"),
}
# Nouns that are an agreement only when joint ("a press statement" is not).
JOINT_ONLY = frozenset({"statement"})
# Words that refer back to an agreement already named but never introduce one.
ANAPHORS = frozenset({"document", "documents", "text"})
# Verbs that make a mention a signed agreement.
SIGN_VERBS = frozenset({"sign", "ink", "conclude", "seal", "initial", "countersign"})
# Verbs by which a joint document comes into being without a signature ("adopted a joint
# declaration", "issued a joint statement"); a one-sided declaration is not an agreement.
ISSUE_VERBS = frozenset({"adopt", "issue", "release", "make"})
# Nouns that stand for the act of signing ("the signing of the treaty").
SIGNING_NOUNS = frozenset({"signing", "signature", "conclusion", "adoption"})
# Modifiers of a noun or verb that make the signing not (yet) a fact.
NOT_YET = frozenset({"planned", "proposed", "draft", "future", "possible", "potential", "prospective",
                     "upcoming", "expected", "envisaged", "intended", "forthcoming"})
# Auxiliaries of a future, hypothetical or obligated act.
MODALS = frozenset({"will", "shall", "would", "could", "may", "might", "can", "should", "must",
                    "'ll", "'d", "wo", "ca"})
# Things that are signed but are not agreements (a receipt, a hand-over certificate).
RECEIPT_WORDS = frozenset({"delivery", "handover", "hand-over", "receipt", "acceptance", "note",
                           "certificate", "invoice"})
# Prepositions whose phrase belongs to an agreement's title ("Agreement on X between A and B").
TITLE_PREPS = frozenset({"on", "of", "between", "for", "concerning", "regarding", "about", "in", "among"})
# Prepositions that put an agreement inside a larger object ("a package of agreements").
_CONTAINERS = frozenset({"of", "including", "among", "as"})
_PLACE_OR_TIME = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his",
                          "her", "our", "such", "another"})
_TITLE_WORD = re.compile(r"""\s*(?:[A-Z][\w'’.-]*|of|on|and|the|for|in|between|to|&|,|["“”'])""")


@lru_cache(maxsize=65536)
def normalize(word: str) -> str:
    """Lower case without accents: "Communiqué" → "communique"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Mention:
    """One agreement noun in a document.

    ``verb`` is the index of the token that signs or issues it (None when the sentence only
    names the agreement); ``factual`` says whether that signing is stated as done.
    """

    token: int
    sentence: int
    family: str
    kind: str
    title: str
    title_start: int
    title_end: int
    joint: bool
    capitalised: bool
    verb: int | None = None
    relation: str | None = None  # "obj" | "passive" | "acl" | "noun"
    factual: bool = False
    anaphor: bool = False


def lemma(token: Token) -> str:
    return normalize(token.lemma_)


def noun_family(token: Token) -> tuple[str, str] | None:
    """(family, kind) of an agreement noun, or None."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    word = lemma(token)
    found = NOUNS.get(word) or NOUNS.get(normalize(token.text).rstrip("s"))
    if found is None:
        return None
    modifiers = {normalize(c.text) for c in token.children if c.dep_ in {"amod", "compound", "nmod"}}
    if modifiers & RECEIPT_WORDS:
        return None
    if word in JOINT_ONLY and "joint" not in modifiers:
        return None
    return found


def _is_joint(token: Token) -> bool:
    return any(normalize(c.text) == "joint" for c in token.children if c.dep_ in {"amod", "compound", "nmod"})


def _title_tokens(token: Token) -> tuple[int, int]:
    """First and last token index of the noun phrase that names the agreement."""
    keep: set[int] = {token.i}
    blocked: set[int] = set()

    def add_subtree(node: Token) -> None:
        keep.add(node.i)
        for child in node.children:
            if child.dep_ in {"relcl", "advcl", "acl"} or (child.dep_ == "appos" and not _parenthesised(child)):
                blocked.update(t.i for t in child.subtree)
                continue
            add_subtree(child)

    for child in token.children:
        if child.i < token.i:
            if _title_modifier(child):
                add_subtree(child)
        elif _title_complement(child):
            add_subtree(child)
        elif child.dep_ in {"compound", "punct"} and child.i == token.i + 1:
            keep.add(child.i)
        else:
            blocked.update(t.i for t in child.subtree)
    start, end = token.i, token.i
    while start - 1 in keep and start - 1 not in blocked and lemma(token.doc[start - 1]) not in SIGN_VERBS:
        start -= 1  # (a headline verb parsed as a modifier, "Russia ink protocol", stops the title)
    while end + 1 in keep and end + 1 not in blocked:
        end += 1
    doc = token.doc
    # "… signed in Oslo on Monday": a place or time after the noun ends the title.
    for k in range(token.i + 1, end):
        if doc[k].lower_ in {"in", "on", "at", "during"} and doc[k + 1].ent_type_ in _PLACE_OR_TIME:
            end = k - 1
            break
    while start < token.i and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct and doc[start].text not in {'"', "“"}):
        start += 1
    while end > token.i and (doc[end].is_punct and doc[end].text not in {")", '"', "”"} or doc[end].dep_ == "cc"):
        end -= 1
    # An opening quote without its closing one (or the reverse) is not part of the title.
    words = doc[start : end + 1].text
    if words.count('"') % 2 == 1 and doc[start].text == '"':
        start += 1
    return start, end


def _title_modifier(child: Token) -> bool:
    """"DPRK-Russia joint", "new economic cooperation", "Russia's": words before the noun."""
    return (child.dep_ in {"compound", "amod", "nmod", "nummod", "quantmod"}
            or child.dep_ == "punct" and child.text in {"-", '"', "“", "”"}
            or child.dep_ == "poss" and child.pos_ == "PROPN")


def _title_complement(child: Token) -> bool:
    """"on Friendship", "between A and B", "(MoU)": phrases after the noun."""
    if child.dep_ == "prep":
        return child.lower_ in TITLE_PREPS and not _is_place_or_date(child)
    return child.dep_ == "appos" and _parenthesised(child)


def _parenthesised(token: Token) -> bool:
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    return left > 0 and doc[left - 1].text == "(" and right + 1 < len(doc) and doc[right + 1].text == ")"


def _is_place_or_date(prep: Token) -> bool:
    """"on Monday", "in Pyongyang": a time or place, not part of the title."""
    return any(obj.dep_ == "pobj" and obj.ent_type_ in _PLACE_OR_TIME for obj in prep.children)


def _capitalised_end(token: Token, end_char: int, limit: int) -> int:
    """Extend a capitalised title ("Treaty on Friendship, Cooperation and Mutual Assistance")
    over the capitalised words and connectors that follow it in the text."""
    text = doc_text(token.doc)
    best = end_char
    pos = end_char
    previous = ""
    while pos < limit:
        m = _TITLE_WORD.match(text, pos, limit)
        if m is None or "\n" in m.group(0):
            break
        pos = m.end()
        word = m.group(0).strip()
        if previous == "," and not word[:1].isupper():
            break  # "…on Cessation of Hostilities, the Sudanese government": a new phrase
        if word[:1].isupper() or word in {'"', "”"}:
            best = pos
        previous = word
    return best


def title_of(token: Token) -> tuple[str, int, int]:
    """The agreement's title in the text's words, with its character offsets."""
    doc = token.doc
    first, last = _title_tokens(token)
    start = doc[first].idx
    end = doc[last].idx + len(doc[last])
    if token.text[:1].isupper() and token.is_title:
        end = max(end, _capitalised_end(token, end, token.sent.end_char))
        for k in range(last + 1, len(doc)):
            if doc[k].idx >= end:
                break
            if doc[k].lower_ in {"in", "on", "at", "during"} and k + 1 < len(doc) and doc[k + 1].ent_type_ in _PLACE_OR_TIME:
                end = min(end, doc[k - 1].idx + len(doc[k - 1]))
                break
    raw = doc_text(doc)[start:end]
    start += len(raw) - len(raw.lstrip(" ,;:"))
    end -= len(raw) - len(raw.rstrip(" ,;:"))
    if doc_text(doc)[start:end].endswith(".") and not re.search(r"\.\w+\.$|\b\w\.$", doc_text(doc)[start:end]):
        end -= 1  # the sentence's full stop, not an abbreviation ("U.S.")
    return re.sub(r"\s+", " ", doc_text(doc)[start:end]), start, end


def _governor(token: Token) -> tuple[Token | None, str | None]:
    """The verb (or signing noun) that signs or issues the agreement named by ``token``."""
    base = token
    for _ in range(4):
        if base.dep_ in {"conj", "appos"} and base.head.i != base.i and base.head.pos_ in {"NOUN", "PROPN"}:
            base = base.head
        elif (base.dep_ == "pobj" and base.head.lower_ in _CONTAINERS and base.head.head.pos_ in {"NOUN", "PROPN", "NUM"}
              and base.head.head.i < base.i):
            base = base.head.head  # "signed documents, including a protocol on …", "a number of agreements"
        elif base.dep_ == "pobj" and base.head.lower_ == "including" and base.head.head.pos_ in {"NOUN", "PROPN"}:
            base = base.head.head
        else:
            break
    head = base.head
    # Signing verbs first: "The declaration signed by A and B … was published" is signed.
    for verbs in (SIGN_VERBS, ISSUE_VERBS):
        for child in token.children:
            if child.dep_ in {"acl", "relcl", "amod"} and lemma(child) in verbs and (child.tag_ == "VBN" or child.dep_ == "relcl"):
                return child, "acl"
        if base.dep_ == "dobj" and lemma(head) in verbs:
            return head, "obj"
        if base.dep_ == "nsubjpass" and lemma(head) in verbs:
            return head, "passive"
        if base.dep_ == "conj" and head.pos_ == "VERB" and lemma(head) in verbs:
            return head, "obj"  # "signed a water agreement on Tuesday and a transport agreement …"
    if base.dep_ == "pobj" and head.lower_ in {"of", "for"} and head.head.pos_ in {"NOUN", "PROPN"}:
        owner = head.head
        if lemma(owner) in SIGNING_NOUNS or any(lemma(c) == "signing" for c in owner.children if c.dep_ in {"compound", "amod"}):
            return owner, "noun"
    # "the Treaty signed in June by A and B" is sometimes parsed with "signed" hanging elsewhere.
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if (nxt is not None and lemma(nxt) in SIGN_VERBS and nxt.tag_ in {"VBN", "VBD"}
            and not any(c.dep_ in {"dobj", "nsubj", "nsubjpass"} for c in nxt.children)):
        return nxt, "acl"
    return None, None


def is_factual(verb: Token, noun: Token | None = None) -> bool:
    """Whether the signing is stated as done: not negated, future, conditional or intended."""
    chain = [verb]
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i and len(chain) < 4:
        node = node.head
        chain.append(node)
    for node in chain:
        if node.dep_ in {"xcomp"} or (node.dep_ == "pcomp" and node.head.lower_ in {"for", "toward", "towards"}):
            return False
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
                return False
            if child.dep_ in {"aux", "auxpass"} and (low in MODALS or child.tag_ == "TO"):
                return False
            if child.dep_ == "mark" and low in {"if", "unless", "whether", "once"}:
                return False
            if child.dep_ in {"amod", "advmod"} and low in NOT_YET | {"yet"}:
                return False
    if noun is not None:
        for child in noun.children:
            if child.dep_ == "det" and child.lower_ == "no" or child.dep_ in {"amod", "compound"} and child.lower_ in NOT_YET:
                return False
    return True


def find_mentions(sents: list[Span]) -> list[Mention]:
    """Every agreement noun (and anaphoric "the document") in the document, in text order."""
    out: list[Mention] = []
    for index, sent in enumerate(sents):
        for token in sent:
            found = noun_family(token)
            anaphor = found is None and token.lower_ in ANAPHORS and token.pos_ == "NOUN" and any(
                c.lower_ in {"the", "this", "these"} for c in token.children)
            if found is None and not anaphor:
                continue
            family, kind = found or ("document", "")
            verb, relation = _governor(token)
            factual = verb is not None and is_factual(verb, token)
            title, start, end = title_of(token)
            out.append(Mention(
                token=token.i, sentence=index, family=family, kind=kind, title=title,
                title_start=start, title_end=end, joint=_is_joint(token),
                capitalised=token.is_title and token.pos_ == "PROPN", verb=None if verb is None else verb.i,
                relation=relation, factual=factual, anaphor=anaphor,
            ))
    return out
